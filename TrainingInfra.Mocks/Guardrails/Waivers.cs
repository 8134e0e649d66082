using TrainingInfra.Blueprint.Config;

namespace TrainingInfra.Mocks.Guardrails;

/// <summary>
/// Every accepted exception to the guardrails, in one place, each with its reason. A finding not
/// covered here fails the suite.
/// </summary>
public static class Waivers
{
    // Declared before StarResourceActions, which is built from it: static fields initialise in text order.
    private static readonly Dictionary<string, string> ReviewedStarActions = new(StringComparer.Ordinal)
    {
        ["ecr:GetAuthorizationToken"] = "the registry login token is account-wide; the action supports no resource",
        ["sts:GetServiceBearerToken"] = "package mirror: STS grants the bearer token on no resource (CodeArtifact's authentication page grants it on \"*\"); the grant is conditioned on sts:AWSServiceName = codeartifact.amazonaws.com instead",
        ["cloudwatch:PutMetricData"] = "metrics have no ARN; the grant is conditioned on the cloudwatch:namespace instead",
        ["ec2:DescribeNetworkInterfaces"] = "Describe* actions support no resource-level permissions",
        ["ec2:DescribeVpcs"] = "Describe* actions support no resource-level permissions",
        ["ec2:DescribeDhcpOptions"] = "Describe* actions support no resource-level permissions",
        ["ec2:DescribeSubnets"] = "Describe* actions support no resource-level permissions",
        ["ec2:DescribeSecurityGroups"] = "Describe* actions support no resource-level permissions",
        ["ec2:CreateNetworkInterface"] = "a VPC-mode training job's network interface does not exist before SageMaker creates it, so it has no ARN to name",
        ["ec2:CreateNetworkInterfacePermission"] = "as CreateNetworkInterface: the interface SageMaker attaches is created for the job",
        ["ec2:DeleteNetworkInterface"] = "as CreateNetworkInterface: SageMaker removes the job's interface when the job ends",
        ["ec2:DeleteNetworkInterfacePermission"] = "as CreateNetworkInterface: the permission belongs to the job's interface",
        ["sagemaker:ListTrainingJobs"] = "scoped notebook: listing has no resource type; it shows names and states of the account's jobs and opens none",
        ["cloudwatch:GetMetricData"] = "scoped notebook: metric reads have no resource type; training metrics carry only the job name as dimension",
        ["cloudwatch:GetMetricStatistics"] = "scoped notebook: as GetMetricData",
        ["cloudwatch:ListMetrics"] = "scoped notebook: as GetMetricData",
        ["sagemaker:ListModelPackages"] = "notebook: listing has no resource type; it shows the names and states of the account's model packages and opens none",
    };

    // The sagemaker-mlflow actions name tracking servers as their only resource type (Service
    // Authorization Reference, read 2026-12-05), never an MLflow App: "*" with the stack's tags as
    // condition is how they are held to this stack's app (ExperimentPolicies).
    private static IEnumerable<KeyValuePair<string, string>> MlflowApiOnTags =>
        Blueprint.Experiments.ExperimentPolicies.MlflowApiActions.Select(action => KeyValuePair.Create(action,
            "MLflow App clients: the sagemaker-mlflow actions offer no resource type for an app; the grant is held to the stack's Project and Environment tags"));

    /// <summary>
    /// Actions that may be granted on "*" (CKV_AWS_355), because AWS offers no resource to scope
    /// them to; anything else on "*" is a finding.
    /// </summary>
    public static IReadOnlyDictionary<string, string> StarResourceActions { get; } = new Dictionary<string, string>(ReviewedStarActions.Concat(MlflowApiOnTags), StringComparer.Ordinal);

    private static readonly string[] ReviewedManagedPolicies =
    [
        "AmazonSageMakerFullAccess",
        "service-role/AmazonEC2ContainerServiceforEC2Role",
        "service-role/AWSBatchServiceRole",
        "service-role/AmazonEC2SpotFleetTaggingRole",
    ];

    public static IReadOnlyList<Waiver> All { get; } =
    [
        new("IAM.21",
            (_, f) => ReviewedManagedPolicies.Any(p => f.Problem.EndsWith(":iam::aws:policy/" + p, StringComparison.Ordinal)),
            "AWS managed policies the CDK design and AWS Batch prescribe: AmazonSageMakerFullAccess for the notebook role "
            + "(notebooks drive SageMaker), the ECS instance role and spot fleet tagging role for Batch hosts; AWS maintains them"),
        new("CKV_AWS_51",
            (s, _) => !s.Storage.ImmutableTags,
            "ecrImmutableTags is off: jobs run the image tag named in jobImageTag (by default latest), which a push must be able to move"),
        new("CKV_AWS_122",
            (s, _) => s.Notebook.DirectInternetAccess && !s.Protected,
            "ephemeral stacks keep the CDK design's direct internet access: the VPC has no NAT gateway, so without it the notebook reaches neither pip nor GitHub; protected stacks must turn it off"),
        new("CKV_AWS_307",
            (s, _) => s.Notebook.RootAccess && !s.Protected,
            "ephemeral stacks keep the CDK design's root access, so data scientists can install system packages; protected stacks must turn it off"),
        new("CKV2_AWS_11",
            (s, _) => !s.Network.FlowLogs,
            "vpcFlowLogs is off: ephemeral stacks skip flow logs to save cost; the protected stack turns them on"),
        new("CKV_AWS_145",
            (s, _) => !s.Storage.CustomerManagedKey,
            "customerManagedKey is off: buckets use SSE-S3 (AES256) as in the CDK design"),
        new("CKV_AWS_136",
            (s, _) => !s.Storage.CustomerManagedKey,
            "customerManagedKey is off: the repository uses AES256 as in the CDK design"),
        new("CKV_AWS_158",
            (s, _) => !s.Storage.CustomerManagedKey,
            "customerManagedKey is off: log groups use CloudWatch Logs' own encryption"),
        new("CKV_AWS_22",
            (s, _) => !s.Storage.CustomerManagedKey,
            "customerManagedKey is off: the notebook volume uses SageMaker's AWS-managed key"),
        new("CKV_AWS_145",
            (_, f) => f.Resource is "Bucket access-logs" or "Bucket replica-access-logs",
            "access-log buckets: S3 server access log delivery writes only to destinations with SSE-S3 default encryption, not SSE-KMS"),
        // Only for the public mode that asks for public subnets: a private network (prod) must pass
        // EC2.15 outright.
        new("EC2.15",
            (s, f) => s.Network.Mode == NetworkMode.Public && f.Problem == GuardrailCatalog.PublicSubnetsProblem,
            "networkMode public, the CDK design without a NAT gateway: the notebook (direct internet access) and Batch hosts reach ECS, ECR and "
            + "package mirrors through the internet gateway from the public subnets; training runs in the isolated subnets, which have no route "
            + "out. networkMode private removes the public subnets"),
        new("TI.NET.2",
            (_, f) => f.Problem == GuardrailCatalog.SelfReferencingAllTraffic,
            "the SageMaker group admits all traffic from its own members only: the instances of one distributed training job talk on "
            + "ports chosen at run time (NCCL, MPI, parameter servers), and no address outside the group is admitted"),
    ];

    /// <summary>The waiver that accepts a finding in a stack with these settings, or null.</summary>
    public static Waiver? Covering(PlatformSettings settings, Finding finding) =>
        All.FirstOrDefault(w => w.RuleId == finding.RuleId && w.Covers(settings, finding));
}

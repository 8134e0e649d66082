using System.Text.Json.Nodes;
using TrainingInfra.Blueprint.Aws;
using TrainingInfra.Blueprint.Encryption;
using TrainingInfra.Blueprint.Policies;
using TrainingInfra.Blueprint.Storage;

namespace TrainingInfra.Blueprint.SageMaker;

/// <summary>
/// Trust and permission policies of the notebook's and the training jobs' roles. Every grant names
/// the platform's own buckets, repository, log group or role; the few actions that AWS authorises
/// only on "*" say so where they are granted.
/// </summary>
public static class SageMakerPolicies
{
    /// <summary>The service that assumes both roles.</summary>
    public const string ServicePrincipal = "sagemaker.amazonaws.com";

    /// <summary>The AWS managed policy the notebook role keeps from the CDK design.</summary>
    public const string NotebookManagedPolicy = "AmazonSageMakerFullAccess";

    /// <summary>Name of the notebook role's inline policy.</summary>
    public const string NotebookPolicyName = "notebook-platform-access";

    /// <summary>Name of the training role's inline policy.</summary>
    public const string TrainingPolicyName = "training-job-access";

    /// <summary>The log group SageMaker writes every training job's logs to; its name is fixed by SageMaker.</summary>
    public const string TrainingLogGroup = "/aws/sagemaker/TrainingJobs";

    /// <summary>The CloudWatch namespaces SageMaker publishes training metrics under.</summary>
    public const string MetricNamespacePattern = "/aws/sagemaker/*";

    private static readonly string[] ImagePull = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"];
    private static readonly string[] ImagePush = ["ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage"];

    private static readonly string[] NetworkDescribe =
        ["ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs", "ec2:DescribeDhcpOptions", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups"];

    private static readonly string[] NetworkInterfaceLifecycle =
        ["ec2:CreateNetworkInterface", "ec2:CreateNetworkInterfacePermission", "ec2:DeleteNetworkInterface", "ec2:DeleteNetworkInterfacePermission"];

    /// <summary>Lets SageMaker, and nothing else, assume a role.</summary>
    public static string Trust() => PolicyDocument.TrustService(ServicePrincipal);

    /// <summary>
    /// What the notebook's users need beyond <see cref="NotebookManagedPolicy"/>: read and write on
    /// both buckets, pull and push on the repository, and handing the training role (and only that
    /// role) to SageMaker when they start a training job.
    /// </summary>
    public static string Notebook(SageMakerResources resources, string trainingRoleArn)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return PolicyDocument.Create(
        [
            .. BucketAccess.Statements("Dataset", resources.DatasetBucketArn, write: true),
            .. BucketAccess.Statements("Model", resources.ModelBucketArn, write: true),
            PolicyDocument.Allow("PullPushTrainingImages", [.. ImagePull, .. ImagePush], [resources.RepositoryArn]),
            EcrLogin(),
            // AmazonSageMakerFullAccess lets the role pass any role to SageMaker as well; this
            // statement is what the notebook needs, and all it keeps if that policy is replaced by
            // a narrower one.
            PassTrainingRole("PassTrainingRoleToSageMaker", trainingRoleArn),
            .. DataKeyUse(resources),
        ]);
    }

    /// <summary>Passing the stack's training role, and only to SageMaker: what starting a job needs.</summary>
    public static JsonObject PassTrainingRole(string sid, string trainingRoleArn) =>
        PolicyDocument.Allow(
            sid, ["iam:PassRole"], [trainingRoleArn],
            new JsonObject { ["StringEquals"] = new JsonObject { ["iam:PassedToService"] = ServicePrincipal } });

    /// <summary>
    /// What a training job needs and nothing more: no SageMaker API at all, read on the dataset
    /// bucket, read and write on the model bucket (output and checkpoints), pull from the
    /// repository, its logs and metrics, and the network interfaces that place it in the VPC.
    /// </summary>
    public static string Training(SageMakerResources resources, AwsRegion region, string accountId)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(region);
        var logGroupArn = $"arn:{region.Partition}:logs:{region.Name}:{accountId}:log-group:{TrainingLogGroup}";
        return PolicyDocument.Create(
        [
            .. BucketAccess.Statements("Dataset", resources.DatasetBucketArn, write: false),
            .. BucketAccess.Statements("Model", resources.ModelBucketArn, write: true),
            PolicyDocument.Allow("PullTrainingImage", ImagePull, [resources.RepositoryArn]),
            EcrLogin(),
            // CloudWatch Logs checks some of these actions against the group's ARN and others
            // against "<group>:log-stream:<stream>" (DescribeLogStreams with an empty stream), so
            // both forms are listed; neither reaches another log group.
            PolicyDocument.Allow(
                "WriteTrainingLogs",
                ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                [logGroupArn, logGroupArn + ":log-stream:*"]),
            // PutMetricData has no resource type: IAM accepts only "*" for it. The namespace
            // condition is the only scope there is, and keeps the job to SageMaker's own namespaces.
            PolicyDocument.Allow(
                "PublishTrainingMetrics", ["cloudwatch:PutMetricData"], ["*"],
                new JsonObject { ["StringLike"] = new JsonObject { ["cloudwatch:namespace"] = MetricNamespacePattern } }),
            // The Describe actions have no resource type, so "*" is their only form. The network
            // interface of a VPC-mode job does not exist before SageMaker creates it, so its ARN
            // cannot be named; SageMaker's documentation grants these actions on "*". They reach
            // network plumbing only, never data.
            PolicyDocument.Allow("DescribeVpcNetwork", NetworkDescribe, ["*"]),
            PolicyDocument.Allow("ManageTrainingNetworkInterfaces", NetworkInterfaceLifecycle, ["*"]),
            .. DataKeyUse(resources),
            .. TrainingJobKeyUse(resources),
        ]);
    }

    /// <summary>Name of the notebook role's inline policy that lets the idle check stop the notebook.</summary>
    public const string NotebookSelfStopPolicyName = "notebook-idle-stop";

    /// <summary>
    /// What the notebook's idle check needs: to describe and stop the one notebook it runs on, by
    /// its ARN, and no other.
    /// </summary>
    public static string NotebookSelfStop(string notebookArn) =>
        PolicyDocument.Create([PolicyDocument.Allow("StopThisNotebookWhenIdle", NotebookIdleStop.SelfActions, [notebookArn])]);

    /// <summary>
    /// With a data key, the training-job configuration encrypts the job's output (OutputDataConfig.KmsKeyId)
    /// and its storage volume (ResourceConfig.VolumeKmsKeyId) with it. SageMaker then encrypts as the
    /// execution role, which needs kms:Encrypt and kms:DescribeKey, and attaches the volume through a
    /// grant that only an AWS service may use (the CreateTrainingJob execution-role permissions in
    /// https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html, read 2026-12-01).
    /// </summary>
    private static IEnumerable<JsonObject> TrainingJobKeyUse(SageMakerResources resources) =>
        resources.DataKeyArn is { } keyArn
            ?
            [
                PolicyDocument.Allow("EncryptTrainingOutputAndVolume", ["kms:Encrypt", "kms:DescribeKey"], [keyArn]),
                PolicyDocument.Allow(
                    "GrantTrainingVolumeKeyToAwsServices", ["kms:CreateGrant"], [keyArn],
                    new JsonObject { ["Bool"] = new JsonObject { ["kms:GrantIsForAWSResource"] = "true" } }),
            ]
            : [];

    /// <summary>Objects in buckets encrypted with the stack's own key are unreadable without it.</summary>
    private static IEnumerable<JsonObject> DataKeyUse(SageMakerResources resources) =>
        resources.DataKeyArn is { } keyArn ? [DataKeyPolicy.UseForObjects(keyArn)] : [];

    /// <summary>
    /// ECR's login call. GetAuthorizationToken has no resource type (the token opens the whole
    /// registry to Docker, and the repository actions decide what it may then do), so IAM accepts
    /// only "*" for it.
    /// </summary>
    private static JsonObject EcrLogin() => PolicyDocument.Allow("EcrLogin", ["ecr:GetAuthorizationToken"], ["*"]);
}

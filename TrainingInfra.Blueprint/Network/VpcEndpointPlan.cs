using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Experiments;

namespace TrainingInfra.Blueprint.Network;

/// <summary>
/// The VPC endpoints a stack's network carries, each derived from the workloads that call it from
/// inside the VPC. The isolated subnets have no route out, so a call without an endpoint fails; an
/// interface endpoint that nothing calls bills by the hour for nothing. What runs decides the set:
/// training jobs always (the platform's training configuration runs them in VPC mode), the
/// notebook only when it has no direct internet access, the Batch hosts only in a private network
/// (in a public one they reach AWS through the internet gateway), and the services the teams' own
/// code calls, named in config.
/// </summary>
public static class VpcEndpointPlan
{
    /// <summary>Endpoint type of S3's free gateway endpoint.</summary>
    public const string Gateway = "Gateway";

    /// <summary>Endpoint type of the hourly-billed interface endpoints.</summary>
    public const string Interface = "Interface";

    /// <summary>The only port the interface endpoints' security group admits.</summary>
    public const int HttpsPort = 443;

    /// <summary>The consumer named for endpoints that the teams' own code asked for in config.</summary>
    public const string TeamCode = "the teams' training code (interfaceEndpointServices)";

    private const string TrainingJobs = "SageMaker training jobs (VPC mode)";
    private const string OfflineNotebook = "the notebook without direct internet access";

    private const string TrainVpcPage = "https://docs.aws.amazon.com/sagemaker/latest/dg/train-vpc.html";
    private const string NetworkIsolationArticle = "https://repost.aws/knowledge-center/sagemaker-access-network-isolation";
    private const string NotebookInternetPage = "https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html";
    private const string SageMakerEndpointPage = "https://docs.aws.amazon.com/sagemaker/latest/dg/interface-vpc-endpoint.html";
    private const string EcrEndpointPage = "https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html";
    private const string SdkInVpcNotes = "https://github.com/awsdocs/amazon-sagemaker-developer-guide/pull/259";
    private const string PrivateBatchHosts = "AWS Batch hosts in the isolated subnets (networkMode: private)";
    private const string EcsEndpointPage = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html";
    private const string BatchEndpointPage = "https://docs.aws.amazon.com/batch/latest/userguide/vpc-interface-endpoints.html";

    // Training jobs: SageMaker attaches network interfaces in the isolated subnets, and the node's
    // own processes download the input channels, upload the model and sync checkpoints over them,
    // and ship the job's logs and metrics over them too (re:Post, "AWS OFFICIAL", read
    // 2026-12-01). The training image is not among them: with the default
    // TrainingRepositoryAccessMode (Platform) SageMaker pulls it from ECR itself; only Vpc mode,
    // for private registries, pulls through the customer's VPC (train-vpc.html and
    // docker-containers-adapt-your-own-private-registry.html, read 2026-12-01; built-in algorithm
    // images it even pulls with its own credentials, API_AlgorithmSpecification.html). So no ECR
    // endpoint is needed for training, and no STS or SageMaker API endpoint either: SageMaker
    // itself calls neither from the VPC.
    private static readonly EndpointNeed[] TrainingNeeds =
    [
        new("s3", TrainingJobs, "downloading the input channels, uploading the model artifact and syncing spot checkpoints", TrainVpcPage),
        new("logs", TrainingJobs, "SageMaker's node processes ship the job's output to /aws/sagemaker/TrainingJobs", NetworkIsolationArticle),
        new("monitoring", TrainingJobs, "SageMaker's node processes publish the job's metrics to /aws/sagemaker/TrainingJobs", NetworkIsolationArticle),
    ];

    // The notebook without direct internet access reaches AWS only through the VPC, which has no
    // NAT gateway ("can't train or host models unless your VPC has an interface endpoint", read
    // 2026-12-01); with direct internet access every one of these calls leaves through
    // SageMaker's own network interface instead, and the stack needs none of them.
    private static readonly EndpointNeed[] OfflineNotebookNeeds =
    [
        new("s3", OfflineNotebook, "reading datasets and writing to the platform's buckets", NotebookInternetPage),
        new("sagemaker.api", OfflineNotebook, "starting, describing and stopping training jobs, and the idle check stopping the notebook itself", SageMakerEndpointPage),
        new("sts", OfflineNotebook, "the SageMaker Python SDK asks STS for the caller's identity before it starts a job", SdkInVpcNotes),
        new("logs", OfflineNotebook, "following a training job's logs from the notebook", SdkInVpcNotes),
        new("ecr.api", OfflineNotebook, "authenticating docker push and pull of the training containers", EcrEndpointPage),
        new("ecr.dkr", OfflineNotebook, "docker push and pull of the training containers", EcrEndpointPage),
    ];

    // Batch hosts in a private network: the ECS agent on the ECS-optimized AMI registers the host and
    // takes its tasks through ecs-agent and ecs, and reports through ecs-telemetry; AWS Batch's page
    // sends jobs on EC2 to the ECS endpoints, to ECR for private images and to CloudWatch Logs for
    // the awslogs driver. Docker pulls the image's layers from S3, through the gateway (ECR's page).
    // No batch endpoint: the hosts never call the Batch API. (All read 2026-12-05, as of 2026-12.)
    private static readonly EndpointNeed[] PrivateBatchHostNeeds =
    [
        new("ecs", PrivateBatchHosts, "the ECS agent registers the host in the compute environment's cluster and updates its tasks", EcsEndpointPage),
        new("ecs-agent", PrivateBatchHosts, "the ECS agent polls for the jobs placed on the host", EcsEndpointPage),
        new("ecs-telemetry", PrivateBatchHosts, "the ECS agent sends the host's and the jobs' metrics", EcsEndpointPage),
        new("ecr.api", PrivateBatchHosts, "the ECS agent authenticates the pull of the job image", BatchEndpointPage),
        new("ecr.dkr", PrivateBatchHosts, "docker pulls the job image's manifest", BatchEndpointPage),
        new("s3", PrivateBatchHosts, "docker downloads the job image's layers, which ECR keeps in S3", EcrEndpointPage),
        new("logs", PrivateBatchHosts, "the awslogs driver ships the jobs' output to the platform's log group", BatchEndpointPage),
    ];

    private const string CodeArtifactEndpointPage = "https://docs.aws.amazon.com/codeartifact/latest/ug/create-vpc-endpoints.html";
    private const string CodeArtifactS3Page = "https://docs.aws.amazon.com/codeartifact/latest/ug/create-s3-gateway-endpoint.html";
    private const string MirrorNotebook = "pip on the notebook without direct internet access (packageMirror)";
    private const string MirrorBatchJobs = "pip in Batch jobs on hosts in the isolated subnets (packageMirror, networkMode: private)";

    // The package mirror from inside the VPC: CodeArtifact's API for the token, its repositories
    // endpoint (with private DNS, which the page requires for the repository URL pip uses) for the
    // index and downloads, and S3, where CodeArtifact keeps package assets, through the gateway. All
    // read 2026-12-05, as of 2026-12.
    private static EndpointNeed[] MirrorNeeds(string consumer) =>
    [
        new("codeartifact.api", consumer, "GetAuthorizationToken, the token pip authenticates with", CodeArtifactEndpointPage),
        new("codeartifact.repositories", consumer, "pip reads the mirror's index and downloads packages", CodeArtifactEndpointPage),
        new("s3", consumer, "package assets, which CodeArtifact keeps in S3", CodeArtifactS3Page),
    ];

    private const string MlflowEndpointPage = "https://docs.aws.amazon.com/sagemaker/latest/dg/mlflow-interface-endpoint-create.html";

    // The MLflow App from inside the VPC: a training job's run is logged over the job's network
    // interfaces (TrainingJobConfig's MlflowConfig, and the sagemaker-mlflow plugin in the team's
    // code), and so are the offline notebook's calls. The page also asks for the SageMaker API
    // endpoint, for CreatePresignedMlflowAppUrl: the offline notebook has it already, and training
    // jobs never open the UI. Read 2026-12-05.
    private static EndpointNeed[] MlflowNeeds(string consumer) =>
        [new(MlflowTracking.EndpointService, consumer, "logging runs, metrics and models to the stack's MLflow App", MlflowEndpointPage)];

    /// <summary>Every call through an endpoint that one of the platform's workloads can make, for the table in docs/operations.md.</summary>
    public static IReadOnlyList<EndpointNeed> KnownNeeds { get; } =
    [
        .. TrainingNeeds, .. OfflineNotebookNeeds, .. PrivateBatchHostNeeds, .. MirrorNeeds(MirrorNotebook), .. MirrorNeeds(MirrorBatchJobs),
        .. MlflowNeeds(TrainingJobs), .. MlflowNeeds(OfflineNotebook),
    ];

    /// <summary>
    /// What the stack's own workloads call from inside the VPC, the teams' code aside, on a network
    /// of the given mode (the Batch hosts need endpoints only where they have no public address), with
    /// or without the stack's package mirror and MLflow App. Training jobs do not use the mirror:
    /// their packages are in the image they pull from ECR.
    /// </summary>
    public static IReadOnlyList<EndpointNeed> WorkloadNeeds(NotebookSettings notebook, NetworkMode mode, bool packageMirror, bool mlflowApp)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var needs = new List<EndpointNeed>(TrainingNeeds);
        if (mlflowApp)
        {
            needs.AddRange(MlflowNeeds(TrainingJobs));
        }

        if (notebook.Enabled && !notebook.DirectInternetAccess)
        {
            needs.AddRange(OfflineNotebookNeeds);
            if (mlflowApp)
            {
                needs.AddRange(MlflowNeeds(OfflineNotebook));
            }

            if (packageMirror)
            {
                needs.AddRange(MirrorNeeds(MirrorNotebook));
            }
        }

        if (mode == NetworkMode.Private)
        {
            needs.AddRange(PrivateBatchHostNeeds);
            if (packageMirror)
            {
                needs.AddRange(MirrorNeeds(MirrorBatchJobs));
            }
        }

        return needs;
    }

    /// <summary>
    /// The interface endpoint services the stack's workloads and teams need on a network of the
    /// given mode, whoever's network serves them: sorted, without duplicates.
    /// </summary>
    public static IReadOnlyList<string> InterfaceServicesNeeded(PlatformSettings settings, NetworkMode mode) =>
        Needs(settings, mode).Where(n => n.Service != "s3").Select(n => n.Service).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The interface endpoints of <see cref="For"/>.</summary>
    public static IReadOnlyList<VpcEndpoint> Interfaces(PlatformSettings settings) =>
        For(settings).Where(e => e.Type == Interface).ToList();

    /// <summary>The gateway endpoints of <see cref="For"/>.</summary>
    public static IReadOnlyList<VpcEndpoint> Gateways(PlatformSettings settings) =>
        For(settings).Where(e => e.Type == Gateway).ToList();

    /// <summary>
    /// The endpoints a network owned by this stack carries: the S3 gateway, and one interface
    /// endpoint for every service a consumer needs.
    /// </summary>
    public static IReadOnlyList<VpcEndpoint> For(PlatformSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var region = settings.Region;
        var needs = Needs(settings, settings.Network.Mode);
        var gateway = new VpcEndpoint("s3", region.EndpointServiceName("s3"), Gateway, needs.Where(n => n.Service == "s3").ToList());
        var interfaces = needs.Where(n => n.Service != "s3")
            .GroupBy(n => n.Service, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new VpcEndpoint(g.Key, region.EndpointServiceName(g.Key), Interface, g.ToList()));
        return [gateway, .. interfaces];
    }

    private static List<EndpointNeed> Needs(PlatformSettings settings, NetworkMode mode)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var needs = WorkloadNeeds(settings.Notebook, mode, settings.PackageMirror, settings.Experiments.MlflowApp).ToList();
        needs.AddRange(settings.Network.InterfaceEndpointServices.Select(service =>
            new EndpointNeed(service, TeamCode, "calls that the training code makes itself", "https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html")));
        return needs;
    }
}

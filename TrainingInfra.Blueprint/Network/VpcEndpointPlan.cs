using TrainingInfra.Blueprint.Config;

namespace TrainingInfra.Blueprint.Network;

/// <summary>
/// The VPC endpoints a stack's network carries, each derived from the workloads that call it from
/// inside the VPC. The isolated subnets have no route out, so a call without an endpoint fails; an
/// interface endpoint that nothing calls bills by the hour for nothing. What runs decides the set:
/// training jobs always (the platform's training configuration runs them in VPC mode), the
/// notebook only when it has no direct internet access, and the services the teams' own code
/// calls, named in config.
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

    /// <summary>Every call through an endpoint that one of the platform's workloads can make, for the table in docs/operations.md.</summary>
    public static IReadOnlyList<EndpointNeed> KnownNeeds { get; } = [.. TrainingNeeds, .. OfflineNotebookNeeds];

    /// <summary>What the stack's own workloads call from inside the VPC, the teams' code aside.</summary>
    public static IReadOnlyList<EndpointNeed> WorkloadNeeds(NotebookSettings notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var needs = new List<EndpointNeed>(TrainingNeeds);
        if (notebook.Enabled && !notebook.DirectInternetAccess)
        {
            needs.AddRange(OfflineNotebookNeeds);
        }

        return needs;
    }

    /// <summary>
    /// The interface endpoint services the stack's workloads and teams need, whoever's network
    /// serves them: sorted, without duplicates.
    /// </summary>
    public static IReadOnlyList<string> InterfaceServicesNeeded(PlatformSettings settings) =>
        Needs(settings).Where(n => n.Service != "s3").Select(n => n.Service).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The endpoints a network owned by this stack carries: the S3 gateway, and one interface
    /// endpoint for every service a consumer needs.
    /// </summary>
    public static IReadOnlyList<VpcEndpoint> For(PlatformSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var region = settings.Region;
        var needs = Needs(settings);
        var gateway = new VpcEndpoint("s3", region.EndpointServiceName("s3"), Gateway, needs.Where(n => n.Service == "s3").ToList());
        var interfaces = needs.Where(n => n.Service != "s3")
            .GroupBy(n => n.Service, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new VpcEndpoint(g.Key, region.EndpointServiceName(g.Key), Interface, g.ToList()));
        return [gateway, .. interfaces];
    }

    private static List<EndpointNeed> Needs(PlatformSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var needs = WorkloadNeeds(settings.Notebook).ToList();
        needs.AddRange(settings.Network.InterfaceEndpointServices.Select(service =>
            new EndpointNeed(service, TeamCode, "calls that the training code makes itself", "https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html")));
        return needs;
    }
}

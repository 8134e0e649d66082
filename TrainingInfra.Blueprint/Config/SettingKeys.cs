namespace TrainingInfra.Blueprint.Config;

/// <summary>
/// Every project config key the program understands, with its type, default and meaning. This
/// list is the one definition: <c>Pulumi.yaml</c>'s <c>config:</c> block and the README's config
/// reference are tested against it. Defaults are the CDK design's values unless the README's
/// "Differences from the CDK design" says otherwise.
/// </summary>
public static class SettingKeys
{
    /// <summary>The Pulumi project name, which is also the config namespace.</summary>
    public const string ProjectName = "training-infra";

    /// <summary>Suffix of every physical name; empty means "use the stack name".</summary>
    public static readonly SettingKey EnvironmentSuffix = new(
        "environmentSuffix", SettingType.String, "",
        "Suffix of every physical resource name and the Environment tag. Empty means the stack name (a stack pr3507 gets pr3507).");

    /// <summary>Protected stacks keep their data on destroy; ephemeral stacks delete it.</summary>
    public static readonly SettingKey Protected = new(
        "protected", SettingType.Boolean, "false",
        "true for a stack whose data must survive; buckets and the image repository are protected, retained on delete and never force-emptied. false (ephemeral) lets destroy delete them with their contents.");

    /// <summary>Extra tags for every taggable resource.</summary>
    public static readonly SettingKey Tags = new(
        "tags", SettingType.StringArray, "[]",
        "Extra tags for every taggable resource, each as Key=Value, at most 45 (Project, Environment and ManagedBy are always set, Name and SubnetType by awsx; none of them can be overridden).");

    /// <summary>The VPC's IPv4 range.</summary>
    public static readonly SettingKey VpcCidr = new(
        "vpcCidr", SettingType.String, "10.220.0.0/16",
        "IPv4 CIDR of the VPC, /16 to /24, large enough for a public and an isolated subnet in every availability zone.");

    /// <summary>How many availability zones the VPC spans.</summary>
    public static readonly SettingKey AvailabilityZones = new(
        "availabilityZones", SettingType.Integer, "2",
        "Number of availability zones (1 to 6); each gets one public and one isolated subnet.");

    /// <summary>Prefix length of every subnet.</summary>
    public static readonly SettingKey SubnetCidrMask = new(
        "subnetCidrMask", SettingType.Integer, "24",
        "Prefix length of each subnet (16 to 28, and small enough that every subnet fits in the VPC CIDR).");

    /// <summary>Another stack of this project whose network this stack uses instead of its own.</summary>
    public static readonly SettingKey NetworkStack = new(
        "networkStack", SettingType.String, "",
        "Attach to the network of another stack of this project (a stack name such as dev, or org/training-infra/dev on Pulumi Cloud) instead of creating a VPC: the VPC, subnets, internet gateway, endpoints and flow logs are that stack's. Empty (the default) creates the stack's own network. A protected stack may attach only to a protected stack's network.");

    /// <summary>Interface endpoints that the teams' own training code needs.</summary>
    public static readonly SettingKey InterfaceEndpointServices = new(
        "interfaceEndpointServices", SettingType.StringArray, "[]",
        "Interface endpoints for calls that the teams' own training code makes from the isolated subnets, by service name (for example sts, sagemaker.api, secretsmanager), beside those the platform's workloads need; each bills per hour and zone. On a stack with networkStack set, each must exist in that stack's network.");

    /// <summary>How many zones carry the interface endpoints.</summary>
    public static readonly SettingKey InterfaceEndpointZones = new(
        "interfaceEndpointZones", SettingType.String, "all",
        "How many availability zones carry the interface endpoints: all, or a number from 1 to availabilityZones. An endpoint serves every subnet of the VPC, so one zone is enough outside production, at a cross-zone data charge and without surviving that zone's outage.");

    /// <summary>Whether the VPC's traffic is logged.</summary>
    public static readonly SettingKey VpcFlowLogs = new(
        "vpcFlowLogs", SettingType.Boolean, "false",
        "Log the VPC's accepted and rejected traffic (flow logs) into a log group with the platform's retention.");

    /// <summary>Days before model artifacts move to Glacier.</summary>
    public static readonly SettingKey ModelArchiveDays = new(
        "modelArchiveDays", SettingType.Integer, "180",
        "Days after which objects in the model-artifacts bucket move to the GLACIER storage class.");

    /// <summary>How long replaced or deleted object versions stay recoverable.</summary>
    public static readonly SettingKey NoncurrentVersionDays = new(
        "noncurrentVersionDays", SettingType.Integer, "90",
        "Days a replaced or deleted object version stays recoverable in either bucket before it expires; without a limit every overwritten checkpoint is billed forever.");

    /// <summary>How many images the repository keeps.</summary>
    public static readonly SettingKey EcrMaxImageCount = new(
        "ecrMaxImageCount", SettingType.Integer, "50",
        "Number of images the training-container repository keeps; older ones expire.");

    /// <summary>Whether the stack has a notebook at all.</summary>
    public static readonly SettingKey NotebookEnabled = new(
        "notebookEnabled", SettingType.Boolean, "true",
        "Create the SageMaker notebook instance. It bills by the hour while running; false leaves it out and the NotebookInstanceName output says so.");

    /// <summary>Minutes without activity after which the notebook stops itself.</summary>
    public static readonly SettingKey NotebookIdleStopMinutes = new(
        "notebookIdleStopMinutes", SettingType.Integer, "60",
        "Minutes without kernel or terminal activity (and no kernel busy) after which the notebook instance stops itself (10 to 1440; 0 never stops it). Restart it from the console or with aws sagemaker start-notebook-instance.");

    /// <summary>Whether image tags may be moved once pushed.</summary>
    public static readonly SettingKey EcrImmutableTags = new(
        "ecrImmutableTags", SettingType.Boolean, "false",
        "Make the repository's image tags immutable, so that a tag always names the image first pushed under it; jobImageTag must then name a version, not latest.");

    /// <summary>Whether data at rest uses a key the stack owns.</summary>
    public static readonly SettingKey CustomerManagedKey = new(
        "customerManagedKey", SettingType.Boolean, "false",
        "Encrypt both buckets, the image repository, the platform's log groups and the notebook volume with a customer-managed KMS key made for the stack (rotation on). Decide when the stack is created; switching it later replaces the repository, which a protected stack refuses.");

    /// <summary>Whether reads and writes of both buckets are recorded as S3 server access logs.</summary>
    public static readonly SettingKey BucketAccessLogs = new(
        "bucketAccessLogs", SettingType.Boolean, "false",
        "Record every request to both buckets as S3 server access logs in a per-stack access-log bucket (access-logs-{suffix}-{account}, one key prefix per source bucket).");

    /// <summary>How long access logs are kept.</summary>
    public static readonly SettingKey AccessLogRetentionDays = new(
        "accessLogRetentionDays", SettingType.Integer, "365",
        "Days the access-log bucket keeps a log object before it expires (1 to 3650).");

    /// <summary>Where both buckets are replicated to, if anywhere.</summary>
    public static readonly SettingKey ReplicaRegion = new(
        "replicaRegion", SettingType.String, "",
        "Region that both buckets replicate their new objects to (cross-region replication into replica buckets there); empty means no replication. A known region of the stack's partition, not the stack's own.");

    /// <summary>The notebook's instance type.</summary>
    public static readonly SettingKey NotebookInstanceType = new(
        "notebookInstanceType", SettingType.String, "ml.t3.medium",
        "SageMaker notebook instance type (ml.<family>.<size>; families that the AL2023 notebook platform does not support are rejected).");

    /// <summary>Size of the notebook's ML storage volume.</summary>
    public static readonly SettingKey NotebookVolumeSizeGb = new(
        "notebookVolumeSizeGb", SettingType.Integer, "5",
        "Size in GB of the notebook's storage volume (5 to 16384; 5 is SageMaker's default, which the CDK design used).");

    /// <summary>Whether the notebook reaches the internet directly.</summary>
    public static readonly SettingKey NotebookDirectInternetAccess = new(
        "notebookDirectInternetAccess", SettingType.Boolean, "true",
        "Give the notebook SageMaker's direct internet access (the CDK design's default). Without it the notebook reaches only the VPC, which has no NAT gateway, so the default code repository is not attached.");

    /// <summary>Whether notebook users get root.</summary>
    public static readonly SettingKey NotebookRootAccess = new(
        "notebookRootAccess", SettingType.Boolean, "true",
        "Let notebook users become root (the CDK design's default).");

    /// <summary>What the notebook's role may do in SageMaker.</summary>
    public static readonly SettingKey NotebookAccess = new(
        "notebookAccess", SettingType.String, "full",
        "What the notebook role may do in SageMaker: full attaches AmazonSageMakerFullAccess (the CDK design); scoped allows only this stack's training jobs (start as the training role, describe, stop, list, their logs and metrics) and describing the notebook itself.");

    /// <summary>Upper bound of a training job's run time.</summary>
    public static readonly SettingKey TrainingMaxRuntimeSeconds = new(
        "trainingMaxRuntimeSeconds", SettingType.Integer, "86400",
        "StoppingCondition.MaxRuntimeInSeconds of the training-job configuration (1 to 2419200, SageMaker's 28-day limit).");

    /// <summary>Upper bound of a spot training job's run time plus time waiting for capacity.</summary>
    public static readonly SettingKey TrainingMaxWaitSeconds = new(
        "trainingMaxWaitSeconds", SettingType.Integer, "172800",
        "StoppingCondition.MaxWaitTimeInSeconds for managed spot training; run time plus time waiting for spot capacity; SageMaker requires it to be at least trainingMaxRuntimeSeconds.");

    /// <summary>Instance type of a training job.</summary>
    public static readonly SettingKey TrainingInstanceType = new(
        "trainingInstanceType", SettingType.String, "ml.m5.xlarge",
        "ResourceConfig.InstanceType of the training-job configuration: an ml.* instance type that SageMaker training accepts.");

    /// <summary>Instances per training job.</summary>
    public static readonly SettingKey TrainingInstanceCount = new(
        "trainingInstanceCount", SettingType.Integer, "1",
        "ResourceConfig.InstanceCount of the training-job configuration (1 to 32; more than 1 is distributed training).");

    /// <summary>Storage volume of each training instance.</summary>
    public static readonly SettingKey TrainingVolumeSizeGb = new(
        "trainingVolumeSizeGb", SettingType.Integer, "30",
        "ResourceConfig.VolumeSizeInGB, the storage volume of each training instance in GB (1 to 16384); types with local NVMe storage use that instead.");

    /// <summary>Image tag training jobs run.</summary>
    public static readonly SettingKey TrainingImageTag = new(
        "trainingImageTag", SettingType.String, "latest",
        "Tag of the image in the training-container repository that the training-job configuration runs (AlgorithmSpecification.TrainingImage).");

    /// <summary>Instance types that the stack's submitters may start training jobs on.</summary>
    public static readonly SettingKey TrainingAllowedInstanceTypes = new(
        "trainingAllowedInstanceTypes", SettingType.StringArray, "[\"ml.m5.large\",\"ml.m5.xlarge\",\"ml.g4dn.xlarge\",\"ml.g5.xlarge\"]",
        "Instance types on which the training-job submitter policy and the scoped notebook policy let a job start (sagemaker:InstanceTypes), besides trainingInstanceType, which is always allowed; each a type SageMaker training accepts. The default: two CPU sizes of the CDK design's m5 family, and the smallest one-GPU sizes of two GPU families; nothing with more than one GPU.");

    /// <summary>Longest warm pool a submitter may keep.</summary>
    public static readonly SettingKey TrainingMaxKeepAliveSeconds = new(
        "trainingMaxKeepAliveSeconds", SettingType.Integer, "1800",
        "Longest warm pool (ResourceConfig.KeepAlivePeriodInSeconds, sagemaker:KeepAlivePeriod) that a submitter may ask for, 0 to 3600 (SageMaker's own limit). A warm pool bills its instances while it waits for the next job; 0 refuses warm pools.");

    /// <summary>Instance types of the Batch compute environment.</summary>
    public static readonly SettingKey BatchInstanceTypes = new(
        "batchInstanceTypes", SettingType.StringArray, "[\"m5.xlarge\"]",
        "EC2 instance types (or families) of the Batch spot compute environment; at least one must be able to hold a job of jobVcpus and jobMemoryMiB.");

    /// <summary>How Batch picks spot instances.</summary>
    public static readonly SettingKey BatchAllocationStrategy = new(
        "batchAllocationStrategy", SettingType.String, "SPOT_PRICE_CAPACITY_OPTIMIZED",
        "Spot allocation strategy of the compute environment, one of SPOT_PRICE_CAPACITY_OPTIMIZED, SPOT_CAPACITY_OPTIMIZED or BEST_FIT (BEST_FIT also creates the spot fleet role it needs).");

    /// <summary>Minimum vCPUs Batch keeps running.</summary>
    public static readonly SettingKey BatchMinVcpus = new(
        "batchMinVcpus", SettingType.Integer, "0",
        "vCPUs the Batch compute environment keeps running when idle (0 scales to nothing).");

    /// <summary>Maximum vCPUs Batch may run.</summary>
    public static readonly SettingKey BatchMaxVcpus = new(
        "batchMaxVcpus", SettingType.Integer, "256",
        "Most vCPUs the Batch compute environment may run at once.");

    /// <summary>Spot bid as a percentage of the on-demand price.</summary>
    public static readonly SettingKey BatchBidPercentage = new(
        "batchBidPercentage", SettingType.Integer, "80",
        "Highest spot price Batch pays, as a percentage (1 to 100) of the on-demand price.");

    /// <summary>Image tag the job definition runs.</summary>
    public static readonly SettingKey JobImageTag = new(
        "jobImageTag", SettingType.String, "latest",
        "Tag of the image in the training-container repository that batch-inference jobs run.");

    /// <summary>Memory of one inference job.</summary>
    public static readonly SettingKey JobMemoryMiB = new(
        "jobMemoryMiB", SettingType.Integer, "8192",
        "Memory in MiB reserved for one batch-inference job.");

    /// <summary>vCPUs of one inference job.</summary>
    public static readonly SettingKey JobVcpus = new(
        "jobVcpus", SettingType.Integer, "4",
        "vCPUs reserved for one batch-inference job.");

    /// <summary>Attempts per inference job.</summary>
    public static readonly SettingKey JobAttempts = new(
        "jobAttempts", SettingType.Integer, "3",
        "Attempts Batch makes at one job (1 to 10).");

    /// <summary>Time limit of one attempt.</summary>
    public static readonly SettingKey JobTimeoutSeconds = new(
        "jobTimeoutSeconds", SettingType.Integer, "3600",
        "Seconds one job attempt may run before Batch stops it (at least 60).");

    /// <summary>Retention of the platform's log groups.</summary>
    public static readonly SettingKey LogRetentionDays = new(
        "logRetentionDays", SettingType.Integer, "30",
        "Days the platform's log groups keep events; one of the values CloudWatch Logs accepts.");

    /// <summary>Who gets failure alerts by e-mail.</summary>
    public static readonly SettingKey AlertEmails = new(
        "alertEmails", SettingType.StringArray, "[]",
        "E-mail addresses subscribed to the alert topic (each must confirm the subscription AWS sends).");

    /// <summary>The stack budget's monthly limit.</summary>
    public static readonly SettingKey BudgetMonthlyUsd = new(
        "budgetMonthlyUsd", SettingType.Integer, "0",
        "Monthly AWS Budgets cost budget of the stack in USD, on the costs tagged Environment={suffix}, notifying the alert topic at 80 % and 100 % of actual costs and at 100 % of the forecast; 0 (the default) creates no budget. It tracks nothing until Environment is an active cost allocation tag of the account (docs/operations.md, a one-time step).");

    /// <summary>
    /// Keys that earlier versions understood, with what replaces them: a stack file that still
    /// sets one is told what to do instead of only that the key is unknown.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Retired { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["interfaceEndpoints"] =
            "was removed: a network now carries exactly the interface endpoints its workloads need (training jobs ship logs and metrics through them); remove the key, and to pay for no endpoints at all attach to another stack's network with training-infra:networkStack",
    };

    /// <summary>Every key, in the order of the README's config reference.</summary>
    public static IReadOnlyList<SettingKey> All { get; } =
    [
        EnvironmentSuffix, Protected, Tags,
        NetworkStack, VpcCidr, AvailabilityZones, SubnetCidrMask, InterfaceEndpointServices, InterfaceEndpointZones, VpcFlowLogs,
        ModelArchiveDays, NoncurrentVersionDays, EcrMaxImageCount, EcrImmutableTags, CustomerManagedKey,
        BucketAccessLogs, AccessLogRetentionDays, ReplicaRegion,
        NotebookEnabled, NotebookIdleStopMinutes, NotebookInstanceType, NotebookVolumeSizeGb, NotebookDirectInternetAccess, NotebookRootAccess, NotebookAccess,
        TrainingMaxRuntimeSeconds, TrainingMaxWaitSeconds,
        TrainingInstanceType, TrainingInstanceCount, TrainingVolumeSizeGb, TrainingImageTag,
        TrainingAllowedInstanceTypes, TrainingMaxKeepAliveSeconds,
        BatchInstanceTypes, BatchAllocationStrategy, BatchMinVcpus, BatchMaxVcpus, BatchBidPercentage,
        JobImageTag, JobMemoryMiB, JobVcpus, JobAttempts, JobTimeoutSeconds,
        LogRetentionDays, AlertEmails, BudgetMonthlyUsd,
    ];
}

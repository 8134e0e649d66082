namespace TrainingInfra.Blueprint.Naming;

/// <summary>
/// Every physical name of the platform, as the CDK design names them, for one environment suffix.
/// Names that AWS makes globally unique per account (S3 buckets) also carry the account id.
/// </summary>
/// <param name="Suffix">The environment suffix, already validated.</param>
public sealed record ResourceNames(string Suffix)
{
    /// <summary>An account id at its longest, used to size names that contain one.</summary>
    private const string LongestAccountId = "123456789012";

    /// <summary>The dataset bucket: <c>training-datasets-{suffix}-{account}</c>.</summary>
    public string DatasetBucket(string accountId) => $"training-datasets-{Suffix}-{accountId}";

    /// <summary>The model-artifacts bucket: <c>model-artifacts-{suffix}-{account}</c>.</summary>
    public string ModelBucket(string accountId) => $"model-artifacts-{Suffix}-{accountId}";

    /// <summary>The VPC; awsx names its subnets after it (<c>{vpc}-Public-1</c>, <c>{vpc}-Private-1</c>, ...).</summary>
    public string Vpc => $"training-vpc-{Suffix}";

    /// <summary>The log group of the VPC's flow logs.</summary>
    public string FlowLogGroup => $"/aws/vpc/flow-logs/training-vpc-{Suffix}";

    /// <summary>The ECR repository for training containers.</summary>
    public string Repository => $"training-containers-{Suffix}";

    /// <summary>The SageMaker notebook instance.</summary>
    public string Notebook => $"training-notebook-{Suffix}";

    /// <summary>The notebook instance's execution role.</summary>
    public string NotebookRole => $"training-notebook-role-{Suffix}";

    /// <summary>The role SageMaker training jobs run as.</summary>
    public string TrainingRole => $"training-job-role-{Suffix}";

    /// <summary>The Batch compute environment.</summary>
    public string ComputeEnvironment => $"batch-inference-{Suffix}";

    /// <summary>The Batch job queue.</summary>
    public string JobQueue => $"inference-queue-{Suffix}";

    /// <summary>The Batch job definition.</summary>
    public string JobDefinition => $"inference-job-{Suffix}";

    /// <summary>The platform's log group (the CDK design's name).</summary>
    public string LogGroup => $"/aws/sagemaker/training-jobs-{Suffix}";

    /// <summary>The CloudWatch dashboard.</summary>
    public string Dashboard => $"sagemaker-training-{Suffix}";

    /// <summary>
    /// Every name with its AWS length limit. The suffix may be no longer than the tightest of them
    /// allows, which the settings check enforces.
    /// </summary>
    public static IReadOnlyList<NameRule> Rules { get; } =
    [
        new("S3 bucket (training-datasets-{suffix}-{account})", 63, s => new ResourceNames(s).DatasetBucket(LongestAccountId)),
        new("S3 bucket (model-artifacts-{suffix}-{account})", 63, s => new ResourceNames(s).ModelBucket(LongestAccountId)),
        new("ECR repository", 256, s => new ResourceNames(s).Repository),
        new("SageMaker notebook instance", 63, s => new ResourceNames(s).Notebook),
        new("IAM role (notebook)", 64, s => new ResourceNames(s).NotebookRole),
        new("IAM role (training jobs)", 64, s => new ResourceNames(s).TrainingRole),
        new("Batch compute environment", 128, s => new ResourceNames(s).ComputeEnvironment),
        new("Batch job queue", 128, s => new ResourceNames(s).JobQueue),
        new("Batch job definition", 128, s => new ResourceNames(s).JobDefinition),
        new("CloudWatch log group", 512, s => new ResourceNames(s).LogGroup),
        new("CloudWatch log group (flow logs)", 512, s => new ResourceNames(s).FlowLogGroup),
        new("CloudWatch dashboard", 255, s => new ResourceNames(s).Dashboard),
    ];

    /// <summary>The rule that limits the suffix most.</summary>
    public static NameRule TightestRule => Rules.MinBy(r => r.MaxSuffixLength)!;
}

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

    /// <summary>
    /// Length of the unique tail the provider appends to a name prefix (terraform-plugin-sdk
    /// helper/id <c>UniqueIDSuffixLength</c>: a timestamp to 1/10000 s and an 8-digit counter);
    /// a prefix must leave room for it within the name's limit.
    /// </summary>
    public const int UniqueSuffixLength = 26;

    /// <summary>The dataset bucket: <c>training-datasets-{suffix}-{account}</c>.</summary>
    public string DatasetBucket(string accountId) => $"training-datasets-{Suffix}-{accountId}";

    /// <summary>The model-artifacts bucket: <c>model-artifacts-{suffix}-{account}</c>.</summary>
    public string ModelBucket(string accountId) => $"model-artifacts-{Suffix}-{accountId}";

    /// <summary>The bucket the S3 server access logs of both buckets go to: <c>access-logs-{suffix}-{account}</c>.</summary>
    public string AccessLogBucket(string accountId) => $"access-logs-{Suffix}-{accountId}";

    /// <summary>The dataset bucket's replica in the replica region: <c>datasets-replica-{suffix}-{account}</c>.</summary>
    public string DatasetReplicaBucket(string accountId) => $"datasets-replica-{Suffix}-{accountId}";

    /// <summary>The model bucket's replica in the replica region: <c>models-replica-{suffix}-{account}</c>.</summary>
    public string ModelReplicaBucket(string accountId) => $"models-replica-{Suffix}-{accountId}";

    /// <summary>The access-log bucket of the replica buckets, in the replica region (log delivery stays in a region).</summary>
    public string ReplicaAccessLogBucket(string accountId) => $"replica-logs-{Suffix}-{accountId}";

    /// <summary>The role S3 assumes to replicate both buckets.</summary>
    public string ReplicationRole => $"bucket-replication-role-{Suffix}";

    /// <summary>
    /// The prefix of this stack's training-job names. With <c>notebookAccess: scoped</c> the notebook
    /// may start, watch and read the logs of jobs so named (log streams carry the job name).
    /// </summary>
    public string TrainingJobPrefix => $"{Suffix}-";

    /// <summary>The VPC; awsx names its subnets after it (<c>{vpc}-Public-1</c>, <c>{vpc}-Private-1</c>, ...).</summary>
    public string Vpc => $"training-vpc-{Suffix}";

    /// <summary>The log group of the VPC's flow logs.</summary>
    public string FlowLogGroup => $"/aws/vpc/flow-logs/training-vpc-{Suffix}";

    /// <summary>The alias of the stack's customer-managed data key.</summary>
    public string DataKeyAlias => $"alias/training-data-{Suffix}";

    /// <summary>The ECR repository for training containers.</summary>
    public string Repository => $"training-containers-{Suffix}";

    /// <summary>The SageMaker notebook instance.</summary>
    public string Notebook => $"training-notebook-{Suffix}";

    /// <summary>The notebook's lifecycle configuration, which makes it stop itself when idle.</summary>
    public string NotebookLifecycleConfig => $"training-notebook-idle-stop-{Suffix}";

    /// <summary>The notebook instance's execution role.</summary>
    public string NotebookRole => $"training-notebook-role-{Suffix}";

    /// <summary>The role SageMaker training jobs run as.</summary>
    public string TrainingRole => $"training-job-role-{Suffix}";

    /// <summary>The managed policy that people and CI attach to start this stack's training jobs.</summary>
    public string TrainingJobSubmitterPolicy => $"training-job-submitter-{Suffix}";

    /// <summary>The stack's AWS Budgets cost budget.</summary>
    public string Budget => $"training-infra-{Suffix}";

    /// <summary>The Batch compute environment, as its descriptions and the CDK design name it.</summary>
    public string ComputeEnvironment => $"batch-inference-{Suffix}";

    /// <summary>
    /// What the compute environment's physical name starts with: the provider appends a unique
    /// tail, so a replacement gets a new name and can be created before the old one is deleted.
    /// </summary>
    public string ComputeEnvironmentPrefix => $"{ComputeEnvironment}-";

    /// <summary>The role of the ECS agent on the Batch instances.</summary>
    public string BatchInstanceRole => $"batch-instance-role-{Suffix}";

    /// <summary>The instance profile that carries <see cref="BatchInstanceRole"/> onto the instances.</summary>
    public string BatchInstanceProfile => $"batch-instance-profile-{Suffix}";

    /// <summary>The role the Batch jobs' code runs as.</summary>
    public string BatchJobRole => $"batch-job-role-{Suffix}";

    /// <summary>The role Spot Fleet uses for a BEST_FIT compute environment.</summary>
    public string BatchSpotFleetRole => $"batch-spot-fleet-role-{Suffix}";

    /// <summary>The role that delivers the VPC's flow logs.</summary>
    public string FlowLogRole => $"vpc-flow-logs-role-{Suffix}";

    /// <summary>The Batch job queue.</summary>
    public string JobQueue => $"inference-queue-{Suffix}";

    /// <summary>The Batch job definition.</summary>
    public string JobDefinition => $"inference-job-{Suffix}";

    /// <summary>The platform's log group (the CDK design's name).</summary>
    public string LogGroup => $"/aws/sagemaker/training-jobs-{Suffix}";

    /// <summary>The CloudWatch dashboard.</summary>
    public string Dashboard => $"sagemaker-training-{Suffix}";

    /// <summary>The EventBridge rule that catches this stack's failed SageMaker training jobs.</summary>
    public string TrainingJobFailedRule => $"training-job-failed-{Suffix}";

    /// <summary>The EventBridge rule that catches failed jobs on this stack's Batch queue.</summary>
    public string BatchJobFailedRule => $"batch-job-failed-{Suffix}";

    /// <summary>The SNS topic that failure alerts go to.</summary>
    public string AlertTopic => $"training-alerts-{Suffix}";

    /// <summary>The alert topic's display name, the sender name of its e-mails.</summary>
    public string AlertTopicDisplayName => $"Training alerts {Suffix}";

    /// <summary>The alias of the KMS key that encrypts the alert topic.</summary>
    public string AlertKeyAlias => $"alias/training-alerts-{Suffix}";

    /// <summary>The alarm that fires when the training-job failure rule matched an event.</summary>
    public string TrainingJobFailuresAlarm => $"training-job-failures-{Suffix}";

    /// <summary>The alarm that fires when the Batch-job failure rule matched an event.</summary>
    public string BatchJobFailuresAlarm => $"batch-job-failures-{Suffix}";

    /// <summary>The alarm that fires when a training-job failure alert could not be delivered to the topic.</summary>
    public string TrainingJobAlertsUndeliveredAlarm => $"training-job-alerts-undelivered-{Suffix}";

    /// <summary>The alarm that fires when a Batch-job failure alert could not be delivered to the topic.</summary>
    public string BatchJobAlertsUndeliveredAlarm => $"batch-job-alerts-undelivered-{Suffix}";

    /// <summary>The CodeArtifact domain of the stack's PyPI mirror.</summary>
    public string PackageDomain => $"training-pypi-{Suffix}";

    /// <summary>The CodeArtifact repository, in <see cref="PackageDomain"/>, that mirrors public PyPI.</summary>
    public string PackageRepository => $"pypi-mirror-{Suffix}";

    /// <summary>The stack's serverless MLflow App, where training runs are tracked.</summary>
    public string MlflowApp => $"training-mlflow-{Suffix}";

    /// <summary>The role the MLflow App runs as: it reads and writes the app's artifact store.</summary>
    public string MlflowAppRole => $"mlflow-app-role-{Suffix}";

    /// <summary>The MLflow experiment that <c>TrainingJobConfig</c> logs a job's run to.</summary>
    public string MlflowExperiment => $"training-jobs-{Suffix}";

    /// <summary>The SageMaker model package group: the stack's model registry.</summary>
    public string ModelPackageGroup => $"training-models-{Suffix}";

    /// <summary>The EventBridge rule that forwards approvals and rejections of the group's packages.</summary>
    public string ModelApprovalRule => $"model-approval-{Suffix}";

    /// <summary>The alarm that fires when an approval alert could not be delivered to the topic.</summary>
    public string ModelApprovalAlertsUndeliveredAlarm => $"model-approval-alerts-undelivered-{Suffix}";

    /// <summary>
    /// Every name with its AWS length limit. The suffix may be no longer than the tightest of them
    /// allows, which the settings check enforces.
    /// </summary>
    public static IReadOnlyList<NameRule> Rules { get; } =
    [
        new("S3 bucket (training-datasets-{suffix}-{account})", 63, s => new ResourceNames(s).DatasetBucket(LongestAccountId)),
        new("S3 bucket (model-artifacts-{suffix}-{account})", 63, s => new ResourceNames(s).ModelBucket(LongestAccountId)),
        new("S3 bucket (access-logs-{suffix}-{account})", 63, s => new ResourceNames(s).AccessLogBucket(LongestAccountId)),
        new("S3 bucket (datasets-replica-{suffix}-{account})", 63, s => new ResourceNames(s).DatasetReplicaBucket(LongestAccountId)),
        new("S3 bucket (models-replica-{suffix}-{account})", 63, s => new ResourceNames(s).ModelReplicaBucket(LongestAccountId)),
        new("S3 bucket (replica-logs-{suffix}-{account})", 63, s => new ResourceNames(s).ReplicaAccessLogBucket(LongestAccountId)),
        new("IAM role (bucket replication)", 64, s => new ResourceNames(s).ReplicationRole),
        new("ECR repository", 256, s => new ResourceNames(s).Repository),
        new("SageMaker notebook instance", 63, s => new ResourceNames(s).Notebook),
        new("SageMaker notebook lifecycle configuration", 63, s => new ResourceNames(s).NotebookLifecycleConfig),
        new("IAM role (notebook)", 64, s => new ResourceNames(s).NotebookRole),
        new("IAM role (training jobs)", 64, s => new ResourceNames(s).TrainingRole),
        new("IAM managed policy (training-job submitter)", 128, s => new ResourceNames(s).TrainingJobSubmitterPolicy),
        new("AWS Budgets budget", 100, s => new ResourceNames(s).Budget),
        new("Batch compute environment (a prefix followed by the provider's 26-character unique tail)",
            128 - UniqueSuffixLength, s => new ResourceNames(s).ComputeEnvironmentPrefix),
        new("IAM role (Batch instances)", 64, s => new ResourceNames(s).BatchInstanceRole),
        new("IAM instance profile (Batch instances)", 128, s => new ResourceNames(s).BatchInstanceProfile),
        new("IAM role (Batch jobs)", 64, s => new ResourceNames(s).BatchJobRole),
        new("IAM role (Spot Fleet)", 64, s => new ResourceNames(s).BatchSpotFleetRole),
        new("IAM role (flow logs)", 64, s => new ResourceNames(s).FlowLogRole),
        new("Batch job queue", 128, s => new ResourceNames(s).JobQueue),
        new("Batch job definition", 128, s => new ResourceNames(s).JobDefinition),
        new("CloudWatch log group", 512, s => new ResourceNames(s).LogGroup),
        new("CloudWatch log group (flow logs)", 512, s => new ResourceNames(s).FlowLogGroup),
        new("CloudWatch dashboard", 255, s => new ResourceNames(s).Dashboard),
        new("EventBridge rule (training-job-failed-{suffix})", 64, s => new ResourceNames(s).TrainingJobFailedRule),
        new("EventBridge rule (batch-job-failed-{suffix})", 64, s => new ResourceNames(s).BatchJobFailedRule),
        new("SNS topic", 256, s => new ResourceNames(s).AlertTopic),
        new("SNS topic display name", 100, s => new ResourceNames(s).AlertTopicDisplayName),
        new("KMS alias", 256, s => new ResourceNames(s).AlertKeyAlias),
        new("KMS alias (data key)", 256, s => new ResourceNames(s).DataKeyAlias),
        new("CloudWatch alarm (training-job-failures-{suffix})", 255, s => new ResourceNames(s).TrainingJobFailuresAlarm),
        new("CloudWatch alarm (batch-job-failures-{suffix})", 255, s => new ResourceNames(s).BatchJobFailuresAlarm),
        new("CloudWatch alarm (training-job-alerts-undelivered-{suffix})", 255, s => new ResourceNames(s).TrainingJobAlertsUndeliveredAlarm),
        // CreateDomain: 2 to 50 characters, [a-z][a-z0-9\-]{0,48}[a-z0-9]; CreateRepository: 2 to
        // 100, [A-Za-z0-9][A-Za-z0-9._\-]{1,99}. The suffix's own rule (lowercase letters, digits,
        // hyphens, a letter or digit at each end) keeps both patterns.
        new("CodeArtifact domain", 50, s => new ResourceNames(s).PackageDomain),
        new("CodeArtifact repository", 100, s => new ResourceNames(s).PackageRepository),
        // CreateMlflowApp Name: 1 to 256, [a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}; CreateModelPackageGroup
        // ModelPackageGroupName (EntityName): 1 to 63, [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62} (botocore
        // sagemaker 2017-07-24 service-2.json, read 2026-12-05). The suffix's rule keeps both patterns.
        new("SageMaker MLflow App", 256, s => new ResourceNames(s).MlflowApp),
        new("IAM role (MLflow App)", 64, s => new ResourceNames(s).MlflowAppRole),
        new("MLflow experiment", 256, s => new ResourceNames(s).MlflowExperiment),
        new("SageMaker model package group", 63, s => new ResourceNames(s).ModelPackageGroup),
        new("EventBridge rule (model-approval-{suffix})", 64, s => new ResourceNames(s).ModelApprovalRule),
        new("CloudWatch alarm (model-approval-alerts-undelivered-{suffix})", 255, s => new ResourceNames(s).ModelApprovalAlertsUndeliveredAlarm),
        new("CloudWatch alarm (batch-job-alerts-undelivered-{suffix})", 255, s => new ResourceNames(s).BatchJobAlertsUndeliveredAlarm),
    ];

    /// <summary>The rule that limits the suffix most.</summary>
    public static NameRule TightestRule => Rules.MinBy(r => r.MaxSuffixLength)!;
}

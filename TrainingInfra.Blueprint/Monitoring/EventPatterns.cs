using System.Text.Json.Nodes;
using TrainingInfra.Blueprint.Policies;

namespace TrainingInfra.Blueprint.Monitoring;

/// <summary>
/// EventBridge patterns that match this stack's failed jobs and its models' approvals. SageMaker and Batch publish no metric
/// that counts failed jobs; the state-change events they send to the default event bus are the
/// only signal, so the alerts start here.
/// </summary>
public static class EventPatterns
{
    /// <summary>Source of SageMaker's events.</summary>
    public const string SageMakerSource = "aws.sagemaker";

    /// <summary>Detail type of the event SageMaker sends whenever a training job changes state.</summary>
    public const string TrainingJobStateChange = "SageMaker Training Job State Change";

    /// <summary>The <c>TrainingJobStatus</c> of a job that ended in failure.</summary>
    public const string TrainingJobFailed = "Failed";

    /// <summary>Source of AWS Batch's events.</summary>
    public const string BatchSource = "aws.batch";

    /// <summary>Detail type of the event Batch sends whenever a job changes state.</summary>
    public const string BatchJobStateChange = "Batch Job State Change";

    /// <summary>The <c>status</c> of a Batch job that ended in failure (after its last attempt).</summary>
    public const string BatchJobFailed = "FAILED";

    /// <summary>
    /// Failed training jobs that ran as this stack's training role. The event carries the job's
    /// <c>RoleArn</c>, and nothing else in it ties a job to a stack: without this filter every stack
    /// in the account would alert on every other stack's failures.
    /// </summary>
    public static string FailedTrainingJobs(string trainingRoleArn)
    {
        ArgumentException.ThrowIfNullOrEmpty(trainingRoleArn);
        return Pattern(SageMakerSource, TrainingJobStateChange, new JsonObject
        {
            ["TrainingJobStatus"] = PolicyDocument.Strings([TrainingJobFailed]),
            ["RoleArn"] = PolicyDocument.Strings([trainingRoleArn]),
        });
    }

    /// <summary>
    /// Failed jobs on this stack's queue. The event's <c>jobQueue</c> is the queue's full ARN.
    /// </summary>
    public static string FailedBatchJobs(string jobQueueArn)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobQueueArn);
        return Pattern(BatchSource, BatchJobStateChange, new JsonObject
        {
            ["status"] = PolicyDocument.Strings([BatchJobFailed]),
            ["jobQueue"] = PolicyDocument.Strings([jobQueueArn]),
        });
    }

    /// <summary>Detail type of the event SageMaker sends whenever a model package changes state.</summary>
    public const string ModelPackageStateChange = "SageMaker Model Package State Change";

    /// <summary>
    /// Approvals and rejections of packages in this stack's group. The event's detail carries the
    /// package's <c>ModelPackageGroupName</c> and <c>ModelApprovalStatus</c> ("Events that Amazon
    /// SageMaker AI sends to Amazon EventBridge",
    /// https://docs.aws.amazon.com/sagemaker/latest/dg/automating-sagemaker-with-eventbridge.html, read
    /// 2026-12-05); a package registered pending approval does not match. SageMaker also sends the
    /// event when another field of an approved package changes, which then alerts again.
    /// </summary>
    public static string ModelApprovals(string modelPackageGroupName)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPackageGroupName);
        return Pattern(SageMakerSource, ModelPackageStateChange, new JsonObject
        {
            ["ModelPackageGroupName"] = PolicyDocument.Strings([modelPackageGroupName]),
            ["ModelApprovalStatus"] = PolicyDocument.Strings(Experiments.ModelRegistry.DecidedStatuses),
        });
    }

    private static string Pattern(string source, string detailType, JsonObject detail) =>
        new JsonObject
        {
            ["source"] = PolicyDocument.Strings([source]),
            ["detail-type"] = PolicyDocument.Strings([detailType]),
            ["detail"] = detail,
        }.ToJsonString();
}

using System.Text.Json.Nodes;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Policies;

namespace TrainingInfra.Blueprint.SageMaker;

/// <summary>
/// What the notebook role may do in SageMaker with <c>notebookAccess: scoped</c>, in place of
/// AmazonSageMakerFullAccess: run this stack's training jobs and nothing else. A job belongs to
/// the stack when its name starts with the stack's prefix (<c>{suffix}-</c>) and it carries the
/// stack's Project and Environment tags; SageMaker checks the tags on the request when the job is
/// created and on the job afterwards. The job's role is the other half: the notebook's
/// <c>iam:PassRole</c> (in <see cref="SageMakerPolicies.Notebook"/>) names only the training role,
/// so every job the notebook starts runs as that role. Condition keys per action (aws:RequestTag on
/// CreateTrainingJob, aws:ResourceTag on the training-job resource, sagemaker:TaggingAction on
/// AddTags) are those of the Service Authorization Reference for SageMaker,
/// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html,
/// as of 2026-12-01.
/// </summary>
public static class NotebookSageMakerAccess
{
    /// <summary>Name of the inline policy holding these statements.</summary>
    public const string PolicyName = "notebook-sagemaker-scoped";

    /// <summary>The tags that mark a training job as this stack's (the platform's own tag keys).</summary>
    public static IReadOnlyList<string> OwnershipTagKeys { get; } = ["Project", "Environment"];

    private static readonly string[] JobLifecycle = ["sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob"];

    // Training metrics have no ARN: these read actions support no resource-level permissions.
    private static readonly string[] MetricReads = ["cloudwatch:GetMetricData", "cloudwatch:GetMetricStatistics", "cloudwatch:ListMetrics"];

    /// <summary>The statements, as a policy document: this stack's jobs within its limits, and the notebook itself.</summary>
    public static string Scoped(PlatformSettings settings, string accountId, TrainingJobLimits limits)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var notebook = NotebookPlan.Arn(settings.Region, accountId, settings.Names.Notebook);
        return PolicyDocument.Create(
        [
            .. JobStatements(settings, accountId, limits),
            PolicyDocument.Allow("DescribeThisNotebook", ["sagemaker:DescribeNotebookInstance"], [notebook]),
        ]);
    }

    /// <summary>
    /// Starting this stack's jobs (within <paramref name="limits"/>, see <see cref="TrainingJobConditions"/>),
    /// watching and stopping them, and reading their logs and metrics: what the scoped notebook role
    /// and the submitter policy share.
    /// </summary>
    public static IReadOnlyList<JsonObject> JobStatements(PlatformSettings settings, string accountId, TrainingJobLimits limits)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var region = settings.Region;
        var jobs = TrainingJobArnPattern(settings, accountId);
        var logGroup = $"arn:{region.Partition}:logs:{region.Name}:{accountId}:log-group:{SageMakerPolicies.TrainingLogGroup}";

        return
        [
            .. TrainingJobConditions.StartStatements(jobs, OwnershipTags(settings), limits),
            // Tags are part of CreateTrainingJob, which SageMaker authorises as AddTags too; the
            // TaggingAction condition admits that and nothing else, so existing jobs (another
            // stack's) cannot be retagged into this stack.
            PolicyDocument.Allow(
                "TagTrainingJobsOnlyAsTheyAreCreated", ["sagemaker:AddTags"], [jobs],
                new JsonObject { ["StringEquals"] = new JsonObject { ["sagemaker:TaggingAction"] = "CreateTrainingJob" } }),
            PolicyDocument.Allow("WatchAndStopThisStacksTrainingJobs", JobLifecycle, [jobs], TagCondition(settings, "aws:ResourceTag")),
            // ListTrainingJobs has no resource type: it lists the names and states of every job in
            // the account and region, and opens none of them.
            PolicyDocument.Allow("ListTrainingJobs", ["sagemaker:ListTrainingJobs"], ["*"]),
            // SageMaker names each job's log streams "{job}/algo-N-...": the job-name prefix limits
            // reading events to this stack's jobs. Listing streams works on the group only, so
            // their names (not their events) are visible for every job.
            PolicyDocument.Allow("FindTrainingLogStreams", ["logs:DescribeLogStreams"], [logGroup, logGroup + ":log-stream:*"]),
            PolicyDocument.Allow("ReadThisStacksTrainingLogs", ["logs:GetLogEvents"], [$"{logGroup}:log-stream:{settings.Names.TrainingJobPrefix}*"]),
            PolicyDocument.Allow("ReadTrainingMetrics", MetricReads, ["*"]),
        ];
    }

    /// <summary>The ARNs of this stack's training jobs: <c>training-job/{suffix}-*</c> in its account and region.</summary>
    public static string TrainingJobArnPattern(PlatformSettings settings, string accountId)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return $"arn:{settings.Region.Partition}:sagemaker:{settings.Region.Name}:{accountId}:training-job/{settings.Names.TrainingJobPrefix}*";
    }

    /// <summary>The tags that make a training job this stack's: the stack's Project and Environment tags.</summary>
    public static IReadOnlyDictionary<string, string> OwnershipTags(PlatformSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var tags = settings.Tags;
        return OwnershipTagKeys.ToDictionary(key => key, key => tags[key], StringComparer.Ordinal);
    }

    /// <summary>
    /// A condition that holds only for this stack's resources (or requests): every ownership tag
    /// under <paramref name="conditionKeyPrefix"/> (<c>aws:ResourceTag</c>, <c>aws:RequestTag</c>)
    /// equals the stack's value.
    /// </summary>
    public static JsonObject TagCondition(PlatformSettings settings, string conditionKeyPrefix)
    {
        var equals = new JsonObject();
        foreach (var (key, value) in OwnershipTags(settings))
        {
            equals[$"{conditionKeyPrefix}/{key}"] = value;
        }

        return new JsonObject { ["StringEquals"] = equals };
    }
}

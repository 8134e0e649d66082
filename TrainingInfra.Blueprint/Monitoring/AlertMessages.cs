using System.Text.Encodings.Web;
using System.Text.Json;
using TrainingInfra.Blueprint.Aws;

namespace TrainingInfra.Blueprint.Monitoring;

/// <summary>
/// The readable messages that failure alerts carry: which job, its status, why it failed, and a link
/// to the job in the console. Without an input transformer the topic would forward the raw event, a
/// page of JSON, to every subscriber.
/// </summary>
public static class AlertMessages
{
    // The template is a JSON string literal, so '<' and '>' of the placeholders must stay as they
    // are: the default encoder would write them as \u003C and \u003E and EventBridge would no
    // longer see placeholders.
    private static readonly JsonSerializerOptions LiteralOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The message of a failed SageMaker training job.</summary>
    /// <param name="region">The stack's region, for the console link.</param>
    /// <param name="environment">The stack's environment suffix, so that a shared inbox tells stacks apart.</param>
    public static AlertMessage FailedTrainingJob(AwsRegion region, string environment)
    {
        ArgumentNullException.ThrowIfNull(region);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["job"] = "$.detail.TrainingJobName",
            ["status"] = "$.detail.TrainingJobStatus",
            ["reason"] = "$.detail.FailureReason",
            ["time"] = "$.time",
        };
        var link = $"{ConsoleBase(region)}/sagemaker/home?region={region.Name}#/jobs/<job>";
        return new AlertMessage(paths, Literal(
            $"[{environment}] SageMaker training job <job> is <status> (event time <time>). Reason: <reason> Console: {link}"));
    }

    /// <summary>The message of a failed AWS Batch job.</summary>
    /// <param name="region">The stack's region, for the console link.</param>
    /// <param name="environment">The stack's environment suffix, so that a shared inbox tells stacks apart.</param>
    public static AlertMessage FailedBatchJob(AwsRegion region, string environment)
    {
        ArgumentNullException.ThrowIfNull(region);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["job"] = "$.detail.jobName",
            ["jobId"] = "$.detail.jobId",
            ["status"] = "$.detail.status",
            ["reason"] = "$.detail.statusReason",
            ["time"] = "$.time",
        };
        var link = $"{ConsoleBase(region)}/batch/home?region={region.Name}#jobs/detail/<jobId>";
        return new AlertMessage(paths, Literal(
            $"[{environment}] AWS Batch job <job> (id <jobId>) is <status> (event time <time>). Reason: <reason> Console: {link}"));
    }

    /// <summary>The message of a model package approved or rejected in the stack's group.</summary>
    /// <param name="environment">The stack's environment suffix, so that a shared inbox tells stacks apart.</param>
    public static AlertMessage ModelApproval(string environment)
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["group"] = "$.detail.ModelPackageGroupName",
            ["version"] = "$.detail.ModelPackageVersion",
            ["status"] = "$.detail.ModelApprovalStatus",
            ["package"] = "$.detail.ModelPackageArn",
            ["time"] = "$.time",
        };
        return new AlertMessage(paths, Literal(
            $"[{environment}] Model <group> version <version> is <status> (event time <time>). Package: <package>"));
    }

    /// <summary>The console's address for the region's partition.</summary>
    public static string ConsoleBase(AwsRegion region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region.Partition == "aws-us-gov"
            ? "https://console.amazonaws-us-gov.com"
            : $"https://{region.Name}.console.aws.amazon.com";
    }

    // An SNS target receives the template's result as the message text; EventBridge only accepts a
    // template that is a JSON object or a quoted JSON string, so the text goes in as a string literal.
    private static string Literal(string text) => JsonSerializer.Serialize(text, LiteralOptions);
}

using System.Text.Json;
using TrainingInfra.Blueprint.Aws;
using TrainingInfra.Blueprint.Monitoring;
using TrainingInfra.Blueprint.Naming;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

public class MonitoringAlertTests
{
    private static readonly AwsRegion Region = AwsRegion.TryParse("us-east-1", out _)!;
    private static readonly ResourceNames Names = new("dev");

    private static readonly string TrainingPattern = EventPatterns.FailedTrainingJobs(SampleEvents.TrainingRoleArn);
    private static readonly string BatchPattern = EventPatterns.FailedBatchJobs(SampleEvents.JobQueueArn);

    public static TheoryData<string> Alerts() => ["training", "batch"];

    private static FailureAlert Alert(string kind) =>
        kind == "training" ? FailureAlerts.TrainingJobs(Names, Region) : FailureAlerts.BatchJobs(Names, Region);

    [Fact]
    public void TrainingFailurePattern_ListensToSageMakersTrainingJobStateChanges()
    {
        var pattern = JsonDocument.Parse(TrainingPattern).RootElement;

        Assert.Equal(["aws.sagemaker"], pattern.GetProperty("source").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["SageMaker Training Job State Change"], pattern.GetProperty("detail-type").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["Failed"], pattern.GetProperty("detail").GetProperty("TrainingJobStatus").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public void TrainingFailurePattern_MatchesAFailedJobOfTheStacksTrainingRole()
    {
        Assert.True(EventBridge.Matches(TrainingPattern, SampleEvents.TrainingJob("Failed")));
    }

    [Fact]
    public void TrainingFailurePattern_IgnoresFailedJobsOfAnotherStacksRole()
    {
        var otherStack = SampleEvents.TrainingJob("Failed", roleArn: "arn:aws:iam::111122223333:role/sagemaker-training-role-prod");

        Assert.False(EventBridge.Matches(TrainingPattern, otherStack));
    }

    [Theory]
    [InlineData("InProgress")]
    [InlineData("Completed")]
    [InlineData("Stopping")]
    [InlineData("Stopped")]
    public void TrainingFailurePattern_IgnoresEveryOtherJobStatus(string status)
    {
        Assert.False(EventBridge.Matches(TrainingPattern, SampleEvents.TrainingJob(status)));
    }

    [Fact]
    public void BatchFailurePattern_ListensToBatchJobStateChanges()
    {
        var pattern = JsonDocument.Parse(BatchPattern).RootElement;

        Assert.Equal(["aws.batch"], pattern.GetProperty("source").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["Batch Job State Change"], pattern.GetProperty("detail-type").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["FAILED"], pattern.GetProperty("detail").GetProperty("status").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal([SampleEvents.JobQueueArn], pattern.GetProperty("detail").GetProperty("jobQueue").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public void BatchFailurePattern_MatchesAFailedJobOnTheStacksQueue()
    {
        Assert.True(EventBridge.Matches(BatchPattern, SampleEvents.BatchJob("FAILED")));
    }

    [Fact]
    public void BatchFailurePattern_IgnoresFailedJobsOnAnotherQueue()
    {
        var otherQueue = SampleEvents.BatchJob("FAILED", jobQueue: "arn:aws:batch:us-east-1:111122223333:job-queue/inference-queue-prod");

        Assert.False(EventBridge.Matches(BatchPattern, otherQueue));
    }

    [Theory]
    [InlineData("SUBMITTED")]
    [InlineData("PENDING")]
    [InlineData("RUNNABLE")]
    [InlineData("STARTING")]
    [InlineData("RUNNING")]
    [InlineData("SUCCEEDED")]
    public void BatchFailurePattern_IgnoresEveryOtherJobStatus(string status)
    {
        Assert.False(EventBridge.Matches(BatchPattern, SampleEvents.BatchJob(status)));
    }

    [Theory]
    [MemberData(nameof(Alerts))]
    public void AlertTemplate_IsAQuotedJsonString_AsEventBridgeRequiresForTextTargets(string kind)
    {
        var template = JsonDocument.Parse(Alert(kind).Message.InputTemplate).RootElement;

        Assert.Equal(JsonValueKind.String, template.ValueKind);
    }

    [Theory]
    [MemberData(nameof(Alerts))]
    public void AlertTemplate_UsesEveryVariableItDefines_AndNoOther(string kind)
    {
        var message = Alert(kind).Message;

        Assert.Equal(message.InputPaths.Keys.Order(StringComparer.Ordinal), EventBridge.Placeholders(message.InputTemplate).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Alerts))]
    public void AlertVariables_HaveNamesAndPathsEventBridgeAccepts(string kind)
    {
        // Keys: [A-Za-z0-9_-]+, not starting with AWS (reserved); values: JSON paths in dot notation.
        Assert.All(Alert(kind).Message.InputPaths, p =>
        {
            Assert.Matches("^[A-Za-z0-9_-]+$", p.Key);
            Assert.False(p.Key.StartsWith("AWS", StringComparison.OrdinalIgnoreCase), p.Key);
            Assert.Matches(@"^\$(\.[A-Za-z0-9_-]+)+$", p.Value);
        });
    }

    [Fact]
    public void TrainingAlert_SaysWhichJobFailedWhyAndLinksToItInTheConsole()
    {
        var alert = FailureAlerts.TrainingJobs(Names, Region);

        var text = JsonSerializer.Deserialize<string>(EventBridge.Transform(alert.Message, SampleEvents.TrainingJob("Failed")))!;

        Assert.Contains("resnet-2024-06-01", text, StringComparison.Ordinal);
        Assert.Contains("Failed", text, StringComparison.Ordinal);
        Assert.Contains("AlgorithmError: ExecuteUserScriptError exit code 1", text, StringComparison.Ordinal);
        Assert.Contains("https://us-east-1.console.aws.amazon.com/sagemaker/home?region=us-east-1#/jobs/resnet-2024-06-01", text, StringComparison.Ordinal);
        Assert.Contains("dev", text, StringComparison.Ordinal);
    }

    [Fact]
    public void BatchAlert_SaysWhichJobFailedWhyAndLinksToItInTheConsole()
    {
        var alert = FailureAlerts.BatchJobs(Names, Region);

        var text = JsonSerializer.Deserialize<string>(EventBridge.Transform(alert.Message, SampleEvents.BatchJob("FAILED")))!;

        Assert.Contains("nightly-scoring", text, StringComparison.Ordinal);
        Assert.Contains("FAILED", text, StringComparison.Ordinal);
        Assert.Contains("Essential container in task exited", text, StringComparison.Ordinal);
        Assert.Contains("https://us-east-1.console.aws.amazon.com/batch/home?region=us-east-1#jobs/detail/4c7599ae-0a82-49aa-ba5a-4727fcce14a8", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AlertLinks_PointToTheConsoleOfTheStacksRegion()
    {
        var frankfurt = AwsRegion.TryParse("eu-central-1", out _)!;

        var text = EventBridge.Transform(FailureAlerts.TrainingJobs(Names, frankfurt).Message, SampleEvents.TrainingJob("Failed"));

        Assert.Contains("https://eu-central-1.console.aws.amazon.com/sagemaker/home?region=eu-central-1#", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AlertLinks_InGovCloud_PointToTheGovCloudConsole()
    {
        var govCloud = AwsRegion.TryParse("us-gov-west-1", out _)!;

        var text = EventBridge.Transform(FailureAlerts.BatchJobs(Names, govCloud).Message, SampleEvents.BatchJob("FAILED"));

        Assert.Contains("https://console.amazonaws-us-gov.com/batch/home?region=us-gov-west-1#", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Alerts))]
    public void FailuresAlarm_FiresOnAnyMatchOfItsRule_InAwsEvents(string kind)
    {
        var alert = Alert(kind);
        var alarm = alert.FailuresAlarm;

        Assert.Equal("AWS/Events", alarm.Namespace);
        Assert.Equal("Invocations", alarm.MetricName);
        Assert.Equal(new Dictionary<string, string> { ["RuleName"] = alert.RuleName }, alarm.Dimensions);
        AssertFiresOnFirstEventIn5Minutes(alarm);
    }

    [Theory]
    [MemberData(nameof(Alerts))]
    public void UndeliveredAlarm_FiresWhenItsRuleCouldNotDeliver(string kind)
    {
        var alert = Alert(kind);
        var alarm = alert.UndeliveredAlarm;

        Assert.Equal("AWS/Events", alarm.Namespace);
        Assert.Equal("FailedInvocations", alarm.MetricName);
        Assert.Equal(new Dictionary<string, string> { ["RuleName"] = alert.RuleName }, alarm.Dimensions);
        AssertFiresOnFirstEventIn5Minutes(alarm);
    }

    [Fact]
    public void RulesAndAlarms_HaveDistinctNames()
    {
        var alerts = new[] { FailureAlerts.TrainingJobs(Names, Region), FailureAlerts.BatchJobs(Names, Region) };

        var rules = alerts.Select(a => a.RuleName).ToList();
        var alarms = alerts.SelectMany(a => a.Alarms).Select(a => a.Name).ToList();
        var ids = alerts.Select(a => a.Id).ToList();

        Assert.Equal(rules.Count, rules.Distinct().Count());
        Assert.Equal(alarms.Count, alarms.Distinct().Count());
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void MonitoringNames_AtTheLongestSuffix_UseOnlyCharactersAwsAccepts()
    {
        var names = new ResourceNames(new string('a', ResourceNames.TightestRule.MaxSuffixLength - 3) + "-9z");

        // EventBridge rules: [.-_A-Za-z0-9], at most 64. SNS topics: [A-Za-z0-9_-], at most 256.
        // KMS aliases: alias/ then [A-Za-z0-9/_-], never alias/aws/ (reserved for AWS managed keys).
        Assert.All(new[] { names.TrainingJobFailedRule, names.BatchJobFailedRule }, rule =>
        {
            Assert.Matches(@"^[.\-_A-Za-z0-9]+$", rule);
            Assert.True(rule.Length <= 64, rule);
        });
        Assert.Matches("^[A-Za-z0-9_-]{1,256}$", names.AlertTopic);
        Assert.Matches("^alias/[A-Za-z0-9/_-]+$", names.AlertKeyAlias);
        Assert.False(names.AlertKeyAlias.StartsWith("alias/aws/", StringComparison.Ordinal));
    }

    [Fact]
    public void S3Buckets_StillLimitTheSuffixMost_WithTheMonitoringNamesAdded()
    {
        Assert.StartsWith("S3 bucket", ResourceNames.TightestRule.Resource, StringComparison.Ordinal);
        Assert.Equal(32, ResourceNames.TightestRule.MaxSuffixLength);
    }

    private static void AssertFiresOnFirstEventIn5Minutes(RuleAlarm alarm)
    {
        Assert.Equal("Sum", alarm.Statistic);
        Assert.Equal(300, alarm.PeriodSeconds);
        Assert.Equal(1, alarm.EvaluationPeriods);
        Assert.Equal("GreaterThanOrEqualToThreshold", alarm.ComparisonOperator);
        Assert.Equal(1.0, alarm.Threshold);
        // EventBridge sends these metrics only for periods with activity: a quiet period is missing data.
        Assert.Equal("notBreaching", alarm.TreatMissingData);
    }
}

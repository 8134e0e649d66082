using System.Text.Json;
using Pulumi.Testing;
using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests;

[Collection(MockRuntimeSuite.Name)]
public class MonitoringTests(StackRuns runs)
{
    private const string LogGroup = "aws:cloudwatch/logGroup:LogGroup";
    private const string Key = "aws:kms/key:Key";
    private const string Alias = "aws:kms/alias:Alias";
    private const string Topic = "aws:sns/topic:Topic";
    private const string TopicPolicy = "aws:sns/topicPolicy:TopicPolicy";
    private const string Subscription = "aws:sns/topicSubscription:TopicSubscription";
    private const string Rule = "aws:cloudwatch/eventRule:EventRule";
    private const string Target = "aws:cloudwatch/eventTarget:EventTarget";
    private const string Alarm = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private const string Dashboard = "aws:cloudwatch/dashboard:Dashboard";

    private static MockResourceArgs RuleNamed(StackRun run, string name) => Assert.Single(run.OfType(Rule), r => r.Text("name") == name);

    private static MockResourceArgs TargetOf(StackRun run, MockResourceArgs rule) =>
        Assert.Single(run.OfType(Target), t => t.Text("rule") == rule.Text("name"));

    private static List<JsonElement> Statements(MockResourceArgs resource) =>
        resource.Json("policy").GetProperty("Statement").EnumerateArray().ToList();

    private static List<string> Strings(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().Select(v => v.GetString()!).ToList() : [element.GetString()!];

    private static List<string> ServicePrincipals(JsonElement statement) =>
        statement.GetProperty("Principal").TryGetProperty("Service", out var service) ? Strings(service) : [];

    [Theory]
    [InlineData("dev", 30.0)]
    [InlineData("prod", 365.0)]
    public async Task LogGroup_IsTheCdkDesignsGroup_WithTheStacksRetention(string stack, double days)
    {
        var logGroup = Assert.Single((await runs.Get(stack)).OfType(LogGroup), g => g.Text("name")!.StartsWith("/aws/sagemaker/training-jobs-", StringComparison.Ordinal));

        Assert.Equal($"/aws/sagemaker/training-jobs-{stack}", logGroup.Text("name"));
        Assert.Equal(days, logGroup.Number("retentionInDays"));
    }

    [Theory]
    [InlineData("training-job-failed-dev")]
    [InlineData("batch-job-failed-dev")]
    public async Task FailureRule_SendsItsAlertsToTheAlertTopic(string ruleName)
    {
        var run = await runs.Get("dev");
        var topicArn = await StackRun.Value(run.Stack.AlertTopicArn);

        var target = TargetOf(run, RuleNamed(run, ruleName));

        Assert.Equal(topicArn, target.Text("arn"));
    }

    [Fact]
    public async Task TrainingFailureRule_MatchesFailedJobsOfThisStacksTrainingRoleOnly()
    {
        var run = await runs.Get("dev");
        var roleArn = await StackRun.Value(run.Stack.TrainingRoleArn);

        var pattern = RuleNamed(run, "training-job-failed-dev").Json("eventPattern");

        Assert.Equal(["aws.sagemaker"], Strings(pattern.GetProperty("source")));
        Assert.Equal(["SageMaker Training Job State Change"], Strings(pattern.GetProperty("detail-type")));
        Assert.Equal(["Failed"], Strings(pattern.GetProperty("detail").GetProperty("TrainingJobStatus")));
        Assert.Equal([roleArn], Strings(pattern.GetProperty("detail").GetProperty("RoleArn")));
    }

    [Fact]
    public async Task BatchFailureRule_MatchesFailedJobsOnThisStacksQueueOnly()
    {
        var run = await runs.Get("dev");
        var queueArn = await StackRun.Value(run.Stack.JobQueueArn);

        var pattern = RuleNamed(run, "batch-job-failed-dev").Json("eventPattern");

        Assert.Equal(["aws.batch"], Strings(pattern.GetProperty("source")));
        Assert.Equal(["Batch Job State Change"], Strings(pattern.GetProperty("detail-type")));
        Assert.Equal(["FAILED"], Strings(pattern.GetProperty("detail").GetProperty("status")));
        Assert.Equal([queueArn], Strings(pattern.GetProperty("detail").GetProperty("jobQueue")));
    }

    [Theory]
    [InlineData("training-job-failed-dev")]
    [InlineData("batch-job-failed-dev")]
    public async Task FailureRuleTarget_SendsAReadableMessage_NotTheRawEvent(string ruleName)
    {
        var run = await runs.Get("dev");

        var transformer = TargetOf(run, RuleNamed(run, ruleName)).Map("inputTransformer");

        var template = (string)transformer["inputTemplate"];
        Assert.Equal(JsonValueKind.String, JsonDocument.Parse(template).RootElement.ValueKind);
        Assert.Contains("console.aws.amazon.com", template, StringComparison.Ordinal);
        Assert.NotEmpty(transformer["inputPaths"].AsMap());
    }

    [Fact]
    public async Task AlertTopic_IsEncryptedWithTheRotatingKeyMadeForIt_NotTheAwsManagedSnsKey()
    {
        var run = await runs.Get("dev");
        var topic = run.Named(Topic, "alert-topic");
        var key = run.Named(Key, "alert-key");

        Assert.Equal($"arn:aws:kms:{CloudMocks.Region}:{CloudMocks.AccountId}:key/alert-key-key-id", topic.Text("kmsMasterKeyId"));
        Assert.NotEqual("alias/aws/sns", topic.Text("kmsMasterKeyId"));
        Assert.True(key.Flag("enableKeyRotation"));
    }

    [Fact]
    public async Task AlertKey_HasAnAliasNamedAfterTheStack()
    {
        var alias = (await runs.Get("dev")).Named(Alias, "alert-key-alias");

        Assert.Equal("alias/training-alerts-dev", alias.Text("name"));
        Assert.Equal("alert-key-key-id", alias.Text("targetKeyId"));
    }

    [Theory]
    [InlineData("events.amazonaws.com")]
    [InlineData("cloudwatch.amazonaws.com")]
    public async Task AlertKey_LetsThePublishingServiceEncryptMessages(string service)
    {
        var key = (await runs.Get("dev")).Named(Key, "alert-key");

        var actions = Statements(key).Where(s => ServicePrincipals(s).Contains(service)).SelectMany(s => Strings(s.GetProperty("Action"))).ToList();

        Assert.Contains("kms:GenerateDataKey*", actions);
        Assert.Contains("kms:Decrypt", actions);
    }

    [Theory]
    [InlineData("events.amazonaws.com")]
    [InlineData("cloudwatch.amazonaws.com")]
    public async Task TopicPolicy_LetsThePublishingServicePublishToTheTopic(string service)
    {
        var run = await runs.Get("dev");
        var topicArn = await StackRun.Value(run.Stack.AlertTopicArn);
        var policy = Assert.Single(run.OfType(TopicPolicy));

        Assert.Equal(topicArn, policy.Text("arn"));
        Assert.Contains(Statements(policy), s =>
            s.GetProperty("Effect").GetString() == "Allow"
            && ServicePrincipals(s).Contains(service)
            && Strings(s.GetProperty("Action")).Contains("sns:Publish")
            && Strings(s.GetProperty("Resource")).SequenceEqual([topicArn]));
    }

    [Fact]
    public async Task AlertEmails_AreSubscribedToTheTopicByEmail()
    {
        var run = await runs.Get("dev", ("alertEmails", "[\"a@example.com\"]"));
        var topicArn = await StackRun.Value(run.Stack.AlertTopicArn);

        var subscription = Assert.Single(run.OfType(Subscription));

        Assert.Equal("email", subscription.Text("protocol"));
        Assert.Equal("a@example.com", subscription.Text("endpoint"));
        Assert.Equal(topicArn, subscription.Text("topic"));
    }

    [Fact]
    public async Task WithoutAlertEmails_NothingIsSubscribed()
    {
        Assert.Empty((await runs.Get("dev")).OfType(Subscription));
    }

    [Fact]
    public async Task Alarms_WatchEachFailureRulesMatchesAndFailedDeliveries_AndNotifyTheTopic()
    {
        var run = await runs.Get("dev");
        var topicArn = await StackRun.Value(run.Stack.AlertTopicArn);
        var alarms = run.OfType(Alarm);

        var watched = alarms.Select(a => (a.Text("metricName"), (string)a.Map("dimensions")["RuleName"])).ToHashSet();

        Assert.Equal(
            new HashSet<(string?, string)>
            {
                ("Invocations", "training-job-failed-dev"), ("FailedInvocations", "training-job-failed-dev"),
                ("Invocations", "batch-job-failed-dev"), ("FailedInvocations", "batch-job-failed-dev"),
                // A model's approval is expected, not a failure: only an undeliverable alert about it alarms.
                ("FailedInvocations", "model-approval-dev"),
            },
            watched);
        Assert.All(alarms, a =>
        {
            Assert.Equal("AWS/Events", a.Text("namespace"));
            Assert.Equal("notBreaching", a.Text("treatMissingData"));
            Assert.Equal([topicArn], a.Strings("alarmActions"));
        });
    }

    [Fact]
    public async Task Dashboard_IsNamedAfterTheStack_AndShowsTheStacksAlarms()
    {
        var run = await runs.Get("dev");
        var dashboard = Assert.Single(run.OfType(Dashboard));
        var alarmArns = run.OfType(Alarm).Select(a => $"arn:aws:cloudwatch:{CloudMocks.Region}:{CloudMocks.AccountId}:alarm:{a.Text("name")}").ToHashSet();

        var alarmWidget = Assert.Single(dashboard.Json("dashboardBody").GetProperty("widgets").EnumerateArray(), w => w.GetProperty("type").GetString() == "alarm");

        Assert.Equal("sagemaker-training-dev", dashboard.Text("dashboardName"));
        Assert.Equal(alarmArns, alarmWidget.GetProperty("properties").GetProperty("alarms").EnumerateArray().Select(a => a.GetString()!).ToHashSet());
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Outputs_NameTheLogGroupDashboardAndAlertTopic(string stack)
    {
        var outputs = (await runs.Get(stack)).Stack;

        Assert.Equal($"/aws/sagemaker/training-jobs-{stack}", await StackRun.Value(outputs.LogGroupName));
        Assert.Equal($"sagemaker-training-{stack}", await StackRun.Value(outputs.DashboardName));
        Assert.Equal($"arn:aws:sns:{CloudMocks.Region}:{CloudMocks.AccountId}:training-alerts-{stack}", await StackRun.Value(outputs.AlertTopicArn));
    }

    [Fact]
    public async Task FailureRuleNameOutputs_NameTheRegisteredRules()
    {
        var run = await runs.Get("dev");

        Assert.Equal(run.Named(Rule, "training-job-failed").Text("name"), await StackRun.Value(run.Stack.TrainingJobFailedRuleName));
        Assert.Equal(run.Named(Rule, "batch-job-failed").Text("name"), await StackRun.Value(run.Stack.BatchJobFailedRuleName));
    }
}

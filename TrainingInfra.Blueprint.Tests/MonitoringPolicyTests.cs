using System.Text.Json;
using TrainingInfra.Blueprint.Monitoring;

namespace TrainingInfra.Blueprint.Tests;

public class MonitoringPolicyTests
{
    private const string Account = "111122223333";
    private const string TopicArn = "arn:aws:sns:us-east-1:111122223333:training-alerts-dev";
    private static readonly string[] PublisherKeyActions = ["kms:GenerateDataKey*", "kms:Decrypt"];
    private static readonly string[] Publishers = ["events.amazonaws.com", "cloudwatch.amazonaws.com"];

    private static List<JsonElement> Statements(string policy) =>
        JsonDocument.Parse(policy).RootElement.GetProperty("Statement").EnumerateArray().ToList();

    private static List<string> Values(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().Select(v => v.GetString()!).ToList() : [element.GetString()!];

    private static List<string> ServicePrincipals(JsonElement statement) =>
        statement.TryGetProperty("Principal", out var p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty("Service", out var s) ? Values(s) : [];

    private static List<JsonElement> GrantsTo(string policy, string service) =>
        Statements(policy).Where(s => s.GetProperty("Effect").GetString() == "Allow" && ServicePrincipals(s).Contains(service)).ToList();

    [Theory]
    [InlineData("events.amazonaws.com")]
    [InlineData("cloudwatch.amazonaws.com")]
    public void TopicKeyPolicy_LetsThePublishingServiceGenerateDataKeysAndDecrypt(string service)
    {
        var grants = GrantsTo(AlertPolicies.TopicKey("aws", Account), service);

        var actions = grants.SelectMany(g => Values(g.GetProperty("Action"))).ToHashSet();
        Assert.Contains("kms:GenerateDataKey*", actions);
        Assert.Contains("kms:Decrypt", actions);
    }

    [Theory]
    [InlineData("events.amazonaws.com")]
    [InlineData("cloudwatch.amazonaws.com")]
    public void TopicKeyPolicy_GivesThePublishingServiceNothingElse(string service)
    {
        var grants = GrantsTo(AlertPolicies.TopicKey("aws", Account), service);

        Assert.All(grants.SelectMany(g => Values(g.GetProperty("Action"))),
            action => Assert.Contains(action, PublisherKeyActions));
    }

    [Fact]
    public void TopicKeyPolicy_PutsNoConditionOnEventBridge()
    {
        // A SourceArn or SourceAccount condition on EventBridge's use of the key silently drops its alerts.
        Assert.All(GrantsTo(AlertPolicies.TopicKey("aws", Account), "events.amazonaws.com"),
            g => Assert.False(g.TryGetProperty("Condition", out _)));
    }

    [Theory]
    [InlineData("aws")]
    [InlineData("aws-us-gov")]
    public void TopicKeyPolicy_LeavesTheKeyManageableByTheAccount(string partition)
    {
        var admin = Assert.Single(Statements(AlertPolicies.TopicKey(partition, Account)),
            s => s.GetProperty("Principal").TryGetProperty("AWS", out _));

        Assert.Equal("Allow", admin.GetProperty("Effect").GetString());
        Assert.Equal($"arn:{partition}:iam::{Account}:root", admin.GetProperty("Principal").GetProperty("AWS").GetString());
        Assert.Equal(["kms:*"], Values(admin.GetProperty("Action")));
    }

    [Fact]
    public void TopicPolicy_LetsEventBridgePublishToTheTopic_WithoutCondition()
    {
        var grant = Assert.Single(GrantsTo(AlertPolicies.Topic(TopicArn, Account), "events.amazonaws.com"));

        Assert.Equal(["sns:Publish"], Values(grant.GetProperty("Action")));
        Assert.Equal([TopicArn], Values(grant.GetProperty("Resource")));
        Assert.False(grant.TryGetProperty("Condition", out _));
    }

    [Fact]
    public void TopicPolicy_LetsOnlyThisAccountsCloudWatchAlarmsPublish()
    {
        var grant = Assert.Single(GrantsTo(AlertPolicies.Topic(TopicArn, Account), "cloudwatch.amazonaws.com"));

        Assert.Equal(["sns:Publish"], Values(grant.GetProperty("Action")));
        Assert.Equal([TopicArn], Values(grant.GetProperty("Resource")));
        Assert.Equal(Account, grant.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:SourceAccount").GetString());
    }

    [Fact]
    public void TopicPolicy_OpensTheTopicToNoOneElse()
    {
        Assert.All(Statements(AlertPolicies.Topic(TopicArn, Account)), s =>
        {
            Assert.Equal("Allow", s.GetProperty("Effect").GetString());
            Assert.Equal(JsonValueKind.Object, s.GetProperty("Principal").ValueKind);
            Assert.False(s.GetProperty("Principal").TryGetProperty("AWS", out _));
            Assert.All(ServicePrincipals(s), p => Assert.Contains(p, Publishers));
        });
    }
}

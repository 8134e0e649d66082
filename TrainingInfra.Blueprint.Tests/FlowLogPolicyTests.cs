using System.Text.Json;
using TrainingInfra.Blueprint.Network;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

public class FlowLogPolicyTests
{
    private const string GroupArn = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/vpc/flow-logs/training-vpc-dev";

    private static List<JsonElement> Statements(string policy) =>
        JsonDocument.Parse(policy).RootElement.GetProperty("Statement").EnumerateArray().ToList();

    [Fact]
    public void FlowLogRole_CanBeAssumedOnlyByFlowLogsOfThisAccount()
    {
        var statement = Assert.Single(Statements(FlowLogPolicies.Trust("111122223333")));

        Assert.Equal("vpc-flow-logs.amazonaws.com", statement.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal("111122223333", statement.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:SourceAccount").GetString());
        Assert.False(statement.TryGetProperty("Resource", out _));
    }

    [Fact]
    public void FlowLogRole_WritesOnlyIntoTheFlowLogGroup()
    {
        var statements = Statements(FlowLogPolicies.Delivery(GroupArn));

        var write = Assert.Single(statements, s => s.GetProperty("Action").EnumerateArray().Any(a => a.GetString() == "logs:PutLogEvents"));
        Assert.Equal([GroupArn, GroupArn + ":*"], write.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()));
        Assert.All(statements, s => Assert.All(s.GetProperty("Resource").EnumerateArray(), r =>
            Assert.StartsWith("arn:aws:logs:us-east-1:111122223333:log-group:", r.GetString(), StringComparison.Ordinal)));
    }

    [Fact]
    public void FlowLogs_AreOffByDefault_AndOnInProd()
    {
        Assert.False(Configs.Load().Network.FlowLogs);
        Assert.Equal("true", TrainingInfra.Testing.StackConfigFiles.ProjectConfig("prod", "training-infra")["vpcFlowLogs"]);
    }
}

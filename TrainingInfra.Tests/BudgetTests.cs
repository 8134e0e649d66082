using System.Text.Json;
using TrainingInfra.Blueprint.Planning;
using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests;

/// <summary>The stack budget as the stack files register it, and the alert topic and key that let it report.</summary>
[Collection(MockRuntimeSuite.Name)]
public class BudgetTests(StackRuns runs, Plans plans) : IClassFixture<Plans>
{
    private const string Budget = "aws:budgets/budget:Budget";
    private const string TopicPolicy = "aws:sns/topicPolicy:TopicPolicy";
    private const string Key = "aws:kms/key:Key";

    public static TheoryData<string, string> StacksWithABudget() => new() { { "dev", "200" }, { "pr", "25" } };

    private static JsonElement[] Statements(string policy) =>
        JsonDocument.Parse(policy).RootElement.GetProperty("Statement").EnumerateArray().ToArray();

    private static bool NamesService(JsonElement statement, string service) =>
        statement.TryGetProperty("Principal", out var principal) && principal.TryGetProperty("Service", out var names)
        && (names.ValueKind == JsonValueKind.Array ? names.EnumerateArray().Any(n => n.GetString() == service) : names.GetString() == service);

    [Theory]
    [MemberData(nameof(StacksWithABudget))]
    public async Task Budget_IsAMonthlyCostLimitOnTheStacksEnvironmentTag(string stack, string limit)
    {
        var run = await runs.Get(stack);
        var budget = Assert.Single(run.OfType(Budget));

        Assert.Equal($"training-infra-{stack}", budget.Text("name"));
        Assert.Equal(("COST", "MONTHLY", limit, "USD"), (budget.Text("budgetType"), budget.Text("timeUnit"), budget.Text("limitAmount"), budget.Text("limitUnit")));
        var filter = Assert.Single(budget.List("costFilters")).AsMap();
        Assert.Equal("TagKeyValue", filter["name"]);
        Assert.Equal([$"user:Environment${stack}"], ((IEnumerable<object>)filter["values"]).Cast<string>());
        Assert.Equal(stack, budget.Map("tags")["Environment"]);
    }

    [Theory]
    [MemberData(nameof(StacksWithABudget))]
    public async Task Budget_NotifiesTheAlertTopic_AtActualAndForecastThresholds(string stack, string limit)
    {
        var run = await runs.Get(stack);
        var topicArn = await StackRun.Value(run.Stack.AlertTopicArn);
        var notifications = Assert.Single(run.OfType(Budget)).List("notifications").Select(n => n.AsMap()).ToList();

        Assert.Equal(
            [("ACTUAL", 80.0), ("ACTUAL", 100.0), ("FORECASTED", 100.0)],
            notifications.Select(n => ((string)n["notificationType"], (double)n["threshold"])));
        Assert.All(notifications, n =>
        {
            Assert.Equal(("GREATER_THAN", "PERCENTAGE"), ((string)n["comparisonOperator"], (string)n["thresholdType"]));
            Assert.Equal([topicArn], ((IEnumerable<object>)n["subscriberSnsTopicArns"]).Cast<string>());
        });
        Assert.NotEmpty(limit);
    }

    [Theory]
    [MemberData(nameof(StacksWithABudget))]
    public async Task WithABudget_TheTopicPolicyAndItsKeyAdmitAwsBudgets(string stack, string limit)
    {
        var run = await runs.Get(stack);
        var topicStatement = Assert.Single(Statements(Assert.Single(run.OfType(TopicPolicy)).Text("policy")!), s => NamesService(s, "budgets.amazonaws.com"));
        var keyStatement = Assert.Single(Statements(run.Named(Key, "alert-key").Text("policy")!), s => NamesService(s, "budgets.amazonaws.com"));

        Assert.Equal("sns:Publish", topicStatement.GetProperty("Action").EnumerateArray().Single().GetString());
        Assert.Equal(CloudMocks.AccountId, topicStatement.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:SourceAccount").GetString());
        Assert.Equal(["kms:GenerateDataKey*", "kms:Decrypt"], keyStatement.GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
        Assert.NotEmpty(limit);
    }

    [Fact]
    public async Task Prod_HasNoBudgetUntilTheTeamSetsOne_AndItsTopicAdmitsNoBudgets()
    {
        var run = await runs.Get("prod");

        Assert.Empty(run.OfType(Budget));
        Assert.DoesNotContain(Statements(Assert.Single(run.OfType(TopicPolicy)).Text("policy")!), s => NamesService(s, "budgets.amazonaws.com"));
        Assert.DoesNotContain(Statements(run.Named(Key, "alert-key").Text("policy")!), s => NamesService(s, "budgets.amazonaws.com"));
    }

    [Fact]
    public async Task ThePlan_SaysTheBudgetTracksNothingUntilTheEnvironmentTagIsActive()
    {
        var plan = await plans.Get(runs, "dev");
        var markdown = PlanRenderer.Render(plan, PlanFormat.Markdown);

        var line = Assert.Single(plan.Cost.Idle, l => l.Resource == "budget");
        Assert.Equal(0m, line.Monthly);
        Assert.Contains("filtered on user:Environment$dev, it tracks nothing until that tag is an active cost allocation tag", markdown, StringComparison.Ordinal);
    }
}

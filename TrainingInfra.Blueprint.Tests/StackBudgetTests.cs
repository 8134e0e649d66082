using System.Collections.Immutable;
using TrainingInfra.Blueprint.Monitoring;
using TrainingInfra.Blueprint.Planning;
using TrainingInfra.Blueprint.Pricing;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>The stack budget: its setting, its filter, who may publish its notifications, and what the plan says of it.</summary>
public class StackBudgetTests
{
    private const string Account = "111122223333";
    private const string TopicArn = "arn:aws:sns:us-east-1:111122223333:training-alerts-dev";
    private const string Budgets = "budgets.amazonaws.com";

    private static Dictionary<string, string> FromBudget(string account) => new()
    {
        ["aws:SourceAccount"] = account,
        ["aws:SourceArn"] = $"arn:aws:budgets::{account}:budget/training-infra-dev",
    };

    [Fact]
    public void ByDefault_AStackHasNoBudget()
    {
        Assert.False(Configs.Load().Monitoring.HasBudget);
        Assert.Equal(200, Configs.Load(("budgetMonthlyUsd", "200")).Monitoring.BudgetMonthlyUsd);
    }

    [Theory]
    [InlineData("-1", "between 0 and 1000000")]
    [InlineData("1000001", "between 0 and 1000000")]
    [InlineData("200.50", "whole number")]
    public void ABadLimit_IsRefusedBeforeAnythingIsCreated(string value, string rule)
    {
        var problem = Assert.Single(Configs.Problems(("budgetMonthlyUsd", value)));

        Assert.Equal(("training-infra:budgetMonthlyUsd", value), (problem.Key, problem.Value));
        Assert.Contains(rule, problem.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFilter_NamesTheUserDefinedEnvironmentTag_KeyAndValueJoinedByADollarSign()
    {
        Assert.Equal("user:Environment$pr3507", StackBudget.TagFilterValue("pr3507"));
    }

    [Fact]
    public void Alerts_AtEightyAndHundredPercentOfActualCosts_AndAtTheHundredPercentForecast()
    {
        Assert.Equal([new BudgetAlert("ACTUAL", 80), new BudgetAlert("ACTUAL", 100), new BudgetAlert("FORECASTED", 100)], StackBudget.Alerts);
    }

    [Fact]
    public void WithABudget_BudgetsOfThisAccountMayPublishToTheAlertTopic_NoOtherAccounts()
    {
        string[] policy = [AlertPolicies.Topic(TopicArn, Account, budgetPublishes: true)];

        Assert.True(PolicyEvaluator.IsAllowed(policy, "sns:Publish", TopicArn, FromBudget(Account), Budgets));
        Assert.False(PolicyEvaluator.IsAllowed(policy, "sns:Publish", TopicArn, FromBudget("444455556666"), Budgets));
        Assert.False(PolicyEvaluator.IsAllowed(policy, "sns:Publish", TopicArn, new Dictionary<string, string> { ["aws:SourceAccount"] = Account }, Budgets));
    }

    [Fact]
    public void WithoutABudget_AwsBudgetsMayNotPublish()
    {
        Assert.False(PolicyEvaluator.IsAllowed([AlertPolicies.Topic(TopicArn, Account)], "sns:Publish", TopicArn, FromBudget(Account), Budgets));
    }

    [Theory]
    [InlineData("kms:GenerateDataKey", true)]
    [InlineData("kms:Decrypt", true)]
    [InlineData("kms:Encrypt", false)]
    [InlineData("kms:ScheduleKeyDeletion", false)]
    public void WithABudget_TheTopicKeyLetsAwsBudgetsEncryptMessages_AndNothingElse(string action, bool allowed)
    {
        const string Key = "arn:aws:kms:us-east-1:111122223333:key/alert";

        Assert.Equal(allowed, PolicyEvaluator.IsAllowed([AlertPolicies.TopicKey("aws", Account, budgetPublishes: true)], action, Key, principal: Budgets));
        Assert.False(PolicyEvaluator.IsAllowed([AlertPolicies.TopicKey("aws", Account)], action, Key, principal: Budgets));
    }

    [Fact]
    public void ThePlan_PricesTheBudgetAtNothing_AndSaysItWaitsForTheCostAllocationTag()
    {
        var filter = ImmutableDictionary<string, object>.Empty.Add("name", "TagKeyValue").Add("values", ImmutableArray.Create<object>("user:Environment$dev"));
        var budget = new PlannedResource(ResourceTypes.Budget, "budget", new Dictionary<string, object?> { ["costFilters"] = ImmutableArray.Create<object>(filter) });

        var line = Assert.Single(IdleCost.Of([budget], "us-east-1").Idle);

        Assert.Equal(0m, line.Monthly);
        Assert.Contains("user:Environment$dev", line.Note, StringComparison.Ordinal);
        Assert.Contains("tracks nothing until that tag is an active cost allocation tag", line.Note, StringComparison.Ordinal);
    }
}

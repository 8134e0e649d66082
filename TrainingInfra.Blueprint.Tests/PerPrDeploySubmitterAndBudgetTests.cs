using TrainingInfra.Blueprint.Naming;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>
/// What a per-PR stack adds for the submitter policy and the cost budget, held against the per-PR
/// deploy role's fence (docs/policies/per-pr-deploy-*.json): it manages its own, never dev's or
/// prod's, and a managed policy it makes is one it cannot attach.
/// </summary>
public class PerPrDeploySubmitterAndBudgetTests
{
    private const string Account = DeliveryPolicies.AccountId;
    private static readonly IReadOnlyList<string> Role = DeliveryPolicies.PerPrDeployRole();

    private static string PolicyArn(string suffix) => $"arn:aws:iam::{Account}:policy/{new ResourceNames(suffix).TrainingJobSubmitterPolicy}";

    private static string BudgetArn(string suffix) => $"arn:aws:budgets::{Account}:budget/{new ResourceNames(suffix).Budget}";

    [Theory]
    [InlineData("iam:CreatePolicy")]
    [InlineData("iam:CreatePolicyVersion")]
    [InlineData("iam:DeletePolicy")]
    [InlineData("iam:TagPolicy")]
    public void PerPrRole_ManagesItsOwnSubmitterPolicy_NotDevsOrProds(string action)
    {
        Assert.Equal(PolicyDecision.Allowed, PolicyEvaluator.Decide(Role, action, PolicyArn("pr3507")));
        Assert.NotEqual(PolicyDecision.Allowed, PolicyEvaluator.Decide(Role, action, PolicyArn("prod")));
        Assert.NotEqual(PolicyDecision.Allowed, PolicyEvaluator.Decide(Role, action, PolicyArn("dev")));
        Assert.NotEqual(PolicyDecision.Allowed, PolicyEvaluator.Decide(Role, action, DeliveryPolicies.BoundaryArn));
    }

    [Fact]
    public void PerPrRole_CannotAttachTheSubmitterPolicyItMade_ToItsRoles()
    {
        var context = new Dictionary<string, string>
        {
            ["iam:PolicyARN"] = PolicyArn("pr3507"),
            ["iam:PermissionsBoundary"] = DeliveryPolicies.BoundaryArn,
        };

        Assert.NotEqual(PolicyDecision.Allowed,
            PolicyEvaluator.Decide(Role, "iam:AttachRolePolicy", $"arn:aws:iam::{Account}:role/training-job-role-pr3507", context));
    }

    [Theory]
    [InlineData("budgets:ModifyBudget")]
    [InlineData("budgets:ViewBudget")]
    [InlineData("budgets:TagResource")]
    public void PerPrRole_ManagesItsOwnBudget_NotDevsOrProds(string action)
    {
        Assert.Equal(PolicyDecision.Allowed, PolicyEvaluator.Decide(Role, action, BudgetArn("pr3507")));
        Assert.NotEqual(PolicyDecision.Allowed, PolicyEvaluator.Decide(Role, action, BudgetArn("prod")));
        Assert.NotEqual(PolicyDecision.Allowed, PolicyEvaluator.Decide(Role, action, BudgetArn("dev")));
    }
}

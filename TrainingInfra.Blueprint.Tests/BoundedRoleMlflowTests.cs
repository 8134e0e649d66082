using TrainingInfra.Blueprint.Naming;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>
/// What the per-PR boundary (docs/policies/per-pr-boundary.json) leaves the roles of a per-PR
/// stack (training job, notebook, MLflow App role) for experiment tracking and the model registry:
/// they log to and read MLflow Apps tagged DeployFence=per-pr and no other, and register models
/// only in groups named with a per-PR suffix. An app's ARN holds a generated id, so only the tags
/// (each stack's own, read from its stack file) tell a per-PR app from dev's or prod's.
/// </summary>
public class BoundedRoleMlflowTests
{
    private const string Account = DeliveryPolicies.AccountId;
    private static readonly IReadOnlyList<string> Boundary = DeliveryPolicies.Boundary();
    private static readonly string App = $"arn:aws:sagemaker:us-east-1:{Account}:mlflow-app/app-1A2B3C4D5E6F";

    /// <summary>The stacks outside the fence: their resources never carry DeployFence.</summary>
    private static readonly string[] Shared = ["dev", "prod"];

    private static PolicyDecision OnApp(string action, IReadOnlyDictionary<string, string>? tags) =>
        PolicyEvaluator.Decide(Boundary, action, App, tags is null ? null : StackTags.OnResource(tags));

    [Theory]
    [InlineData("sagemaker:CallMlflowAppApi")]
    [InlineData("sagemaker:CreatePresignedMlflowAppUrl")]
    [InlineData("sagemaker-mlflow:CreateRun")]
    [InlineData("sagemaker-mlflow:LogMetric")]
    [InlineData("sagemaker-mlflow:SearchRuns")]
    public void BoundedRole_LogsToAPerPrApp_NeverToDevsOrProds(string action)
    {
        Assert.Equal(PolicyDecision.Allowed, OnApp(action, StackTags.Of("pr3507", "pr")));
        Assert.All(Shared, stack => Assert.NotEqual(PolicyDecision.Allowed, OnApp(action, StackTags.Of(stack))));
        Assert.NotEqual(PolicyDecision.Allowed, OnApp(action, null));
    }

    [Fact]
    public void BoundedRole_RegistersModels_OnlyInPerPrGroups()
    {
        // The stack's own group, and a group that automatic registration names after an MLflow
        // model: {registered model name}-{six characters of a hash of the app's id}.
        string[] perPr = [new ResourceNames("pr3507").ModelPackageGroup, "churn-pr3507-0a1b2c"];
        string[] others = [new ResourceNames("prod").ModelPackageGroup, new ResourceNames("dev").ModelPackageGroup, "churn-prod-0a1b2c", "churn-dev-0a1b2c"];
        string[] Arns(string group) =>
            [$"arn:aws:sagemaker:us-east-1:{Account}:model-package-group/{group}", $"arn:aws:sagemaker:us-east-1:{Account}:model-package/{group}/1"];
        bool Registers(string arn) => PolicyEvaluator.IsAllowed(Boundary, "sagemaker:CreateModelPackage", arn);

        Assert.All(perPr.SelectMany(Arns), arn => Assert.True(Registers(arn), arn));
        Assert.All(others.SelectMany(Arns), arn => Assert.False(Registers(arn), arn));
    }
}

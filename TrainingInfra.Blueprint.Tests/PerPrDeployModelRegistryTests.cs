using TrainingInfra.Blueprint.Naming;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>
/// The per-PR deploy role and the model registry (docs/policies/per-pr-deploy-*.json): it creates
/// and deletes its stack's model package group, registers, approves and deletes that group's
/// packages (register-model.sh and the smoke test) and empties the group before a destroy, and it
/// can do none of that to dev's or prod's group. Groups and packages are fenced by name, as the
/// other SageMaker resources: their ARNs hold the group's name, which holds the stack's suffix.
/// </summary>
public class PerPrDeployModelRegistryTests
{
    private const string Account = DeliveryPolicies.AccountId;
    private static readonly IReadOnlyList<string> Role = DeliveryPolicies.PerPrDeployRole();
    private static readonly ResourceNames Pr = new("pr3507");

    /// <summary>The stacks outside the fence: their resources never carry DeployFence.</summary>
    private static readonly string[] Shared = ["dev", "prod"];

    private static string Group(ResourceNames names) =>
        $"arn:aws:sagemaker:us-east-1:{Account}:model-package-group/{names.ModelPackageGroup}";

    private static string Package(ResourceNames names, int version) =>
        $"arn:aws:sagemaker:us-east-1:{Account}:model-package/{names.ModelPackageGroup}/{version}";

    private static PolicyDecision Decide(string action, string resource, Dictionary<string, string>? context = null,
        Dictionary<string, IReadOnlyList<string>>? multi = null) =>
        PolicyEvaluator.Decide(Role, action, resource, context, multiValued: multi);

    [Theory]
    [InlineData("sagemaker:CreateModelPackageGroup")]
    [InlineData("sagemaker:DeleteModelPackageGroup")]
    public void PerPrRole_CreatesAndDeletesItsOwnGroup_NotDevsOrProds(string action)
    {
        Assert.Equal(PolicyDecision.Allowed, Decide(action, Group(Pr)));
        Assert.All(Shared, stack => Assert.NotEqual(PolicyDecision.Allowed, Decide(action, Group(new ResourceNames(stack)))));
    }

    [Theory]
    [InlineData("sagemaker:CreateModelPackage")]
    [InlineData("sagemaker:UpdateModelPackage")]
    [InlineData("sagemaker:DeleteModelPackage")]
    public void PerPrRole_RegistersApprovesAndDeletesPackages_OfItsOwnGroupOnly(string action)
    {
        Assert.Equal(PolicyDecision.Allowed, Decide(action, Package(Pr, 1)));
        Assert.All(Shared, stack => Assert.NotEqual(PolicyDecision.Allowed, Decide(action, Package(new ResourceNames(stack), 1))));
    }

    [Fact]
    public void PerPrRole_EmptiesAPerPrGroupBeforeADestroy_ButCannotEmptyProds()
    {
        var prod = new ResourceNames("prod");

        Assert.Equal(PolicyDecision.Allowed, Decide("sagemaker:ListModelPackages", Group(Pr)));
        Assert.Equal(PolicyDecision.Allowed, Decide("sagemaker:DeleteModelPackage", Package(Pr, 12)));
        Assert.Equal(PolicyDecision.Allowed, Decide("sagemaker:DeleteModelPackageGroup", Group(Pr)));
        Assert.NotEqual(PolicyDecision.Allowed, Decide("sagemaker:DeleteModelPackage", Package(prod, 12)));
        Assert.NotEqual(PolicyDecision.Allowed, Decide("sagemaker:DeleteModelPackageGroup", Group(prod)));
    }

    [Fact]
    public void PerPrRole_CannotCreateAGroupWithTheFenceTagSetToAnotherValue()
    {
        var context = new Dictionary<string, string> { ["aws:RequestTag/DeployFence"] = "dev" };

        Assert.Equal(PolicyDecision.ExplicitlyDenied,
            Decide("sagemaker:CreateModelPackageGroup", Group(Pr), context, new() { ["aws:TagKeys"] = ["DeployFence"] }));
    }
}

using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>
/// The per-PR deploy role and the stacks' MLflow Apps (docs/policies/per-pr-deploy-*.json). An
/// app's ARN holds an id AWS generates (<c>mlflow-app/app-…</c>), never the stack's name, so the
/// fence is the tag: a per-PR deploy creates an app only tagged DeployFence=per-pr, changes or
/// deletes only apps that carry that tag, and can neither tag dev's or prod's app into the fence
/// nor take the tag off its own. The tags are each stack's own, read from its stack file.
/// </summary>
public class PerPrDeployMlflowAppTests
{
    private const string Account = DeliveryPolicies.AccountId;
    private static readonly IReadOnlyList<string> Role = DeliveryPolicies.PerPrDeployRole();
    private static readonly IReadOnlyDictionary<string, string> PrTags = StackTags.Of("pr3507", "pr");

    /// <summary>Any app, of any stack: its ARN alone says nothing about whose it is.</summary>
    private static readonly string App = $"arn:aws:sagemaker:us-east-1:{Account}:mlflow-app/app-1A2B3C4D5E6F";

    /// <summary>The stacks outside the fence: their resources never carry DeployFence.</summary>
    private static readonly string[] Shared = ["dev", "prod"];

    public static TheoryData<string> DevAndProd => new(Shared);

    private static PolicyDecision Decide(string action, Dictionary<string, string>? context = null,
        Dictionary<string, IReadOnlyList<string>>? multi = null) =>
        PolicyEvaluator.Decide(Role, action, App, context, multiValued: multi);

    private static Dictionary<string, string> With(Dictionary<string, string> context, string key, string value) =>
        new(context) { [key] = value };

    [Fact]
    public void PerPrRole_CreatesAnApp_OnlyWithTheFenceTag()
    {
        // CreateMlflowApp with Tags is authorized as CreateMlflowApp and, for the tags, as AddTags
        // with sagemaker:TaggingAction naming the creating call.
        var creating = StackTags.InRequest(PrTags);

        Assert.Equal(PolicyDecision.Allowed, Decide("sagemaker:CreateMlflowApp", creating, StackTags.Keys(PrTags)));
        Assert.Equal(PolicyDecision.Allowed,
            Decide("sagemaker:AddTags", With(creating, "sagemaker:TaggingAction", "CreateMlflowApp"), StackTags.Keys(PrTags)));
        Assert.NotEqual(PolicyDecision.Allowed, Decide("sagemaker:CreateMlflowApp"));
        Assert.NotEqual(PolicyDecision.Allowed,
            Decide("sagemaker:CreateMlflowApp", StackTags.InRequest(StackTags.Of("dev")), StackTags.Keys(StackTags.Of("dev"))));
    }

    [Fact]
    public void PerPrRole_CannotCreateAnAppWithTheFenceTagSetToAnotherValue()
    {
        var context = With(StackTags.InRequest(PrTags), "aws:RequestTag/DeployFence", "dev");

        Assert.Equal(PolicyDecision.ExplicitlyDenied, Decide("sagemaker:CreateMlflowApp", context, StackTags.Keys(PrTags)));
    }

    [Theory]
    [MemberData(nameof(DevAndProd))]
    public void PerPrRole_CannotCreateOrTagAnAppThatPosesAsDevsOrProds(string stack)
    {
        // Only the tags tell the apps apart, and dev's and prod's roles reach the sagemaker-mlflow
        // API of apps that carry their stack's tags: a per-PR app may not carry them.
        var posing = With(StackTags.InRequest(StackTags.Of(stack)), "aws:RequestTag/DeployFence", "per-pr");
        var keys = new Dictionary<string, IReadOnlyList<string>> { ["aws:TagKeys"] = [.. StackTags.Of(stack).Keys, "DeployFence"] };

        Assert.Equal(PolicyDecision.ExplicitlyDenied, Decide("sagemaker:CreateMlflowApp", posing, keys));
        Assert.Equal(PolicyDecision.ExplicitlyDenied, Decide("sagemaker:AddTags", new(StackTags.OnResource(PrTags)) { ["aws:RequestTag/Environment"] = stack },
            new() { ["aws:TagKeys"] = ["Environment"] }));
        Assert.Equal(PolicyDecision.Allowed, Decide("sagemaker:CreateMlflowApp", StackTags.InRequest(PrTags), StackTags.Keys(PrTags)));
    }

    [Theory]
    [InlineData("sagemaker:UpdateMlflowApp")]
    [InlineData("sagemaker:DeleteMlflowApp")]
    public void PerPrRole_ChangesAndDeletesItsOwnApp_NeverDevsOrProds(string action)
    {
        Assert.Equal(PolicyDecision.Allowed, Decide(action, StackTags.OnResource(PrTags)));
        Assert.All(Shared, stack => Assert.NotEqual(PolicyDecision.Allowed, Decide(action, StackTags.OnResource(StackTags.Of(stack)))));
        Assert.NotEqual(PolicyDecision.Allowed, Decide(action));
    }

    [Theory]
    [MemberData(nameof(DevAndProd))]
    public void PerPrRole_CannotTagDevsOrProdsAppIntoTheFence(string stack)
    {
        // Tagging outside a create call carries no sagemaker:TaggingAction; only an app that is
        // already fenced may be tagged then.
        var fencing = new Dictionary<string, IReadOnlyList<string>> { ["aws:TagKeys"] = ["DeployFence"] };
        var theirs = StackTags.OnResource(StackTags.Of(stack));

        Assert.NotEqual(PolicyDecision.Allowed, Decide("sagemaker:AddTags", With(theirs, "aws:RequestTag/DeployFence", "per-pr"), fencing));
        Assert.Equal(PolicyDecision.Allowed,
            Decide("sagemaker:AddTags", With(StackTags.OnResource(PrTags), "aws:RequestTag/Owner", "ml-team"),
                new() { ["aws:TagKeys"] = ["Owner"] }));
    }

    [Fact]
    public void PerPrRole_ChangesItsAppsOtherTags_NeverTheFenceTag()
    {
        var ours = StackTags.OnResource(PrTags);

        Assert.Equal(PolicyDecision.Allowed, Decide("sagemaker:DeleteTags", ours, new() { ["aws:TagKeys"] = ["Owner"] }));
        Assert.Equal(PolicyDecision.ExplicitlyDenied, Decide("sagemaker:DeleteTags", ours, new() { ["aws:TagKeys"] = ["DeployFence"] }));
        Assert.Equal(PolicyDecision.ExplicitlyDenied,
            Decide("sagemaker:AddTags", With(ours, "aws:RequestTag/DeployFence", "dev"), new() { ["aws:TagKeys"] = ["DeployFence"] }));
    }
}

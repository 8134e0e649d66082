using System.Text.Json.Nodes;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests.Scripts;

/// <summary>
/// .github/scripts/render-policy.sh, the render step docs/delivery-trust-model.md gives operators,
/// renders a template exactly as the policy tests do, and refuses to print a half-rendered policy.
/// </summary>
public sealed class RenderPolicyScriptTests : IDisposable
{
    private const string Script = "../.github/scripts/render-policy.sh";
    private readonly ScriptSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private static string Template(string file) => Path.Combine(ScriptSandbox.RepoRoot, "docs", "policies", file);

    [Fact]
    public void RendersTheTrustPolicy_AsTheTestsEvaluateIt()
    {
        var result = _sandbox.Run(Script, Template("github-oidc-trust.json"), $"AccountId={DeliveryPolicies.AccountId}",
            $"GitHubRepository={DeliveryPolicies.Repository}", "Environment=production");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(DeliveryPolicies.Trust("production")[0]), JsonNode.Parse(result.StdOut)));
    }

    [Fact]
    public void AMissingValue_PrintsNothing_AndNamesThePlaceholder()
    {
        var result = _sandbox.Run(Script, Template("per-pr-deploy-state.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.StdOut);
        Assert.Contains("${StateBucket}", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void AValueForNoPlaceholder_IsRefused()
    {
        var result = _sandbox.Run(Script, Template("per-pr-deploy-state.json"), "StateBucket=b", "AcountId=1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no placeholder ${AcountId}", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void AValueIsTakenLiterally()
    {
        var result = _sandbox.Run(Script, Template("per-pr-deploy-state.json"), "StateBucket=a&b$1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("arn:aws:s3:::a&b$1/", result.StdOut, StringComparison.Ordinal);
    }
}

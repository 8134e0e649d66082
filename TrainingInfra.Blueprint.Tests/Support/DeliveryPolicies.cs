using System.Text.RegularExpressions;
using TrainingInfra.Testing;

namespace TrainingInfra.Blueprint.Tests.Support;

/// <summary>
/// The policy templates of docs/policies, rendered as docs/delivery-trust-model.md tells an
/// operator to render them (every <c>${Name}</c> replaced, none left), with the sample values
/// below. The tests evaluate exactly the published files: there is no second copy.
/// </summary>
internal static partial class DeliveryPolicies
{
    public const string AccountId = "111122223333";
    public const string Repository = "acme/training-infra";
    public const string DevVpcId = "vpc-0123456789abcdef0";
    public const string StateBucket = "acme-pulumi-state";
    public const string BoundaryArn = $"arn:aws:iam::{AccountId}:policy/training-infra-pr-boundary";
    public const string OidcProviderArn = $"arn:aws:iam::{AccountId}:oidc-provider/token.actions.githubusercontent.com";

    /// <summary>The files of the per-PR deploy role, attached together as managed policies.</summary>
    public static readonly string[] PerPrDeployFiles =
        ["per-pr-deploy-iam.json", "per-pr-deploy-data.json", "per-pr-deploy-compute.json", "per-pr-deploy-tagged.json", "per-pr-deploy-mlflow.json", "per-pr-deploy-state.json"];

    public static string Directory => Path.Combine(StackConfigFiles.RepoDirectory, "policies");

    public static IReadOnlyList<string> AllFiles =>
        System.IO.Directory.GetFiles(Directory, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    public static string Template(string file) => File.ReadAllText(Path.Combine(Directory, file));

    public static string Render(string file, IReadOnlyDictionary<string, string> values)
    {
        var text = Placeholder().Replace(Template(file), match =>
            values.TryGetValue(match.Groups["name"].Value, out var value) ? value : match.Value);
        var left = Placeholder().Matches(text).Select(m => m.Value).Distinct().ToList();
        Assert.True(left.Count == 0, $"{file} keeps unrendered placeholders: {string.Join(", ", left)}");
        return text;
    }

    public static IReadOnlyList<string> PerPrDeployRole() =>
        PerPrDeployFiles.Select(f => Render(f, new Dictionary<string, string>
        {
            ["AccountId"] = AccountId, ["DevVpcId"] = DevVpcId, ["StateBucket"] = StateBucket,
        })).ToList();

    public static IReadOnlyList<string> Boundary() =>
        [Render("per-pr-boundary.json", new Dictionary<string, string> { ["AccountId"] = AccountId })];

    public static IReadOnlyList<string> ReadOnlyPreview(string stack) =>
        [Render("read-only-preview.json", new Dictionary<string, string> { ["StateBucket"] = StateBucket, ["Stack"] = stack })];

    public static IReadOnlyList<string> Trust(string environment) =>
        [Render("github-oidc-trust.json", new Dictionary<string, string>
        {
            ["AccountId"] = AccountId, ["GitHubRepository"] = Repository, ["Environment"] = environment,
        })];

    /// <summary>A placeholder of the templates: ${Name}, never an IAM policy variable such as ${aws:username}.</summary>
    [GeneratedRegex(@"\$\{(?<name>[A-Za-z][A-Za-z0-9]*)\}")]
    public static partial Regex Placeholder();
}

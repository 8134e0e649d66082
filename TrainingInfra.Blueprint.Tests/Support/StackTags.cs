using TrainingInfra.Blueprint.Config;
using TrainingInfra.Testing;

namespace TrainingInfra.Blueprint.Tests.Support;

/// <summary>
/// The tags a stack's resources carry, read from its stack file as the program reads them (the
/// platform's own tags and the file's <c>tags</c>), and the request-context keys IAM derives from
/// them. Resources whose ARN holds an id AWS generates (an MLflow App) are told apart only by
/// these tags, so the policy tests take them from the stack files rather than writing them again.
/// </summary>
internal static class StackTags
{
    /// <summary>
    /// The tags of stack <paramref name="stack"/> made from <c>Pulumi.&lt;file&gt;.yaml</c>: a
    /// per-PR stack is a copy of the <c>pr</c> file (<c>pulumi stack init pr3507 --copy-config-from pr</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Of(string stack, string? file = null)
    {
        var source = file ?? stack;
        var config = StackConfigFiles.StackConfig(source);
        return SettingsLoader.Load(ConfigSource.FromDictionary(
            stack, config.GetValueOrDefault("aws:region"), StackConfigFiles.ProjectConfig(source, SettingKeys.ProjectName))).Tags;
    }

    /// <summary>aws:ResourceTag/Key for each tag: a request on a resource that carries them.</summary>
    public static Dictionary<string, string> OnResource(IReadOnlyDictionary<string, string> tags) =>
        tags.ToDictionary(t => $"aws:ResourceTag/{t.Key}", t => t.Value);

    /// <summary>aws:RequestTag/Key for each tag: a request that sets them.</summary>
    public static Dictionary<string, string> InRequest(IReadOnlyDictionary<string, string> tags) =>
        tags.ToDictionary(t => $"aws:RequestTag/{t.Key}", t => t.Value);

    /// <summary>aws:TagKeys of a request that sets these tags.</summary>
    public static Dictionary<string, IReadOnlyList<string>> Keys(IReadOnlyDictionary<string, string> tags) =>
        new() { ["aws:TagKeys"] = tags.Keys.ToList() };
}

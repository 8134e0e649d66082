using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace TrainingInfra.Testing;

/// <summary>
/// Reads the repository's real Pulumi.yaml and Pulumi.&lt;stack&gt;.yaml files (copied next to the
/// test assembly under repo/) and turns stack config into what Pulumi hands a program: every value
/// a string, lists as JSON arrays. Compiled into both test projects.
/// </summary>
internal static class StackConfigFiles
{
    public static string RepoFile(string name) => Path.Combine(AppContext.BaseDirectory, "repo", name);

    /// <summary>The stacks that have a Pulumi.&lt;stack&gt;.yaml file.</summary>
    public static IReadOnlyList<string> StackNames() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "repo"), "Pulumi.*.yaml")
            .Select(path => Path.GetFileName(path)["Pulumi.".Length..^".yaml".Length])
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>A stack file's config, fully qualified keys to raw values.</summary>
    public static IReadOnlyDictionary<string, string> StackConfig(string stack)
    {
        var root = Load(RepoFile($"Pulumi.{stack}.yaml"));
        var config = (YamlMappingNode)root.Children[new YamlScalarNode("config")];
        return config.Children.ToDictionary(
            entry => ((YamlScalarNode)entry.Key).Value!,
            entry => RawValue(entry.Value),
            StringComparer.Ordinal);
    }

    /// <summary>The project keys of a stack file, without the project namespace.</summary>
    public static Dictionary<string, string> ProjectConfig(string stack, string project) =>
        StackConfig(stack)
            .Where(e => e.Key.StartsWith(project + ":", StringComparison.Ordinal))
            .ToDictionary(e => e.Key[(project.Length + 1)..], e => e.Value, StringComparer.Ordinal);

    /// <summary>Pulumi.yaml's <c>config:</c> block: key to its declaration node.</summary>
    public static IReadOnlyDictionary<string, YamlNode> ProjectDeclarations()
    {
        var root = Load(RepoFile("Pulumi.yaml"));
        var config = (YamlMappingNode)root.Children[new YamlScalarNode("config")];
        return config.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => e.Value, StringComparer.Ordinal);
    }

    /// <summary>A config value as the program sees it: scalars as text, sequences as a JSON array.</summary>
    public static string RawValue(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? "",
        YamlSequenceNode sequence => JsonSerializer.Serialize(sequence.Children.Select(RawValue).ToList()),
        _ => throw new InvalidOperationException($"unsupported config value at {node.Start}"),
    };

    private static YamlMappingNode Load(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}

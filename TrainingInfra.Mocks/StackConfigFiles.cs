using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace TrainingInfra.Testing;

/// <summary>
/// Reads a Pulumi project's Pulumi.yaml and Pulumi.&lt;stack&gt;.yaml files and turns stack config into
/// what Pulumi hands a program: every value a string, lists as JSON arrays. The directory is the
/// project's (the plan tool's working directory or --project-dir); without one, the copy of the
/// repository's files next to the running assembly under repo/, as the test projects have it.
/// Compiled into TrainingInfra.Mocks and, as a linked file, into the blueprint tests, which cannot
/// reference a project that depends on Pulumi.
/// </summary>
public static class StackConfigFiles
{
    /// <summary>The project files copied next to the running assembly.</summary>
    public static string RepoDirectory => Path.Combine(AppContext.BaseDirectory, "repo");

    /// <summary>A file of the project directory (by default <see cref="RepoDirectory"/>).</summary>
    public static string RepoFile(string name, string? directory = null) => Path.Combine(directory ?? RepoDirectory, name);

    /// <summary>The stacks that have a Pulumi.&lt;stack&gt;.yaml file.</summary>
    public static IReadOnlyList<string> StackNames(string? directory = null) =>
        Directory.GetFiles(directory ?? RepoDirectory, "Pulumi.*.yaml")
            .Select(path => Path.GetFileName(path)["Pulumi.".Length..^".yaml".Length])
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Whether the stack has a Pulumi.&lt;stack&gt;.yaml file.</summary>
    public static bool HasStackFile(string stack, string? directory = null) => File.Exists(RepoFile($"Pulumi.{stack}.yaml", directory));

    /// <summary>A stack file's config, fully qualified keys to raw values.</summary>
    public static IReadOnlyDictionary<string, string> StackConfig(string stack, string? directory = null)
    {
        var root = Load(RepoFile($"Pulumi.{stack}.yaml", directory));
        if (!root.Children.TryGetValue(new YamlScalarNode("config"), out var node) || node is not YamlMappingNode config)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        return config.Children.ToDictionary(
            entry => ((YamlScalarNode)entry.Key).Value!,
            entry => RawValue(entry.Value),
            StringComparer.Ordinal);
    }

    /// <summary>The project keys of a stack file, without the project namespace.</summary>
    public static Dictionary<string, string> ProjectConfig(string stack, string project, string? directory = null) =>
        StackConfig(stack, directory)
            .Where(e => e.Key.StartsWith(project + ":", StringComparison.Ordinal))
            .ToDictionary(e => e.Key[(project.Length + 1)..], e => e.Value, StringComparer.Ordinal);

    /// <summary>The project's name, from Pulumi.yaml.</summary>
    public static string ProjectName(string? directory = null) =>
        ((YamlScalarNode)Load(RepoFile("Pulumi.yaml", directory)).Children[new YamlScalarNode("name")]).Value!;

    /// <summary>Pulumi.yaml's <c>config:</c> block: key to its declaration node.</summary>
    public static IReadOnlyDictionary<string, YamlNode> ProjectDeclarations(string? directory = null)
    {
        var root = Load(RepoFile("Pulumi.yaml", directory));
        var config = (YamlMappingNode)root.Children[new YamlScalarNode("config")];
        return config.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => e.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// The config Pulumi gives a stack's program, fully qualified: Pulumi.yaml's defaults (its
    /// unqualified keys in the project's namespace), then the stack's file when it has one (a stack
    /// without a file runs on the defaults alone, as after <c>pulumi stack init</c>), then
    /// <paramref name="overrides"/> (unqualified keys are the project's), as <c>pulumi config set</c> would.
    /// </summary>
    public static Dictionary<string, string> EffectiveConfig(
        string stack, IEnumerable<(string Key, string Value)> overrides, string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var project = ProjectName(directory);
        string Qualified(string key) => key.Contains(':', StringComparison.Ordinal) ? key : $"{project}:{key}";

        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, declaration) in ProjectDeclarations(directory))
        {
            if (declaration is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("default"), out var value))
            {
                config[Qualified(key)] = RawValue(value);
            }
        }

        if (HasStackFile(stack, directory))
        {
            foreach (var (key, value) in StackConfig(stack, directory))
            {
                config[key] = value;
            }
        }

        foreach (var (key, value) in overrides)
        {
            config[Qualified(key)] = value;
        }

        return config;
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

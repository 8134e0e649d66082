using System.Text.RegularExpressions;
using TrainingInfra.Testing;
using YamlDotNet.RepresentationModel;

namespace TrainingInfra.Blueprint.Tests.Support;

/// <summary>The GitHub Actions workflows of .github/workflows, read as YAML for the workflow tests.</summary>
internal static partial class WorkflowFiles
{
    public static IReadOnlyList<string> Names =>
        Directory.GetFiles(Path.Combine(StackConfigFiles.RepoDirectory, "workflows"), "*.yml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    public static string Text(string name) => File.ReadAllText(StackConfigFiles.RepoFile(Path.Combine("workflows", name)));

    public static YamlMappingNode Workflow(string name)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Text(name)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public static YamlMappingNode Job(string workflow, string job) => (YamlMappingNode)((YamlMappingNode)Workflow(workflow)["jobs"])[job];

    /// <summary>Every job of a workflow, by its id.</summary>
    public static IReadOnlyList<(string Id, YamlMappingNode Job)> Jobs(string workflow) =>
        ((YamlMappingNode)Workflow(workflow)["jobs"]).Children.Select(j => (((YamlScalarNode)j.Key).Value!, (YamlMappingNode)j.Value)).ToList();

    public static IReadOnlyList<YamlMappingNode> Steps(YamlMappingNode job) =>
        job.Children.TryGetValue(new YamlScalarNode("steps"), out var steps) ? ((YamlSequenceNode)steps).Children.Cast<YamlMappingNode>().ToList() : [];

    public static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    public static YamlMappingNode? Mapping(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value as YamlMappingNode : null;

    public static string? With(YamlMappingNode step, string key) => Mapping(step, "with") is { } with ? Scalar(with, key) : null;

    public static bool Uses(YamlMappingNode step, string action) => Scalar(step, "uses")?.StartsWith(action + "@", StringComparison.Ordinal) == true;

    public static string Run(YamlMappingNode step) => Scalar(step, "run") ?? "";

    public static List<string> Sequence(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node[key]).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();

    public static IEnumerable<string> Scalars(YamlNode node) => node.AllNodes.OfType<YamlScalarNode>().Select(n => n.Value ?? "");

    public static List<(string, string)> Permissions(YamlMappingNode node) =>
        Mapping(node, "permissions") is { } permissions
            ? permissions.Children.Select(p => (((YamlScalarNode)p.Key).Value!, ((YamlScalarNode)p.Value).Value!)).Order().ToList()
            : [];

    /// <summary>A job's permissions: its own, or else the workflow's.</summary>
    public static List<(string, string)> EffectivePermissions(string workflow, YamlMappingNode job) =>
        job.Children.ContainsKey(new YamlScalarNode("permissions")) ? Permissions(job) : Permissions(Workflow(workflow));

    public static bool HoldsIdToken(string workflow, YamlMappingNode job) => EffectivePermissions(workflow, job).Contains(("id-token", "write"));

    public static bool UsesSecrets(YamlMappingNode job) => Scalars(job).Any(v => v.Contains("secrets.", StringComparison.Ordinal));

    /// <summary>The events that start a workflow.</summary>
    public static IReadOnlyList<string> Triggers(string workflow) => Workflow(workflow)["on"] switch
    {
        YamlMappingNode on => on.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList(),
        YamlSequenceNode on => on.Children.Select(k => ((YamlScalarNode)k).Value!).ToList(),
        var on => [((YamlScalarNode)on).Value!],
    };

    /// <summary>The step changes a stack: pulumi/actions up or destroy, or the Pulumi CLI's up or destroy.</summary>
    public static bool ChangesAStack(YamlMappingNode step) =>
        (Uses(step, "pulumi/actions") && With(step, "command") is "up" or "update" or "destroy")
        || PulumiChange().IsMatch(Run(step));

    /// <summary>
    /// The concurrency groups a job runs in (its own, else the workflow's), with matrix values
    /// substituted, and whether a newer run cancels it.
    /// </summary>
    public static IReadOnlyList<(string Group, bool CancelInProgress)> ConcurrencyGroups(string workflow, YamlMappingNode job)
    {
        var node = Mapping(job, "concurrency") ?? Mapping(Workflow(workflow), "concurrency");
        if (node is null)
        {
            return job.Children.TryGetValue(new YamlScalarNode("concurrency"), out var plain) || Workflow(workflow).Children.TryGetValue(new YamlScalarNode("concurrency"), out plain)
                ? [(((YamlScalarNode)plain).Value!, false)]
                : [];
        }

        var group = Scalar(node, "group")!;
        var cancel = Scalar(node, "cancel-in-progress") == "true";
        var matrix = Mapping(job, "strategy") is { } strategy ? Mapping(strategy, "matrix") : null;
        var values = matrix is not null && group.Contains("${{ matrix.stack }}", StringComparison.Ordinal) ? Sequence(matrix, "stack").Cast<string?>().ToList() : [null];
        return values.Select(v => (v is null ? group : group.Replace("${{ matrix.stack }}", v, StringComparison.Ordinal), cancel)).ToList();
    }

    /// <summary>Every `uses:` line of a workflow with what follows the action reference on it.</summary>
    public static IReadOnlyList<(string Reference, string Comment)> UsesLines(string workflow) =>
        UsesLine().Matches(Text(workflow)).Select(m => (m.Groups["ref"].Value, m.Groups["comment"].Value.Trim())).ToList();

    [GeneratedRegex(@"(^|[\s/])pulumi(-when-unlocked\.sh\s+(--\S+\s+\S+\s+)*--)?\s+(up|destroy)\b", RegexOptions.Multiline)]
    private static partial Regex PulumiChange();

    [GeneratedRegex(@"^\s*(-\s+)?uses:\s*(?<ref>\S+)(?<comment>.*)$", RegexOptions.Multiline)]
    private static partial Regex UsesLine();
}

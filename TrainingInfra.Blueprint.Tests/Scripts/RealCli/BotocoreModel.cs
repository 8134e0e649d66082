using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TrainingInfra.Blueprint.Tests.Scripts.RealCli;

/// <summary>
/// A service's shapes as the botocore of the machine's AWS CLI v1 (current models) defines them
/// (botocore/data/&lt;service&gt;/&lt;version&gt;/service-2.json[.gz]), for the loopback service to
/// check what it is sent and what it answers. The CLIs check a request before sending it, but not
/// against enums, patterns or maximum lengths; and nothing checks a scripted answer. Here a request
/// body must fit the operation's input shape, and an answer its output shape: known members only,
/// every required member, JSON types, enums, lengths, ranges and patterns. A pattern must match the
/// whole value: botocore's models print them without anchors, but AWS's API reference prints the same
/// patterns anchored (e.g. ModelPackageGroupName "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$" in
/// API_ModelPackageGroup, read 2026-12-05). The few that .NET cannot read are not checked.
/// </summary>
internal sealed class BotocoreModel
{
    private static readonly ConcurrentDictionary<string, BotocoreModel> Loaded = new();
    private static readonly Lazy<string> DataDirectory = new(FindDataDirectory);
    private readonly JsonObject _operations;
    private readonly JsonObject _shapes;

    private BotocoreModel(JsonObject model)
    {
        _operations = model["operations"]!.AsObject();
        _shapes = model["shapes"]!.AsObject();
    }

    public static BotocoreModel Of(string service, string version) =>
        Loaded.GetOrAdd($"{service}/{version}", key => new BotocoreModel(Load(Path.Combine(DataDirectory.Value, key))));

    /// <summary>What in a request body does not fit the operation's input shape (empty when it fits).</summary>
    public IReadOnlyList<string> RequestProblems(string operation, JsonNode? body) => Problems(operation, "input", body);

    /// <summary>What in an answer does not fit the operation's output shape (an operation without one answers {}).</summary>
    public IReadOnlyList<string> ReplyProblems(string operation, JsonNode? body) => Problems(operation, "output", body);

    private List<string> Problems(string operation, string direction, JsonNode? body)
    {
        var problems = new List<string>();
        var op = _operations[operation] ?? throw new ArgumentException($"botocore knows no operation {operation}", nameof(operation));
        if (op[direction]?["shape"]?.GetValue<string>() is { } shape)
        {
            Check(shape, body ?? new JsonObject(), operation, problems);
        }
        else if (body is JsonObject { Count: > 0 })
        {
            problems.Add($"{operation} has no {direction} shape, yet carries {body.ToJsonString()}");
        }

        return problems;
    }

    private void Check(string shapeName, JsonNode? node, string path, List<string> problems)
    {
        var shape = _shapes[shapeName]!.AsObject();
        var type = shape["type"]!.GetValue<string>();
        switch (type, node)
        {
            case ("structure", JsonObject members):
                var known = shape["members"]!.AsObject();
                foreach (var required in shape["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
                {
                    if (members[required] is null)
                    {
                        problems.Add($"{path}.{required}: required, missing");
                    }
                }

                foreach (var (name, value) in members.Where(m => m.Value is not null))
                {
                    if (known[name] is { } member)
                    {
                        Check(member["shape"]!.GetValue<string>(), value, $"{path}.{name}", problems);
                    }
                    else
                    {
                        problems.Add($"{path}.{name}: not a member of {shapeName}");
                    }
                }

                break;
            case ("list", JsonArray items):
                Length(shape, items.Count, path, problems);
                for (var i = 0; i < items.Count; i++)
                {
                    Check(shape["member"]!["shape"]!.GetValue<string>(), items[i], $"{path}[{i}]", problems);
                }

                break;
            case ("map", JsonObject entries):
                Length(shape, entries.Count, path, problems);
                foreach (var (key, value) in entries)
                {
                    Check(shape["key"]!["shape"]!.GetValue<string>(), JsonValue.Create(key), $"{path} key {key}", problems);
                    Check(shape["value"]!["shape"]!.GetValue<string>(), value, $"{path}.{key}", problems);
                }

                break;
            case ("string" or "blob", JsonValue value) when value.TryGetValue<string>(out var text):
                Length(shape, text.Length, path, problems);
                if (shape["enum"] is JsonArray values && !values.Any(v => v!.GetValue<string>() == text))
                {
                    problems.Add($"{path}: '{text}' is none of {values.ToJsonString()}");
                }

                if (type == "string" && shape["pattern"]?.GetValue<string>() is { } pattern && Matches(pattern, text) == false)
                {
                    problems.Add($"{path}: '{text}' does not match {pattern}");
                }

                break;
            case ("integer" or "long", JsonValue value) when long.TryParse(value.ToJsonString(), CultureInfo.InvariantCulture, out var number):
                Range(shape, number, path, problems);
                break;
            case ("double" or "float", JsonValue value) when value.GetValueKind() == JsonValueKind.Number:
            case ("boolean", JsonValue value2) when value2.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
            // JSON protocols carry a timestamp as epoch seconds (or, as botocore also reads, a string).
            case ("timestamp", JsonValue value3) when value3.GetValueKind() is JsonValueKind.Number or JsonValueKind.String:
                break;
            default:
                problems.Add($"{path}: {node?.ToJsonString() ?? "null"} is not a {type} ({shapeName})");
                break;
        }
    }

    private static void Length(JsonObject shape, int length, string path, List<string> problems) =>
        Range(shape, length, path + " (length)", problems);

    private static void Range(JsonObject shape, long value, string path, List<string> problems)
    {
        if (shape["min"] is { } min && value < min.GetValue<double>() || shape["max"] is { } max && value > max.GetValue<double>())
        {
            problems.Add($"{path}: {value} is outside {shape["min"]?.ToJsonString() ?? "-"}..{shape["max"]?.ToJsonString() ?? "-"}");
        }
    }

    /// <summary>Whether the value matches; null for a pattern .NET cannot read (then it is not checked).</summary>
    private static bool? Matches(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, $"^(?:{pattern})$", RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static JsonObject Load(string directory)
    {
        var plain = Path.Combine(directory, "service-2.json");
        using var stream = File.Exists(plain) ? File.OpenRead(plain) : File.OpenRead(plain + ".gz");
        using var json = File.Exists(plain) ? stream : (Stream)new GZipStream(stream, CompressionMode.Decompress);
        return JsonNode.Parse(json)!.AsObject();
    }

    /// <summary>botocore's data directory, from the Python that runs the v1 CLI (its script's #! line).</summary>
    private static string FindDataDirectory()
    {
        var cli = AwsCli.Named("v1");
        var interpreter = File.ReadLines(cli.Path).First().TrimStart('#', '!').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var python = Path.GetFileName(interpreter[0]) == "env" ? interpreter[1] : interpreter[0];
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import botocore, os; print(os.path.dirname(botocore.__file__))");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit(30_000);
        var data = Path.Combine(output, "data");
        Assert.True(Directory.Exists(data), $"no botocore data directory beside {cli} ('{output}', {process.StandardError.ReadToEnd()})");
        return data;
    }
}

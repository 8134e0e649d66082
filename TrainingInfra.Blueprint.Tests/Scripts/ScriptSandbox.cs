using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrainingInfra.Blueprint.Tests.Scripts;

/// <summary>
/// Runs one of the repository's scripts with bash, with the stand-in aws and pulumi of
/// scripts/tests/fake-bin first on PATH, answering from fixtures this sandbox writes, and reads back
/// every call they recorded.
/// </summary>
internal sealed class ScriptSandbox : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public ScriptSandbox()
    {
        Directory.CreateDirectory(Path.Combine(Dir, "fixtures"));
    }

    /// <summary>The repository's root: the closest directory above the test assembly holding infra.sln.</summary>
    public static string RepoRoot => ScriptProcess.RepoRoot;

    public string Dir { get; } = Directory.CreateTempSubdirectory("script-test-").FullName;

    public string OutputsFile => Path.Combine(Dir, "outputs.json");

    /// <summary>Environment variables for the script beyond the sandbox's own.</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Writes the stack outputs the scripts read with --outputs (and that the stand-in pulumi prints).</summary>
    public void Outputs(JsonObject outputs)
    {
        File.WriteAllText(OutputsFile, outputs.ToJsonString());
        File.WriteAllText(Path.Combine(Dir, "pulumi-outputs.json"), outputs.ToJsonString());
    }

    /// <summary>What the n-th call of "aws service operation" answers.</summary>
    public void Answer(string service, string operation, int call, JsonNode? json, int exitCode = 0, string? stderr = null)
    {
        var folder = Path.Combine(Dir, "fixtures", $"{service}-{operation}");
        Directory.CreateDirectory(folder);
        var basePath = Path.Combine(folder, call.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (json is not null)
        {
            File.WriteAllText(basePath + ".json", json.ToJsonString());
        }

        if (exitCode != 0)
        {
            File.WriteAllText(basePath + ".exit", exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (stderr is not null)
        {
            File.WriteAllText(basePath + ".stderr", stderr);
        }
    }

    /// <summary>Every call, in order, as its argument list (pulumi calls start with "pulumi").</summary>
    public IReadOnlyList<string[]> Calls
    {
        get
        {
            var log = Path.Combine(Dir, "calls.jsonl");
            return File.Exists(log)
                ? File.ReadAllLines(log).Select(line => JsonSerializer.Deserialize<string[]>(line)!).ToList()
                : [];
        }
    }

    /// <summary>The calls of one aws operation.</summary>
    public IReadOnlyList<string[]> CallsOf(string service, string operation) =>
        Calls.Where(c => c.Length >= 2 && c[0] == service && c[1] == operation).ToList();

    /// <summary>The value following an option in a call.</summary>
    public static string Option(string[] call, string name)
    {
        var at = Array.IndexOf(call, name);
        Assert.True(at >= 0 && at + 1 < call.Length, $"{name} missing in {string.Join(' ', call)}");
        return call[at + 1];
    }

    public ScriptResult Run(string script, params string[] arguments) =>
        ScriptProcess.Run(script, arguments, Dir, environment =>
        {
            var fakes = Path.Combine(RepoRoot, "scripts", "tests", "fake-bin");
            environment["PATH"] = fakes + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH");
            environment["FAKE_AWS_DIR"] = Dir;
            environment["TI_POLL_SECONDS"] = "0";
            foreach (var (name, value) in Environment)
            {
                environment[name] = value;
            }
        }, Limit);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is not worth failing a test for.
        }
    }
}

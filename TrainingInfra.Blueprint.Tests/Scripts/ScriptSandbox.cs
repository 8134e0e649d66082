using System.Diagnostics;
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
    public static string RepoRoot { get; } = FindRepoRoot();

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

    public ScriptResult Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Dir,
        };
        start.ArgumentList.Add(Path.Combine(RepoRoot, "scripts", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var fakes = Path.Combine(RepoRoot, "scripts", "tests", "fake-bin");
        start.Environment["PATH"] = fakes + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH");
        start.Environment["FAKE_AWS_DIR"] = Dir;
        start.Environment["TI_POLL_SECONDS"] = "0";
        start.Environment.Remove("TRAINING_INFRA_OUTPUTS");
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{script} did not end within {Limit.TotalSeconds}s");
        }

        return new ScriptResult(process.ExitCode, stdout.Result, stderr.Result);
    }

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

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "infra.sln")) && Directory.Exists(Path.Combine(dir.FullName, "scripts")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no repository (infra.sln and scripts/) above {AppContext.BaseDirectory}");
    }
}

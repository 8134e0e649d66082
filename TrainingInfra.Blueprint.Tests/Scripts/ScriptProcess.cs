using System.Diagnostics;

namespace TrainingInfra.Blueprint.Tests.Scripts;

/// <summary>Runs one of the repository's scripts with bash, in a directory and environment of the test's, within a time limit.</summary>
internal static class ScriptProcess
{
    /// <summary>The repository's root: the closest directory above the test assembly holding infra.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <param name="script">The script's path under scripts/.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="workingDirectory">Where it runs.</param>
    /// <param name="environment">Called with the inherited environment to change it (a null value removes a variable).</param>
    /// <param name="limit">How long it may run before it is killed and the test fails.</param>
    public static ScriptResult Run(
        string script,
        IEnumerable<string> arguments,
        string workingDirectory,
        Action<IDictionary<string, string?>> environment,
        TimeSpan limit)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(RepoRoot, "scripts", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("TRAINING_INFRA_OUTPUTS");
        environment(start.Environment);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{script} did not end within {limit.TotalSeconds}s; so far:\n{stdout.Result}\n{stderr.Result}");
        }

        return new ScriptResult(process.ExitCode, stdout.Result, stderr.Result);
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

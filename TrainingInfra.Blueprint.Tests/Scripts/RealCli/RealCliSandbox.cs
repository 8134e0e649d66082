using System.Text.Json.Nodes;

namespace TrainingInfra.Blueprint.Tests.Scripts.RealCli;

/// <summary>
/// Runs one of the repository's scripts through a real AWS CLI (<see cref="AwsCli"/>) pointed at a
/// <see cref="LoopbackAws"/> of its own: dummy credentials, no configuration but a temporary HOME's,
/// no instance metadata, one attempt per call, and every address but 127.0.0.1 behind a proxy that
/// is not there, so that nothing can reach AWS.
/// </summary>
internal sealed class RealCliSandbox : IDisposable
{
    // A CLI call costs one to a few seconds of Python start-up; the smoke test makes about twenty.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(300);

    public RealCliSandbox(string cli)
    {
        Cli = AwsCli.Named(cli);
        Directory.CreateDirectory(Home);
        Outputs(SampleStack.Outputs());
    }

    public AwsCli Cli { get; }

    public LoopbackAws Aws { get; } = new();

    public string Dir { get; } = Directory.CreateTempSubdirectory("real-cli-test-").FullName;

    public string OutputsFile => Path.Combine(Dir, "outputs.json");

    /// <summary>Environment variables for the script beyond the sandbox's own.</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    private string Home => Path.Combine(Dir, "home");

    /// <summary>Writes the stack outputs the scripts read with --outputs.</summary>
    public void Outputs(JsonObject outputs) => File.WriteAllText(OutputsFile, outputs.ToJsonString());

    public ScriptResult Run(string script, params string[] arguments) =>
        ScriptProcess.Run(script, arguments, Dir, Configure, Limit);

    /// <summary>Fails the test unless the script succeeded, saying what it printed and what the CLI sent.</summary>
    public void AssertSucceeded(ScriptResult result) => Assert.True(result.ExitCode == 0, Report(result));

    /// <summary>The script's ending, output and every request the loopback service received, for a failing test.</summary>
    public string Report(ScriptResult result)
    {
        var requests = Aws.Exchanges.Select(e => $"  {e.Request} -> {e.Reply.Status} {e.Reply.ErrorCode}");
        var note = Cli.Name == "v2" && result.StdErr.Contains("Parameter validation failed", StringComparison.Ordinal)
            ? "\nAWS CLI v2.9's service models are of early 2023: a request member newer than them is the one thing " +
              "v2.9 may refuse while v1 (current models) accepts it. If the same test passes with v1, the script " +
              "sends a member that users of v2 releases before it cannot send."
            : "";
        return $"through AWS CLI {Cli}\n{result}\n--- requests\n{string.Join('\n', requests)}{note}";
    }

    public void Dispose()
    {
        Aws.Dispose();
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is not worth failing a test for.
        }
    }

    private void Configure(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.Where(IsInheritedAwsSetting).ToList())
        {
            environment.Remove(name);
        }

        environment["HOME"] = Home;
        environment["AWS_CONFIG_FILE"] = Path.Combine(Home, ".aws", "config");
        environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(Home, ".aws", "credentials");
        environment["AWS_ACCESS_KEY_ID"] = "testAKIAEXAMPLE";
        environment["AWS_SECRET_ACCESS_KEY"] = "test-secret-key";
        environment["AWS_DEFAULT_REGION"] = SampleStack.Region;
        environment["AWS_EC2_METADATA_DISABLED"] = "true";
        environment["AWS_MAX_ATTEMPTS"] = "1";
        environment["AWS_RETRY_MODE"] = "standard";
        environment["AWS_PAGER"] = "";
        foreach (var proxy in new[] { "HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy" })
        {
            environment[proxy] = "http://127.0.0.1:9";
        }

        environment["NO_PROXY"] = environment["no_proxy"] = "127.0.0.1";
        environment["REAL_AWS_CLI"] = Cli.Path;
        environment[Cli.ReadsEndpointFromEnvironment ? "AWS_ENDPOINT_URL" : "REAL_AWS_ENDPOINT_URL"] = Aws.Endpoint;
        var wrapper = Path.Combine(ScriptProcess.RepoRoot, "scripts", "tests", "real-cli-bin");
        environment["PATH"] = wrapper + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH");
        environment["TI_POLL_SECONDS"] = "0";
        foreach (var (name, value) in Environment)
        {
            environment[name] = value;
        }
    }

    /// <summary>The machine's own AWS settings and proxies, none of which may reach the script.</summary>
    private static bool IsInheritedAwsSetting(string name) =>
        name.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("_PROXY", StringComparison.OrdinalIgnoreCase);
}

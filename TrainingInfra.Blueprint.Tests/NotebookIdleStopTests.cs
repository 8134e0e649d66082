using System.Diagnostics;
using System.Net;
using System.Text;
using TrainingInfra.Blueprint.Aws;
using TrainingInfra.Blueprint.SageMaker;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>
/// The notebook stops itself when nobody uses it, needs nothing from the internet to do so, and
/// may stop only itself. The idle check is run for real, against a stand-in Jupyter server and a
/// stand-in AWS CLI (bash and python3 are what a notebook instance runs them with).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class NotebookIdleStopTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("idle-check-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void OnStartScript_CarriesTheIdleTime_AndFitsSageMakersLimit()
    {
        var script = NotebookIdleStop.OnStartScript(45);

        Assert.Contains("IDLE_MINUTES=45\n", script, StringComparison.Ordinal);
        Assert.DoesNotContain("@", script.Replace("ec2-user@", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(NotebookIdleStop.OnStartBase64(45).Length <= NotebookIdleStop.MaxEncodedLength);
        Assert.Equal(script, Encoding.UTF8.GetString(Convert.FromBase64String(NotebookIdleStop.OnStartBase64(45))));
    }

    [Fact]
    public void OnStartScript_DownloadsNothing_SoItWorksWithoutDirectInternetAccess()
    {
        var script = NotebookIdleStop.OnStartScript(60);

        foreach (var fetch in new[] { "curl", "wget", "pip ", "conda ", "dnf ", "yum ", "git clone", "http://" })
        {
            Assert.DoesNotContain(fetch, script, StringComparison.Ordinal);
        }

        Assert.All(
            script.Split("https://").Skip(1),
            rest => Assert.StartsWith("localhost:", rest, StringComparison.Ordinal));
    }

    [Fact]
    public void OnStartScript_IsValidBash()
    {
        var path = Path.Combine(_work, "on-start.sh");
        File.WriteAllText(path, NotebookIdleStop.OnStartScript(60));

        var (exit, output) = Run("bash", ["-n", path]);

        Assert.True(exit == 0, output);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(NotebookIdleStop.MinMinutes - 1)]
    [InlineData(NotebookIdleStop.MaxMinutes + 1)]
    public void OnStartScript_RefusesAnIdleTimeTheSettingsRefuse(int minutes)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NotebookIdleStop.OnStartScript(minutes));
    }

    [Fact]
    public void IdleNotebook_StopsItself_ByNameInItsRegion()
    {
        var calls = RunCheck(sessions: [Kernel("idle", minutesAgo: 90)]);

        Assert.Equal("sagemaker stop-notebook-instance --region eu-west-1 --notebook-instance-name training-notebook-dev", Assert.Single(calls));
    }

    [Fact]
    public void NotebookUsedWithinTheIdleTime_KeepsRunning()
    {
        Assert.Empty(RunCheck(sessions: [Kernel("idle", minutesAgo: 20)]));
    }

    [Fact]
    public void BusyKernel_KeepsTheNotebookRunning_HoweverLongAgoItsLastMessage()
    {
        Assert.Empty(RunCheck(sessions: [Kernel("busy", minutesAgo: 240)]));
    }

    [Fact]
    public void RecentTerminalActivity_KeepsTheNotebookRunning()
    {
        Assert.Empty(RunCheck(terminals: [Terminal(minutesAgo: 3)]));
    }

    [Fact]
    public void JupyterWithoutTerminals_StillStopsAnIdleNotebook()
    {
        var calls = RunCheck(sessions: [Kernel("idle", minutesAgo: 90)], terminalsEnabled: false);

        Assert.Single(calls);
    }

    [Fact]
    public void FreshlyStartedNotebook_IsNotStopped_BeforeAnyoneCouldUseIt()
    {
        Assert.Empty(RunCheck(bootedMinutesAgo: 10));
    }

    [Fact]
    public void SelfStopPolicy_ReachesOnlyTheNotebookItRunsOn()
    {
        var region = AwsRegion.TryParse("eu-west-1", out _)!;
        var arn = NotebookPlan.Arn(region, "111122223333", "training-notebook-dev");

        var statement = Assert.Single(PolicyStatement.Parse(SageMakerPolicies.NotebookSelfStop(arn)));

        Assert.True(statement.Allows("sagemaker:StopNotebookInstance"));
        Assert.Equal(["arn:aws:sagemaker:eu-west-1:111122223333:notebook-instance/training-notebook-dev"], statement.Resources);
        Assert.All(statement.Actions, a => Assert.StartsWith("sagemaker:", a, StringComparison.Ordinal));
        Assert.DoesNotContain(statement.Actions, a => a.Contains('*', StringComparison.Ordinal) || a.Contains("Delete", StringComparison.Ordinal));
    }

    [Fact]
    public void IdleStop_IsOffAtZero()
    {
        Assert.Null(NotebookPlan.IdleStopScript(Configs.Load(("notebookIdleStopMinutes", "0")).Notebook));
        Assert.NotNull(NotebookPlan.IdleStopScript(Configs.Load().Notebook));
    }

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A Jupyter session whose kernel is in a state and last did something some minutes ago.</summary>
    private static string Kernel(string state, int minutesAgo) =>
        $$$"""{"kernel":{"execution_state":"{{{state}}}","last_activity":"{{{Stamp(DateTimeOffset.UtcNow.AddMinutes(-minutesAgo))}}}"}}""";

    /// <summary>A Jupyter terminal last used some minutes ago.</summary>
    private static string Terminal(int minutesAgo) =>
        $$"""{"name":"1","last_activity":"{{Stamp(DateTimeOffset.UtcNow.AddMinutes(-minutesAgo))}}"}""";

    /// <summary>
    /// Runs the idle check once with a 60-minute idle time on a notebook booted five hours ago
    /// unless said otherwise; returns the AWS CLI calls it made.
    /// </summary>
    private List<string> RunCheck(string[]? sessions = null, string[]? terminals = null, int bootedMinutesAgo = 300, bool terminalsEnabled = true)
    {
        const int idleMinutes = 60;
        var booted = DateTimeOffset.UtcNow.AddMinutes(-bootedMinutesAgo);
        var sessionList = "[" + string.Join(",", sessions ?? []) + "]";
        var terminalList = "[" + string.Join(",", terminals ?? []) + "]";
        var check = Path.Combine(_work, "idle-check.py");
        File.WriteAllText(check, NotebookIdleStop.IdleCheck);
        var metadata = Path.Combine(_work, "resource-metadata.json");
        File.WriteAllText(metadata, """{"ResourceArn":"arn:aws:sagemaker:eu-west-1:111122223333:notebook-instance/training-notebook-dev","ResourceName":"training-notebook-dev"}""");
        var bin = Directory.CreateDirectory(Path.Combine(_work, "bin")).FullName;
        var callLog = Path.Combine(_work, "aws-calls");
        File.WriteAllText(Path.Combine(bin, "aws"), $"#!/bin/sh\necho \"$*\" >> '{callLog}'\n");
        File.SetUnixFileMode(Path.Combine(bin, "aws"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        using var jupyter = new HttpListener();
        var port = FreePort();
        jupyter.Prefixes.Add($"http://127.0.0.1:{port}/");
        jupyter.Start();
        var serving = Task.Run(async () =>
        {
            while (jupyter.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await jupyter.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception stopped) when (stopped is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                var path = context.Request.Url!.AbsolutePath;
                if (path == "/api/terminals" && !terminalsEnabled)
                {
                    context.Response.StatusCode = 404;
                    context.Response.Close();
                    continue;
                }

                var body = Encoding.UTF8.GetBytes(path switch
                {
                    "/api/sessions" => sessionList,
                    "/api/terminals" => terminalList,
                    _ => "[]",
                });
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(body).ConfigureAwait(false);
                context.Response.Close();
            }
        });

        var (exit, output) = Run(Python(),
            [check, "--idle-minutes", $"{idleMinutes}", "--jupyter", $"http://127.0.0.1:{port}", "--metadata", metadata, "--booted-at", Stamp(booted)],
            ("PATH", $"{bin}:{Environment.GetEnvironmentVariable("PATH")}"));
        jupyter.Stop();
        serving.Wait(TimeSpan.FromSeconds(5));

        Assert.True(exit == 0, output);
        return File.Exists(callLog) ? File.ReadAllLines(callLog).ToList() : [];
    }

    /// <summary>
    /// The interpreter behind python3, run directly: a version manager's shim would put its own
    /// directories (with a real AWS CLI, say) ahead of the stand-in on PATH.
    /// </summary>
    private static string Python()
    {
        var (exit, output) = Run("python3", ["-c", "import sys; print(sys.executable)"]);
        Assert.True(exit == 0, "python3 is needed to run the notebook's idle check: " + output);
        return output.Trim();
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private static (int Exit, string Output) Run(string program, IEnumerable<string> arguments, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(30_000), $"{program} did not finish in 30 s");
        return (process.ExitCode, output.Result + errors.Result);
    }
}

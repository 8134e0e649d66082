namespace TrainingInfra.Blueprint.Tests.Scripts;

/// <summary>
/// .github/scripts/pulumi-when-unlocked.sh against the stand-in pulumi: an update that finds the
/// stack locked waits for the lock, for a bounded time, and nothing else is ever run twice.
/// </summary>
public sealed class PulumiWhenUnlockedScriptTests : IDisposable
{
    private const string Script = "../.github/scripts/pulumi-when-unlocked.sh";
    private const string CloudLock = "error: [409] Conflict: Another update is currently in progress.";
    private const string SelfManagedLock = "error: the stack is currently locked by 1 lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.";
    private readonly ScriptSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private List<string[]> Ups() => _sandbox.Calls.Where(c => c is ["pulumi", "up", ..]).ToList();

    private ScriptResult Up(params string[] options) =>
        _sandbox.Run(Script, [.. options, "--", "up", "--stack", "dev", "--yes", "--non-interactive"]);

    [Theory]
    [InlineData(CloudLock)]
    [InlineData(SelfManagedLock)]
    public void ALockedStack_IsTriedAgain_UntilTheUpdateRuns(string lockMessage)
    {
        _sandbox.Answer("pulumi", "up", 1, null, exitCode: 255, stderr: lockMessage);
        _sandbox.Answer("pulumi", "up", 2, null, exitCode: 255, stderr: lockMessage);
        _sandbox.Answer("pulumi", "up", 3, new System.Text.Json.Nodes.JsonObject());

        var result = Up();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, Ups().Count);
        Assert.All(Ups(), call => Assert.Equal(["pulumi", "up", "--stack", "dev", "--yes", "--non-interactive"], call));
        Assert.Contains("locked by another operation (attempt 2)", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void AnyOtherFailure_IsNeverRunAgain_AndKeepsPulumisExitCode()
    {
        _sandbox.Answer("pulumi", "up", 1, null, exitCode: 255,
            stderr: "error: update failed: deleting compute environment: ClientException: Cannot delete, found existing JobQueue relationship");

        var result = Up();

        Assert.Equal(255, result.ExitCode);
        Assert.Single(Ups());
        Assert.Contains("JobQueue relationship", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void ALockThatOutlastsTheWait_FailsWith75_SayingNothingChanged()
    {
        _sandbox.Answer("pulumi", "up", 1, null, exitCode: 255, stderr: CloudLock);

        var result = Up("--wait", "0");

        Assert.Equal(75, result.ExitCode);
        Assert.Single(Ups());
        Assert.Contains("nothing was changed", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutACommand_ItIsAUsageError()
    {
        var result = _sandbox.Run(Script, "--wait", "10");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(_sandbox.Calls);
    }
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace TrainingInfra.Blueprint.Tests.Scripts;

/// <summary>
/// .github/scripts/reap-pr-stacks.sh against the stand-in pulumi and gh: it removes the per-PR
/// stacks whose pull request is closed or that went stale, and never any other stack.
/// </summary>
public sealed class ReapPrStacksScriptTests : IDisposable
{
    private const string Script = "../.github/scripts/reap-pr-stacks.sh";
    private readonly ScriptSandbox _sandbox = new();

    public ReapPrStacksScriptTests()
    {
        _sandbox.Environment["GITHUB_STEP_SUMMARY"] = Path.Combine(_sandbox.Dir, "summary.md");
        // Every stack has a model registry, empty unless a test fills it (the stand-in pulumi
        // answers every stack's outputs alike).
        _sandbox.Outputs(SampleStack.Outputs());
        _sandbox.Answer("sagemaker", "describe-model-package-group", 1, SampleModels.GroupDescription());
        _sandbox.Answer("sagemaker", "list-model-packages", 1, SampleModels.PackagePage(null));
    }

    public void Dispose() => _sandbox.Dispose();

    private static string DaysAgo(int days) =>
        DateTime.UtcNow.AddDays(-days).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private void Stacks(params (string Name, int UpdatedDaysAgo)[] stacks) =>
        File.WriteAllText(Path.Combine(_sandbox.Dir, "pulumi-stacks.json"), new JsonArray(stacks
            .Select(s => (JsonNode)new JsonObject { ["name"] = s.Name, ["current"] = false, ["lastUpdate"] = DaysAgo(s.UpdatedDaysAgo) })
            .ToArray()).ToJsonString());

    private void PullRequests(params (int Number, string State)[] pullRequests) =>
        File.WriteAllText(Path.Combine(_sandbox.Dir, "gh-pull-requests.json"),
            new JsonObject(pullRequests.Select(p => KeyValuePair.Create(p.Number.ToString(CultureInfo.InvariantCulture), (JsonNode?)p.State))).ToJsonString());

    private List<string> Destroyed() => _sandbox.Calls
        .Where(c => c is ["pulumi", "destroy", ..])
        .Select(c => ScriptSandbox.Option(c, "--stack"))
        .ToList();

    private List<string> RemovedStacks() => _sandbox.Calls.Where(c => c is ["pulumi", "stack", "rm", ..]).Select(c => c[3]).ToList();

    [Fact]
    public void ClosedAndMergedPullRequests_LoseTheirStacks_OpenOnesKeepThem()
    {
        Stacks(("pr101", 1), ("pr102", 1), ("pr103", 1));
        PullRequests((101, "CLOSED"), (102, "OPEN"), (103, "MERGED"));

        var result = _sandbox.Run(Script);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["pr101", "pr103"], Destroyed());
        Assert.Equal(["pr101", "pr103"], RemovedStacks());
        Assert.Contains("removed pr101: pull request #101 is closed", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void StacksNotUpdatedForTheIdleLimit_AreRemoved_EvenWithTheirPullRequestOpen()
    {
        Stacks(("pr201", 10), ("pr202", 2));
        PullRequests((201, "OPEN"), (202, "OPEN"));

        var result = _sandbox.Run(Script, "--max-idle-days", "7");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["pr201"], Destroyed());
        Assert.Contains("not updated for 10 days (limit 7)", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void StacksNotNamedPrAndDigits_AreNeverTouched_HoweverOldOrWhatever()
    {
        Stacks(("dev", 400), ("prod", 400), ("pr", 400), ("pr12a", 400), ("preview7", 400), ("team-pr3", 400), ("acme/training-infra/prod", 400));
        PullRequests((12, "CLOSED"), (7, "CLOSED"), (3, "CLOSED"));

        var result = _sandbox.Run(Script, "--max-idle-days", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(Destroyed());
        Assert.Empty(RemovedStacks());
        Assert.DoesNotContain(_sandbox.Calls, c => c is ["gh", ..]);
    }

    [Fact]
    public void QualifiedNamesFromPulumiCloud_AreJudgedByTheirStackName()
    {
        Stacks(("acme/training-infra/pr301", 1));
        PullRequests((301, "CLOSED"));

        var result = _sandbox.Run(Script);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["pr301"], Destroyed());
    }

    [Fact]
    public void APullRequestThatCannotBeRead_KeepsItsStack_AndTheRunFails()
    {
        Stacks(("pr401", 30), ("pr402", 1));
        PullRequests((402, "CLOSED"));

        var result = _sandbox.Run(Script);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(["pr402"], Destroyed());
        Assert.Contains("kept pr401: could not read pull request #401", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailedDestroy_KeepsTheStack_GoesOnWithTheOthers_AndFailsTheRun()
    {
        Stacks(("pr501", 1), ("pr502", 1));
        PullRequests((501, "CLOSED"), (502, "CLOSED"));
        File.WriteAllText(Path.Combine(_sandbox.Dir, "pulumi-destroy-fails"), "pr501\n");

        var result = _sandbox.Run(Script);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(["pr502"], RemovedStacks());
        Assert.Contains("FAILED to remove pr501", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void AStacksModelRegistry_IsEmptied_BeforeTheStackIsDestroyed()
    {
        Stacks(("pr901", 1));
        PullRequests((901, "CLOSED"));
        _sandbox.Answer("sagemaker", "list-model-packages", 1, SampleModels.PackagePage(null, 1, 2));
        _sandbox.Answer("sagemaker", "list-model-packages", 2, SampleModels.PackagePage(null));

        var result = _sandbox.Run(Script);

        Assert.True(result.ExitCode == 0, result.ToString());
        var calls = _sandbox.Calls.Select(c => string.Join(' ', c)).ToList();
        var outputs = calls.IndexOf("pulumi stack output --json --stack pr901");
        var deletes = calls.Select((c, i) => (c, i)).Where(x => x.c.StartsWith("sagemaker delete-model-package ", StringComparison.Ordinal)).Select(x => x.i).ToList();
        var destroy = calls.FindIndex(c => c.StartsWith("pulumi destroy --stack pr901", StringComparison.Ordinal));
        Assert.Equal(2, deletes.Count);
        Assert.True(outputs >= 0 && outputs < deletes[0] && deletes[^1] < destroy, string.Join('\n', calls));
        Assert.Equal(["pr901"], RemovedStacks());
    }

    [Fact]
    public void AStackWhoseRegistryCannotBeEmptied_IsNotDestroyed_TheOthersAre_AndTheRunFails()
    {
        Stacks(("pr911", 1), ("pr912", 1));
        PullRequests((911, "CLOSED"), (912, "CLOSED"));
        _sandbox.Answer("sagemaker", "describe-model-package-group", 1, null, exitCode: 254,
            stderr: "An error occurred (AccessDeniedException) when calling the DescribeModelPackageGroup operation: not authorized");
        _sandbox.Answer("sagemaker", "describe-model-package-group", 2, SampleModels.GroupDescription());

        var result = _sandbox.Run(Script);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(["pr912"], Destroyed());
        Assert.Equal(["pr912"], RemovedStacks());
        Assert.Contains("FAILED to remove pr911", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void DryRun_ListsWhatWouldGo_AndRemovesNothing()
    {
        Stacks(("pr601", 1));
        PullRequests((601, "CLOSED"));

        var result = _sandbox.Run(Script, "--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(Destroyed());
        Assert.Contains("would remove pr601", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSummary_ListsWhatWasRemoved()
    {
        Stacks(("pr701", 1));
        PullRequests((701, "CLOSED"));

        _sandbox.Run(Script);

        Assert.Contains("- removed pr701: pull request #701 is closed", File.ReadAllText(Path.Combine(_sandbox.Dir, "summary.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("seven")]
    public void AnIdleLimitThatIsNotADayCount_IsRefused(string days)
    {
        Stacks(("pr801", 100));
        PullRequests((801, "OPEN"));

        var result = _sandbox.Run(Script, "--max-idle-days", days);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(Destroyed());
    }
}

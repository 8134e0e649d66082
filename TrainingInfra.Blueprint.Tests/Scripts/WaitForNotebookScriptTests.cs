using System.Text.Json.Nodes;

namespace TrainingInfra.Blueprint.Tests.Scripts;

/// <summary>
/// .github/scripts/wait-for-notebook.sh against the stand-in aws: it lets `pulumi up` and
/// `pulumi destroy` start only once the notebook is in a state they can stop or delete it from.
/// </summary>
public sealed class WaitForNotebookScriptTests : IDisposable
{
    private const string Script = "../.github/scripts/wait-for-notebook.sh";
    private const string Notebook = "training-notebook-dev";
    private readonly ScriptSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private void Statuses(params string[] statuses)
    {
        for (var i = 0; i < statuses.Length; i++)
        {
            _sandbox.Answer("sagemaker", "describe-notebook-instance", i + 1,
                new JsonObject { ["NotebookInstanceName"] = Notebook, ["NotebookInstanceStatus"] = statuses[i] });
        }
    }

    private ScriptResult Wait(params string[] options) => _sandbox.Run(Script, [.. options, "us-east-1", Notebook]);

    [Theory]
    [InlineData("Stopping")]
    [InlineData("Pending")]
    [InlineData("Updating")]
    public void ATransitionalState_IsWaitedOut_UntilTheNotebookSettles(string transitional)
    {
        Statuses(transitional, transitional, "Stopped");

        var result = Wait();

        Assert.True(result.ExitCode == 0, result.ToString());
        var calls = _sandbox.CallsOf("sagemaker", "describe-notebook-instance");
        Assert.Equal(3, calls.Count);
        Assert.All(calls, call => Assert.Equal(Notebook, ScriptSandbox.Option(call, "--notebook-instance-name")));
        Assert.All(calls, call => Assert.Equal("us-east-1", ScriptSandbox.Option(call, "--region")));
        Assert.Contains("notebook training-notebook-dev is Stopped", result.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("InService")]
    [InlineData("Stopped")]
    [InlineData("Failed")]
    public void ASettledNotebook_IsNotWaitedFor(string settled)
    {
        Statuses(settled);

        var result = Wait();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(_sandbox.CallsOf("sagemaker", "describe-notebook-instance"));
    }

    [Fact]
    public void ADeletingNotebook_IsWaitedForUntilItIsGone()
    {
        Statuses("Deleting");
        _sandbox.Answer("sagemaker", "describe-notebook-instance", 2, null, exitCode: 254,
            stderr: "An error occurred (ValidationException) when calling the DescribeNotebookInstance operation: RecordNotFound");

        var result = Wait();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("does not exist", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void NoNotebook_IsNothingToWaitFor()
    {
        _sandbox.Answer("sagemaker", "describe-notebook-instance", 1, null, exitCode: 254,
            stderr: "An error occurred (ValidationException) when calling the DescribeNotebookInstance operation: RecordNotFound");

        var result = Wait();

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void AStateThatOutlastsTheTimeout_FailsWith124_NamingTheState()
    {
        Statuses("Stopping");

        var result = Wait("--timeout", "0");

        Assert.Equal(124, result.ExitCode);
        Assert.Contains("still Stopping after 0s", result.StdErr, StringComparison.Ordinal);
        Assert.Single(_sandbox.CallsOf("sagemaker", "describe-notebook-instance"));
    }

    [Fact]
    public void AnyOtherAwsError_FailsWith3_ShowingAwssMessage()
    {
        _sandbox.Answer("sagemaker", "describe-notebook-instance", 1, null, exitCode: 254,
            stderr: "An error occurred (AccessDeniedException) when calling the DescribeNotebookInstance operation: not authorized");

        var result = Wait();

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("AccessDeniedException", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("could not read the state of notebook training-notebook-dev", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownState_FailsWith3_RatherThanGuessing()
    {
        Statuses("Hibernating");

        var result = Wait();

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("'Hibernating'", result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us-east-1")]
    [InlineData("us-east-1", "not a name!")]
    [InlineData("--timeout", "soon", "us-east-1", Notebook)]
    public void WrongUsage_FailsWith2_BeforeAnyCall(params string[] arguments)
    {
        var result = _sandbox.Run(Script, arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(_sandbox.Calls);
    }
}

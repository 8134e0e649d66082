using System.Text;
using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests;

/// <summary>The notebook stops itself when idle, with a permission that reaches only itself.</summary>
[Collection(MockRuntimeSuite.Name)]
public class NotebookIdleStopTests(StackRuns runs)
{
    private const string Notebook = "aws:sagemaker/notebookInstance:NotebookInstance";
    private const string Lifecycle = "aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration";

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Notebook_StartsWithTheIdleStop_AfterSixtyMinutes(string stack)
    {
        var run = await runs.Get(stack);
        var lifecycle = Assert.Single(run.OfType(Lifecycle));

        Assert.Equal($"training-notebook-idle-stop-{stack}", lifecycle.Text("name"));
        Assert.Equal(lifecycle.Text("name"), Assert.Single(run.OfType(Notebook)).Text("lifecycleConfigName"));
        var script = Encoding.UTF8.GetString(Convert.FromBase64String(lifecycle.Text("onStart")!));
        Assert.Contains("IDLE_MINUTES=60\n", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdleTime_FromConfig_ReachesTheScript()
    {
        var run = await runs.Get("dev", ("notebookIdleStopMinutes", "25"));

        var script = Encoding.UTF8.GetString(Convert.FromBase64String(Assert.Single(run.OfType(Lifecycle)).Text("onStart")!));
        Assert.Contains("IDLE_MINUTES=25\n", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdleStopZero_LeavesTheNotebookRunning_WithoutTheStopPermission()
    {
        var run = await runs.Get("dev", ("notebookIdleStopMinutes", "0"));

        Assert.Empty(run.OfType(Lifecycle));
        Assert.Null(Assert.Single(run.OfType(Notebook)).Get("lifecycleConfigName"));
        Assert.DoesNotContain(run.OfType("aws:iam/rolePolicy:RolePolicy"), p => p.Name == "notebook-role-idle-stop");
    }

    [Fact]
    public async Task NotebookRole_MayStopOnlyItsOwnNotebook()
    {
        var run = await runs.Get("dev");
        var policy = run.Named("aws:iam/rolePolicy:RolePolicy", "notebook-role-idle-stop");

        Assert.Equal(run.Named("aws:iam/role:Role", "notebook-role").Text("name"), policy.Text("role"));
        var statement = Assert.Single(policy.Json("policy").GetProperty("Statement").EnumerateArray());
        Assert.Equal(
            [$"arn:aws:sagemaker:us-east-1:{CloudMocks.AccountId}:notebook-instance/training-notebook-dev"],
            statement.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("sagemaker:StopNotebookInstance", statement.GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
    }
}

using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using static TrainingInfra.Blueprint.Tests.Support.WorkflowFiles;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>Every update of dev and of a per-PR stack is smoke-tested on its own outputs; prod's when the dispatch asks.</summary>
public partial class WorkflowSmokeTestTests
{
    private static readonly string[] SmokeTestScripts = ["smoke-test.sh", "start-training-job.sh", "submit-batch-job.sh", "register-model.sh"];

    private static int IndexOf(YamlMappingNode job, Func<YamlMappingNode, bool> predicate) =>
        Steps(job).Select((step, index) => (step, index)).Single(s => predicate(s.step)).index;

    /// <summary>
    /// The job smoke-tests its stack after the update: it writes the stack's outputs, as
    /// `pulumi stack output --json` prints them, to the file the smoke test then reads.
    /// </summary>
    private static void AssertSmokeTestsAfterTheUpdate(YamlMappingNode job)
    {
        var collect = Assert.Single(Steps(job), s => Scalar(s, "name") == "Collect the stack's outputs for the smoke test");
        var smoke = Assert.Single(Steps(job), s => Run(s).Contains("scripts/smoke-test.sh", StringComparison.Ordinal));

        Assert.True(IndexOf(job, ChangesAStack) < IndexOf(job, s => s == collect));
        Assert.True(IndexOf(job, s => s == collect) < IndexOf(job, s => s == smoke));
        Assert.Equal("pulumi stack output --json --stack \"$STACK\" > \"$RUNNER_TEMP/stack-outputs.json\"", Run(collect));
        Assert.StartsWith("bash scripts/smoke-test.sh \"$STACK\" --outputs \"$RUNNER_TEMP/stack-outputs.json\"", Run(smoke), StringComparison.Ordinal);
        Assert.Contains("--timeout", Run(smoke), StringComparison.Ordinal);
        Assert.NotNull(Scalar(smoke, "timeout-minutes"));
    }

    [Fact]
    public void SmokeTest_ReadsOutputsTheStackHas()
    {
        var read = SmokeTestScripts
            .SelectMany(script => OutputRead().Matches(File.ReadAllText(Path.Combine(Scripts.ScriptSandbox.RepoRoot, "scripts", script))))
            .Select(match => match.Groups["name"].Value)
            .ToList();

        Assert.Contains("TrainingJobConfig", read);
        Assert.Contains("BatchJobFailedRuleName", read);
        Assert.Contains("ModelApprovalRuleName", read);
        Assert.Contains("ModelPackageGroupName", read);
    }

    [Fact]
    public void Deploy_SmokeTestsDevAfterEveryUpdate()
    {
        var job = Job("deploy.yml", "up-dev");

        AssertSmokeTestsAfterTheUpdate(job);
        Assert.All(Steps(job).Where(s => Run(s).Contains("smoke-test.sh", StringComparison.Ordinal) || Scalar(s, "name")?.Contains("smoke test", StringComparison.Ordinal) == true),
            step => Assert.Null(Scalar(step, "if")));
    }

    [Fact]
    public void Deploy_SmokeTestsProdOnlyWhenTheDispatchAsks()
    {
        var job = Job("deploy.yml", "up-prod");
        var input = Mapping(Mapping(Mapping(Mapping(Workflow("deploy.yml"), "on")!, "workflow_dispatch")!, "inputs")!, "smoke-test")!;

        AssertSmokeTestsAfterTheUpdate(job);
        Assert.Equal(("boolean", "false"), (Scalar(input, "type"), Scalar(input, "default")));
        Assert.Equal("inputs.smoke-test", Scalar(Assert.Single(Steps(job), s => Run(s).Contains("scripts/smoke-test.sh", StringComparison.Ordinal)), "if"));
    }

    [Fact]
    public void PerPullRequestStack_IsSmokeTestedAfterEveryUpdate()
    {
        AssertSmokeTestsAfterTheUpdate(Job("pr-stack.yml", "up"));
    }

    [GeneratedRegex(@"ti_output (?<name>[A-Za-z]+)")]
    private static partial Regex OutputRead();
}

namespace TrainingInfra.Blueprint.Tests.Scripts.RealCli;

/// <summary>
/// scripts/submit-batch-job.sh through AWS CLI v2.9 and v1 against the loopback Batch (rest-json).
/// Right after SubmitJob, DescribeJobs may answer with no job for a moment (Netflix/metaflow#543,
/// "the response for describe_jobs could be empty, particularly when the job has been just launched").
/// </summary>
public sealed class SubmitBatchJobThroughRealCliTests
{
    private const string Script = "submit-batch-job.sh";

    private static ScriptResult Submit(RealCliSandbox sandbox) =>
        sandbox.Run(Script, "dev", "nightly", "--outputs", sandbox.OutputsFile, "--wait", "--", "python", "infer.py", "--input", "s3://in/batch 7/");

    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    public void JobNotListedAtFirst_IsLookedForAgain_AndFollowedToItsEnd(string cli)
    {
        using var sandbox = new RealCliSandbox(cli);
        sandbox.Aws.BatchJobsGoThrough(["", "", "RUNNING", "SUCCEEDED"]);

        var result = Submit(sandbox);

        sandbox.AssertSucceeded(result);
        var submit = Assert.Single(sandbox.Aws.RequestsOf("batch", "SubmitJob")).Json;
        Assert.Equal(("nightly", SampleStack.Queue, SampleStack.JobDefinition),
            ((string?)submit["jobName"], (string?)submit["jobQueue"], (string?)submit["jobDefinition"]));
        Assert.Equal(["python", "infer.py", "--input", "s3://in/batch 7/"], submit["containerOverrides"]!["command"]!.AsArray().Select(c => (string?)c));
        Assert.Equal(4, sandbox.Aws.RequestsOf("batch", "DescribeJobs").Count);
    }

    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    public void JobBatchNeverLists_FailsClearly_AfterABoundedNumberOfLooks(string cli)
    {
        using var sandbox = new RealCliSandbox(cli);
        sandbox.Aws.BatchJobsGoThrough([""]);

        var result = Submit(sandbox);

        Assert.True(result.ExitCode == 3, sandbox.Report(result));
        Assert.Contains("Batch accepted job nightly (job-0) but did not list it in 5 looks", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(5, sandbox.Aws.RequestsOf("batch", "DescribeJobs").Count);
    }
}

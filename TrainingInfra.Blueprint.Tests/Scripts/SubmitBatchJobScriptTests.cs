using System.Text.Json.Nodes;

namespace TrainingInfra.Blueprint.Tests.Scripts;

/// <summary>scripts/submit-batch-job.sh against the stand-in aws.</summary>
public sealed class SubmitBatchJobScriptTests : IDisposable
{
    private const string Script = "submit-batch-job.sh";
    private const string JobId = "4c7e3d52-2f0a-4b8e-9d61-5f1a0c3b7e90";
    private readonly ScriptSandbox _sandbox = new();

    public SubmitBatchJobScriptTests()
    {
        _sandbox.Outputs(SampleStack.Outputs());
        _sandbox.Answer("batch", "submit-job", 1, new JsonObject { ["jobName"] = "nightly", ["jobId"] = JobId });
    }

    public void Dispose() => _sandbox.Dispose();

    private ScriptResult Submit(params string[] arguments) =>
        _sandbox.Run(Script, ["dev", "nightly", "--outputs", _sandbox.OutputsFile, .. arguments]);

    private void StatusAnswers(params string[] statuses)
    {
        for (var i = 0; i < statuses.Length; i++)
        {
            var failed = statuses[i] == "FAILED";
            var job = new JsonObject
            {
                ["jobId"] = JobId,
                ["status"] = statuses[i],
                ["statusReason"] = failed ? "Essential container in task exited" : null,
                ["container"] = new JsonObject { ["exitCode"] = failed ? 3 : null },
            };
            _sandbox.Answer("batch", "describe-jobs", i + 1, new JsonObject { ["jobs"] = new JsonArray(job) });
        }
    }

    [Fact]
    public void SubmitsTheCommandToTheStacksQueue_WithTheStacksJobDefinition()
    {
        var result = Submit("--", "python", "infer.py", "--input", "s3://in/batch 7/");

        Assert.True(result.ExitCode == 0, result.ToString());
        var submit = Assert.Single(_sandbox.CallsOf("batch", "submit-job"));
        Assert.Equal(SampleStack.Queue, ScriptSandbox.Option(submit, "--job-queue"));
        Assert.Equal(SampleStack.JobDefinition, ScriptSandbox.Option(submit, "--job-definition"));
        Assert.Equal("nightly", ScriptSandbox.Option(submit, "--job-name"));
        Assert.Equal(SampleStack.Region, ScriptSandbox.Option(submit, "--region"));
        var command = JsonNode.Parse(ScriptSandbox.Option(submit, "--container-overrides"))!["command"]!.AsArray().Select(c => (string?)c);
        Assert.Equal(["python", "infer.py", "--input", "s3://in/batch 7/"], command);
    }

    [Fact]
    public void PrintsTheJobsConsoleLink()
    {
        var result = Submit("--", "true");

        Assert.Equal($"https://us-east-1.console.aws.amazon.com/batch/home?region=us-east-1#jobs/detail/{JobId}", result.StdOut.Trim());
    }

    [Fact]
    public void Wait_ExitsOne_WithTheReasonAndExitCode_WhenTheJobFails()
    {
        StatusAnswers("RUNNABLE", "RUNNING", "FAILED");

        var result = Submit("--wait", "--", "false");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Essential container in task exited, exit code 3", result.StdErr, StringComparison.Ordinal);
        Assert.All(_sandbox.CallsOf("batch", "describe-jobs"), call => Assert.Equal(JobId, ScriptSandbox.Option(call, "--jobs")));
    }

    [Fact]
    public void Wait_ExitsZero_WhenTheJobSucceeds()
    {
        StatusAnswers("STARTING", "SUCCEEDED");

        var result = Submit("--wait", "--", "true");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, _sandbox.CallsOf("batch", "describe-jobs").Count);
    }

    [Fact]
    public void OtherJobDefinition_IsUsedInsteadOfTheStacks()
    {
        Submit("--job-definition", "arn:aws:batch:us-east-1:111122223333:job-definition/other:1", "--", "true");

        Assert.Equal("arn:aws:batch:us-east-1:111122223333:job-definition/other:1",
            ScriptSandbox.Option(Assert.Single(_sandbox.CallsOf("batch", "submit-job")), "--job-definition"));
    }

    [Fact]
    public void MissingCommand_IsAUsageError_BeforeAnyCall()
    {
        var result = Submit();

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(_sandbox.Calls);
    }
}

using System.Text.Json.Nodes;

namespace TrainingInfra.Blueprint.Tests.Scripts;

/// <summary>scripts/start-training-job.sh against the stand-in aws.</summary>
public sealed class StartTrainingJobScriptTests : IDisposable
{
    private const string Script = "start-training-job.sh";
    private readonly ScriptSandbox _sandbox = new();

    public StartTrainingJobScriptTests() => _sandbox.Outputs(SampleStack.Outputs());

    public void Dispose() => _sandbox.Dispose();

    private ScriptResult Start(params string[] arguments) =>
        _sandbox.Run(Script, ["dev", .. arguments, "--outputs", _sandbox.OutputsFile]);

    private JsonObject SentRequest(int call = 0)
    {
        var create = _sandbox.CallsOf("sagemaker", "create-training-job")[call];
        return JsonNode.Parse(ScriptSandbox.Option(create, "--cli-input-json"))!.AsObject();
    }

    private static JsonObject StackConfig(string? dataKey = null) => JsonNode.Parse(SampleStack.TrainingJobConfig(dataKey))!.AsObject();

    private void DescribeAnswers(params string[] statuses)
    {
        for (var i = 0; i < statuses.Length; i++)
        {
            _sandbox.Answer("sagemaker", "describe-training-job", i + 1, new JsonObject
            {
                ["TrainingJobStatus"] = statuses[i],
                ["SecondaryStatus"] = statuses[i] == "InProgress" ? "Training" : statuses[i],
                ["FailureReason"] = statuses[i] == "Failed" ? "AlgorithmError: loss became NaN" : null,
            });
        }
    }

    [Fact]
    public void StartsTheStacksConfiguredJob_UnderItsName_InTheStacksRegion()
    {
        var result = Start("resnet-01");

        Assert.True(result.ExitCode == 0, result.ToString());
        var create = Assert.Single(_sandbox.CallsOf("sagemaker", "create-training-job"));
        Assert.Equal(SampleStack.Region, ScriptSandbox.Option(create, "--region"));
        var request = SentRequest();
        Assert.Equal("resnet-01", (string?)request["TrainingJobName"]);
        var config = StackConfig();
        Assert.All(config.Where(m => m.Key is not ("CheckpointConfig" or "MlflowConfig")),
            member => Assert.True(JsonNode.DeepEquals(member.Value, request[member.Key]), $"{member.Key} differs from the stack's config"));
    }

    [Fact]
    public void GivesEachJobItsOwnCheckpointPrefix_UnderTheStacksCheckpointLocation()
    {
        Start("resnet-01");
        Start("resnet-02");

        var location = (string)StackConfig()["CheckpointConfig"]!["S3Uri"]!;
        Assert.Equal(location + "resnet-01/", (string?)SentRequest(0)["CheckpointConfig"]!["S3Uri"]);
        Assert.Equal(location + "resnet-02/", (string?)SentRequest(1)["CheckpointConfig"]!["S3Uri"]);
    }

    [Fact]
    public void PrintsTheJobsConsoleLink()
    {
        var result = Start("resnet-01");

        Assert.Equal("https://us-east-1.console.aws.amazon.com/sagemaker/home?region=us-east-1#/jobs/resnet-01", result.StdOut.Trim());
    }

    [Fact]
    public void ImageTag_RunsThatTagOfTheStacksRepository()
    {
        Start("resnet-01", "--image-tag", "2026.12.1");

        Assert.Equal($"{SampleStack.Repository}:2026.12.1", (string?)SentRequest()["AlgorithmSpecification"]!["TrainingImage"]);
    }

    [Fact]
    public void OtherInstanceType_WithLocalStorage_LeavesOutTheVolumeKey_AsEc2Reports()
    {
        _sandbox.Outputs(SampleStack.Outputs(SampleStack.DataKey));
        _sandbox.Answer("ec2", "describe-instance-types", 1, JsonNode.Parse("""{"InstanceTypes":[{"InstanceType":"g5.2xlarge","InstanceStorageSupported":true}]}"""));

        var result = Start("resnet-01", "--instance-type", "ml.g5.2xlarge");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("g5.2xlarge", ScriptSandbox.Option(Assert.Single(_sandbox.CallsOf("ec2", "describe-instance-types")), "--instance-types"));
        var resources = SentRequest()["ResourceConfig"]!;
        Assert.Equal("ml.g5.2xlarge", (string?)resources["InstanceType"]);
        Assert.Null(resources["VolumeKmsKeyId"]);
        Assert.Equal(SampleStack.DataKey, (string?)SentRequest()["OutputDataConfig"]!["KmsKeyId"]);
    }

    [Fact]
    public void OtherInstanceType_OnEbs_KeepsTheVolumeEncryptedWithTheDataKey()
    {
        _sandbox.Outputs(SampleStack.Outputs(SampleStack.DataKey));
        _sandbox.Answer("ec2", "describe-instance-types", 1, JsonNode.Parse("""{"InstanceTypes":[{"InstanceType":"c5.4xlarge","InstanceStorageSupported":false}]}"""));

        Start("resnet-01", "--instance-type", "ml.c5.4xlarge");

        Assert.Equal(SampleStack.DataKey, (string?)SentRequest()["ResourceConfig"]!["VolumeKmsKeyId"]);
    }

    [Fact]
    public void Merge_AddsToTheRequest_AndAMergedCheckpointLocationStillGetsTheJobsName()
    {
        var merge = Path.Combine(_sandbox.Dir, "merge.json");
        File.WriteAllText(merge, """{"HyperParameters":{"epochs":"10"},"ResourceConfig":{"InstanceCount":2},"CheckpointConfig":{"S3Uri":"s3://elsewhere/shared/"}}""");

        Start("resnet-01", "--merge", merge);

        var request = SentRequest();
        Assert.Equal("10", (string?)request["HyperParameters"]!["epochs"]);
        Assert.Equal(2, (int?)request["ResourceConfig"]!["InstanceCount"]);
        Assert.Equal("ml.m5.xlarge", (string?)request["ResourceConfig"]!["InstanceType"]);
        Assert.Equal("s3://elsewhere/shared/resnet-01/", (string?)request["CheckpointConfig"]!["S3Uri"]);
    }

    [Fact]
    public void WarmPool_OnSpot_IsRefused_SayingWhy_AndNothingStarts()
    {
        var result = Start("resnet-01", "--warm-pool", "600");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot be used with managed spot training", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("--on-demand", result.StdErr, StringComparison.Ordinal);
        Assert.Empty(_sandbox.CallsOf("sagemaker", "create-training-job"));
    }

    [Fact]
    public void WarmPool_OnDemand_KeepsTheInstances_AndDropsWhatOnlySpotTakes()
    {
        var result = Start("resnet-01", "--on-demand", "--warm-pool", "600");

        Assert.True(result.ExitCode == 0, result.ToString());
        var request = SentRequest();
        Assert.Equal(600, (int?)request["ResourceConfig"]!["KeepAlivePeriodInSeconds"]);
        Assert.False((bool?)request["EnableManagedSpotTraining"]);
        Assert.Null(request["StoppingCondition"]!["MaxWaitTimeInSeconds"]);
        Assert.NotNull(request["StoppingCondition"]!["MaxRuntimeInSeconds"]);
    }

    [Theory]
    [InlineData("3601")]
    [InlineData("0")]
    [InlineData("ten")]
    public void WarmPool_OutsideOneToThreeThousandSixHundredSeconds_IsRefused(string seconds)
    {
        var result = Start("resnet-01", "--on-demand", "--warm-pool", seconds);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(_sandbox.Calls);
    }

    [Fact]
    public void SpotJob_WithoutACheckpointLocation_IsRefused_OnDemandIsNot()
    {
        var merge = Path.Combine(_sandbox.Dir, "merge.json");
        File.WriteAllText(merge, """{"CheckpointConfig":null}""");

        var spot = Start("resnet-01", "--merge", merge);
        var onDemand = Start("resnet-02", "--merge", merge, "--on-demand");

        Assert.Equal(2, spot.ExitCode);
        Assert.Contains("restarts it from zero", spot.StdErr, StringComparison.Ordinal);
        Assert.True(onDemand.ExitCode == 0, onDemand.ToString());
        var request = SentRequest();
        Assert.Equal("resnet-02", (string?)request["TrainingJobName"]);
        Assert.Null(request["CheckpointConfig"]);
    }

    [Fact]
    public void Wait_ExitsOne_NamingTheReason_WhenTheJobFails()
    {
        DescribeAnswers("InProgress", "InProgress", "Failed");

        var result = Start("resnet-01", "--wait");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("AlgorithmError: loss became NaN", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(3, _sandbox.CallsOf("sagemaker", "describe-training-job").Count);
    }

    [Fact]
    public void Wait_ExitsOne_WhenTheJobIsStopped()
    {
        DescribeAnswers("InProgress", "Stopped");

        Assert.Equal(1, Start("resnet-01", "--wait").ExitCode);
    }

    [Fact]
    public void Wait_ExitsZero_WhenTheJobCompletes()
    {
        DescribeAnswers("InProgress", "Completed");

        var result = Start("resnet-01", "--wait");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("resnet-01", ScriptSandbox.Option(_sandbox.CallsOf("sagemaker", "describe-training-job")[^1], "--training-job-name"));
    }

    [Fact]
    public void Wait_GivesUpWith124_WhenTheJobOutlastsTheTimeout()
    {
        DescribeAnswers("InProgress");
        _sandbox.Environment["TI_POLL_SECONDS"] = "1";

        var result = Start("resnet-01", "--wait", "--timeout", "1");

        Assert.Equal(124, result.ExitCode);
        Assert.Contains("still InProgress", result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("resnet_01")]
    [InlineData("-resnet")]
    [InlineData("a-name-that-is-far-too-long-for-sagemaker-whose-limit-is-63-chars")]
    public void InvalidJobName_IsRefused_BeforeAnyCall(string job)
    {
        var result = Start(job);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(_sandbox.Calls);
    }

    [Fact]
    public void FailedCreateCall_ExitsThree_AndPrintsNoConsoleLink()
    {
        _sandbox.Answer("sagemaker", "create-training-job", 1, null, exitCode: 254,
            stderr: "An error occurred (ResourceLimitExceeded) when calling the CreateTrainingJob operation");

        var result = Start("resnet-01");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("ResourceLimitExceeded", result.StdErr, StringComparison.Ordinal);
        Assert.Empty(result.StdOut);
    }

    [Fact]
    public void WithoutAnOutputsFile_ReadsTheStacksOutputsFromPulumi()
    {
        var result = _sandbox.Run(Script, "dev", "resnet-01");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["pulumi", "stack", "output", "--json", "--stack", "dev"], _sandbox.Calls[0]);
        Assert.Single(_sandbox.CallsOf("sagemaker", "create-training-job"));
    }

    [Fact]
    public void StackWithoutTheOutput_IsNamedInTheError()
    {
        var outputs = SampleStack.Outputs();
        outputs.Remove("TrainingJobConfig");
        _sandbox.Outputs(outputs);

        var result = Start("resnet-01");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("TrainingJobConfig", result.StdErr, StringComparison.Ordinal);
        Assert.Empty(_sandbox.Calls);
    }
}

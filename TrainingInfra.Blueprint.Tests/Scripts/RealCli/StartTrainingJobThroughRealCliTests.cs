using System.Text.Json.Nodes;

namespace TrainingInfra.Blueprint.Tests.Scripts.RealCli;

/// <summary>
/// scripts/start-training-job.sh through AWS CLI v2.9 (what users run) and v1 (today's models)
/// against the loopback service: the CLIs must accept every request, and EC2's and SageMaker's
/// answers and errors arrive as the real services send them.
/// </summary>
public sealed class StartTrainingJobThroughRealCliTests
{
    private const string Script = "start-training-job.sh";

    // AWS CLI v2.9's model of CreateTrainingJob (early 2023) predates MlflowConfig and ModelPackageConfig
    // and refuses them (StackWithMlflowAndARegistry_IsRefusedByV29_AndAcceptedByV1): through it, these
    // tests start jobs of a stack whose TrainingJobConfig carries neither.
    private static RealCliSandbox Sandbox(string cli)
    {
        var sandbox = new RealCliSandbox(cli);
        sandbox.Outputs(SampleStack.Outputs(SampleStack.DataKey, registry: cli == "v1"));
        sandbox.Aws.TrainingJobGoesThrough("InProgress", "Completed");
        return sandbox;
    }

    // The quota preflight has tests of its own (CheckQuotasThroughRealCliTests, SmokeTestThroughRealCliTests);
    // these are about EC2's and SageMaker's answers, and CLI calls are slow.
    private static ScriptResult Start(RealCliSandbox sandbox, params string[] arguments) =>
        sandbox.Run(Script, ["dev", "resnet-01", "--outputs", sandbox.OutputsFile, "--skip-quota-check", .. arguments]);

    private static JsonNode SentRequest(RealCliSandbox sandbox) =>
        Assert.Single(sandbox.Aws.RequestsOf("sagemaker", "CreateTrainingJob")).Json;

    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    public void OtherInstanceType_WithLocalStorage_IsLookedUpInEc2_AndTheJobFollowedToTheEnd(string cli)
    {
        using var sandbox = Sandbox(cli);
        sandbox.Aws.Ec2Describes("g5.2xlarge", instanceStorage: true);

        var result = Start(sandbox, "--instance-type", "ml.g5.2xlarge", "--wait");

        sandbox.AssertSucceeded(result);
        Assert.Equal("g5.2xlarge", Assert.Single(sandbox.Aws.RequestsOf("ec2", "DescribeInstanceTypes")).Form["InstanceType.1"]);
        var request = SentRequest(sandbox);
        var config = JsonNode.Parse(SampleStack.TrainingJobConfig(SampleStack.DataKey, registry: cli == "v1"))!.AsObject();
        Assert.All(config.Where(m => m.Key is not ("CheckpointConfig" or "ResourceConfig" or "MlflowConfig")),
            member => Assert.True(JsonNode.DeepEquals(member.Value, request[member.Key]), $"{member.Key} differs from the stack's config"));
        Assert.Equal(("resnet-01", "ml.g5.2xlarge"), ((string?)request["TrainingJobName"], (string?)request["ResourceConfig"]!["InstanceType"]));
        Assert.Null(request["ResourceConfig"]!["VolumeKmsKeyId"]);
        Assert.Equal(2, sandbox.Aws.RequestsOf("sagemaker", "DescribeTrainingJob").Count);
        Assert.All(sandbox.Aws.Requests, r => Assert.Equal(SampleStack.Region, r.Region));
    }

    // EC2 refuses a type it does not offer in the region with an error, not an empty list: DescribeInstanceTypes
    // describes "the instance types for the current Region" unless IncludeUnsupportedInRegion is set
    // (ec2/2016-11-15/service-2.json in botocore 1.43), and AWS answers InvalidInstanceType, "The following
    // supplied instance types do not exist: [...]" (scylladb/scylla-cluster-tests#12419, November 2025).
    // The type is one SageMaker's model lists (the loopback refuses a type outside its enum, as
    // SageMaker would), which EC2 here says it does not offer in the region.
    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    public void InstanceTypeEc2DoesNotOffer_StartsTheJobWithAWarning_AndNoVolumeKey(string cli)
    {
        using var sandbox = Sandbox(cli);
        sandbox.Aws.Answer("ec2", "DescribeInstanceTypes",
            AwsReply.Error("InvalidInstanceType", "The following supplied instance types do not exist: [p6-b300.48xlarge]"));

        var result = Start(sandbox, "--instance-type", "ml.p6-b300.48xlarge");

        sandbox.AssertSucceeded(result);
        Assert.Contains("warning: EC2 does not offer p6-b300.48xlarge in us-east-1", result.StdErr, StringComparison.Ordinal);
        var resources = SentRequest(sandbox)["ResourceConfig"]!;
        Assert.Equal("ml.p6-b300.48xlarge", (string?)resources["InstanceType"]);
        Assert.Null(resources["VolumeKmsKeyId"]);
    }

    // v2.9's model lacks these members and refuses them before sending anything: the script then starts
    // the job without them, with a warning, rather than not at all. v1's current model accepts both,
    // with the run name the script gives (CreateTrainingJob's MlflowConfig.MlflowRunName, 1 to 256 characters).
    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    public void StackWithMlflowAndARegistry_StartsWithoutThemThroughV29_AndWithThemThroughV1(string cli)
    {
        using var sandbox = new RealCliSandbox(cli);
        sandbox.Aws.TrainingJobGoesThrough("Completed");

        var result = Start(sandbox);

        if (cli == "v2")
        {
            sandbox.AssertSucceeded(result);
            Assert.Contains("does not know MlflowConfig or ModelPackageConfig", result.StdErr, StringComparison.Ordinal);
            var plain = SentRequest(sandbox);
            Assert.Null(plain["MlflowConfig"]);
            Assert.Null(plain["ModelPackageConfig"]);
            Assert.Equal("resnet-01", (string?)plain["TrainingJobName"]);
            return;
        }

        sandbox.AssertSucceeded(result);
        var request = SentRequest(sandbox);
        Assert.Equal(SampleStack.ModelPackageGroupArn, (string?)request["ModelPackageConfig"]!["ModelPackageGroupArn"]);
        Assert.Equal((SampleStack.MlflowApp, SampleStack.Names.MlflowExperiment, "resnet-01"),
            ((string?)request["MlflowConfig"]!["MlflowResourceArn"], (string?)request["MlflowConfig"]!["MlflowExperimentName"],
             (string?)request["MlflowConfig"]!["MlflowRunName"]));
    }

    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    public void Ec2RefusingTheLookup_StopsBeforeTheJob_WithEc2sMessage(string cli)
    {
        using var sandbox = Sandbox(cli);
        sandbox.Aws.Answer("ec2", "DescribeInstanceTypes",
            AwsReply.Error("UnauthorizedOperation", "You are not authorized to perform this operation.", 403));

        var result = Start(sandbox, "--instance-type", "ml.g5.2xlarge");

        Assert.True(result.ExitCode == 3, sandbox.Report(result));
        Assert.Contains("UnauthorizedOperation", result.StdErr, StringComparison.Ordinal);
        Assert.Empty(sandbox.Aws.RequestsOf("sagemaker", "CreateTrainingJob"));
    }
}

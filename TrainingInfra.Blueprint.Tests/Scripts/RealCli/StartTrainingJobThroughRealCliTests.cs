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

    private static RealCliSandbox Sandbox(string cli)
    {
        var sandbox = new RealCliSandbox(cli);
        sandbox.Outputs(SampleStack.Outputs(SampleStack.DataKey));
        sandbox.Aws.TrainingJobGoesThrough("InProgress", "Completed");
        return sandbox;
    }

    private static ScriptResult Start(RealCliSandbox sandbox, params string[] arguments) =>
        sandbox.Run(Script, ["dev", "resnet-01", "--outputs", sandbox.OutputsFile, .. arguments]);

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
        var config = JsonNode.Parse(SampleStack.TrainingJobConfig(SampleStack.DataKey))!.AsObject();
        Assert.All(config.Where(m => m.Key is not ("CheckpointConfig" or "ResourceConfig")),
            member => Assert.True(JsonNode.DeepEquals(member.Value, request[member.Key]), $"{member.Key} differs from the stack's config"));
        Assert.Equal(("resnet-01", "ml.g5.2xlarge"), ((string?)request["TrainingJobName"], (string?)request["ResourceConfig"]!["InstanceType"]));
        Assert.Null(request["ResourceConfig"]!["VolumeKmsKeyId"]);
        Assert.Equal(2, sandbox.Aws.RequestsOf("sagemaker", "DescribeTrainingJob").Count);
        Assert.All(sandbox.Aws.Requests, r => Assert.Equal(SampleStack.Region, r.Region));
    }
}

using System.Text.Json;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.SageMaker;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

public class SageMakerTrainingJobTests
{
    private const string Bucket = "model-artifacts-dev-111122223333";
    private const string Role = "arn:aws:iam::111122223333:role/training-job-role-dev";
    private const string SecurityGroup = "sg-0123456789abcdef0";
    private static readonly string[] Subnets = ["subnet-isolated-a", "subnet-isolated-b"];

    /// <summary>CreateTrainingJob's request members (SageMaker API reference).</summary>
    private static readonly HashSet<string> CreateTrainingJobMembers =
    [
        "TrainingJobName", "HyperParameters", "AlgorithmSpecification", "RoleArn", "InputDataConfig", "OutputDataConfig",
        "ResourceConfig", "VpcConfig", "StoppingCondition", "Tags", "EnableNetworkIsolation", "EnableInterContainerTrafficEncryption",
        "EnableManagedSpotTraining", "CheckpointConfig", "DebugHookConfig", "DebugRuleConfigurations", "TensorBoardOutputConfig",
        "ExperimentConfig", "ProfilerConfig", "ProfilerRuleConfigurations", "Environment", "RetryStrategy", "RemoteDebugConfig",
        "InfraCheckConfig", "SessionChainingConfig",
    ];

    private static JsonElement Request(TrainingSettings? limits = null, string[]? subnets = null) =>
        JsonDocument.Parse(new TrainingJobRequest(limits ?? Configs.Load().Training, Role, SecurityGroup, subnets ?? Subnets, Bucket).ToJson()).RootElement;

    [Fact]
    public void Request_UsesOnlyCreateTrainingJobMembers()
    {
        Assert.All(Request().EnumerateObject(), member => Assert.Contains(member.Name, CreateTrainingJobMembers));
    }

    [Fact]
    public void Request_RunsAsTheTrainingRole_OnManagedSpotCapacity()
    {
        var request = Request();

        Assert.Equal(Role, request.GetProperty("RoleArn").GetString());
        Assert.True(request.GetProperty("EnableManagedSpotTraining").GetBoolean());
    }

    [Fact]
    public void Request_NestsTheCdkDesignsLimitsUnderStoppingCondition()
    {
        var stopping = Request().GetProperty("StoppingCondition");

        Assert.Equal(86400, stopping.GetProperty("MaxRuntimeInSeconds").GetInt32());
        Assert.Equal(172800, stopping.GetProperty("MaxWaitTimeInSeconds").GetInt32());
        Assert.False(Request().TryGetProperty("MaxRuntimeInSeconds", out _));
        Assert.False(Request().TryGetProperty("MaxWaitTimeInSeconds", out _));
    }

    [Fact]
    public void Request_CarriesConfiguredLimits_WaitingAtLeastAsLongAsItRuns()
    {
        var limits = Configs.Load(("trainingMaxRuntimeSeconds", "3600"), ("trainingMaxWaitSeconds", "7200")).Training;

        var stopping = Request(limits).GetProperty("StoppingCondition");

        Assert.Equal(3600, stopping.GetProperty("MaxRuntimeInSeconds").GetInt32());
        Assert.Equal(7200, stopping.GetProperty("MaxWaitTimeInSeconds").GetInt32());
        Assert.True(stopping.GetProperty("MaxWaitTimeInSeconds").GetInt32() >= stopping.GetProperty("MaxRuntimeInSeconds").GetInt32());
    }

    [Fact]
    public void Request_RefusesToWaitLessThanItRuns()
    {
        var request = new TrainingJobRequest(new TrainingSettings(MaxRuntimeSeconds: 7200, MaxWaitSeconds: 3600), Role, SecurityGroup, Subnets, Bucket);

        Assert.Throws<ArgumentException>(request.ToJson);
    }

    [Fact]
    public void Request_RunsInTheGivenSubnetsWithTheSecurityGroup()
    {
        var vpc = Request().GetProperty("VpcConfig");

        Assert.Equal([SecurityGroup], vpc.GetProperty("SecurityGroupIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(Subnets, vpc.GetProperty("Subnets").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Request_RefusesAVpcConfigWithoutSubnets()
    {
        var request = new TrainingJobRequest(Configs.Load().Training, Role, SecurityGroup, [], Bucket);

        Assert.Throws<ArgumentException>(request.ToJson);
    }

    [Fact]
    public void Request_WritesOutputAndCheckpointsToSeparatePlacesInTheModelBucket()
    {
        var request = Request();
        var output = new Uri(request.GetProperty("OutputDataConfig").GetProperty("S3OutputPath").GetString()!);
        var checkpoints = new Uri(request.GetProperty("CheckpointConfig").GetProperty("S3Uri").GetString()!);

        Assert.Equal(("s3", Bucket), (output.Scheme, output.Host));
        Assert.Equal(("s3", Bucket), (checkpoints.Scheme, checkpoints.Host));
        Assert.False(output.AbsolutePath.StartsWith(checkpoints.AbsolutePath, StringComparison.Ordinal));
        Assert.False(checkpoints.AbsolutePath.StartsWith(output.AbsolutePath, StringComparison.Ordinal));
    }
}

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
    private const string Datasets = "training-datasets-dev-111122223333";
    private const string Repository = "111122223333.dkr.ecr.us-east-1.amazonaws.com/training-containers-dev";
    private const string DataKey = "arn:aws:kms:us-east-1:111122223333:key/data-key-id";
    private static readonly string[] Subnets = ["subnet-isolated-a", "subnet-isolated-b"];

    /// <summary>
    /// CreateTrainingJob's request members (SageMaker API reference, API_CreateTrainingJob; member
    /// list of the botocore service model of 2026-08-07, read 2026-12-01).
    /// </summary>
    private static readonly HashSet<string> CreateTrainingJobMembers =
    [
        "TrainingJobName", "HyperParameters", "AlgorithmSpecification", "RoleArn", "InputDataConfig", "OutputDataConfig",
        "ResourceConfig", "VpcConfig", "StoppingCondition", "Tags", "EnableNetworkIsolation", "EnableInterContainerTrafficEncryption",
        "EnableManagedSpotTraining", "CheckpointConfig", "DebugHookConfig", "DebugRuleConfigurations", "TensorBoardOutputConfig",
        "ExperimentConfig", "ProfilerConfig", "ProfilerRuleConfigurations", "Environment", "RetryStrategy", "RemoteDebugConfig",
        "InfraCheckConfig", "SessionChainingConfig", "ServerlessJobConfig", "MlflowConfig", "ModelPackageConfig",
    ];

    /// <summary>
    /// What a job on training instances cannot start without. The API model marks only
    /// TrainingJobName, RoleArn and OutputDataConfig as required, because serverless jobs choose
    /// their own image and instances; a job on instances also needs its algorithm, its instances,
    /// its limits and, to train on anything, its input.
    /// </summary>
    private static readonly string[] NeededForAJobOnInstances =
        ["AlgorithmSpecification", "RoleArn", "InputDataConfig", "OutputDataConfig", "ResourceConfig", "StoppingCondition"];

    private static JsonElement Request(TrainingSettings? training = null, string[]? subnets = null, string? dataKey = null) =>
        JsonDocument.Parse(new TrainingJobRequest(
            training ?? Configs.Load().Training, Role, SecurityGroup, subnets ?? Subnets, Bucket, Datasets, Repository, dataKey).ToJson()).RootElement;

    private static TrainingSettings Limits(int runtime, int wait) => Configs.Load().Training with { MaxRuntimeSeconds = runtime, MaxWaitSeconds = wait };

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
        var request = new TrainingJobRequest(Limits(runtime: 7200, wait: 3600), Role, SecurityGroup, Subnets, Bucket, Datasets, Repository, null);

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
        var request = new TrainingJobRequest(Configs.Load().Training, Role, SecurityGroup, [], Bucket, Datasets, Repository, null);

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

    [Fact]
    public void Request_CarriesEverythingAJobOnInstancesNeeds_ExceptItsName()
    {
        var members = Request().EnumerateObject().Select(m => m.Name).ToList();

        Assert.All(NeededForAJobOnInstances, needed => Assert.Contains(needed, members));
        Assert.DoesNotContain("TrainingJobName", members);
    }

    [Fact]
    public void Request_RunsTheRepositorysImageAtTheConfiguredTag_InFileMode()
    {
        var training = Configs.Load(("trainingImageTag", "v1.4.2")).Training;

        var algorithm = Request(training).GetProperty("AlgorithmSpecification");

        Assert.Equal($"{Repository}:v1.4.2", algorithm.GetProperty("TrainingImage").GetString());
        Assert.Equal("File", algorithm.GetProperty("TrainingInputMode").GetString());
    }

    [Fact]
    public void Request_DefaultsToTheCdkDesignsTrainingInstance_OneMl5XlargeWith30Gb()
    {
        var resources = Request().GetProperty("ResourceConfig");

        Assert.Equal("ml.m5.xlarge", resources.GetProperty("InstanceType").GetString());
        Assert.Equal(1, resources.GetProperty("InstanceCount").GetInt32());
        Assert.Equal(30, resources.GetProperty("VolumeSizeInGB").GetInt32());
    }

    [Fact]
    public void Request_TakesItsInstancesFromConfig()
    {
        var training = Configs.Load(("trainingInstanceType", "ml.c5.4xlarge"), ("trainingInstanceCount", "4"), ("trainingVolumeSizeGb", "200")).Training;

        var resources = Request(training).GetProperty("ResourceConfig");

        Assert.Equal(("ml.c5.4xlarge", 4, 200), (
            resources.GetProperty("InstanceType").GetString(),
            resources.GetProperty("InstanceCount").GetInt32(),
            resources.GetProperty("VolumeSizeInGB").GetInt32()));
    }

    [Fact]
    public void Request_ReadsOneTrainingChannel_FromTheDatasetBucketsTrainingPrefix_OnEveryInstance()
    {
        var channel = Assert.Single(Request().GetProperty("InputDataConfig").EnumerateArray());
        var source = channel.GetProperty("DataSource").GetProperty("S3DataSource");

        Assert.Equal("training", channel.GetProperty("ChannelName").GetString());
        Assert.Equal($"s3://{Datasets}/training/", source.GetProperty("S3Uri").GetString());
        Assert.Equal("S3Prefix", source.GetProperty("S3DataType").GetString());
        Assert.Equal("FullyReplicated", source.GetProperty("S3DataDistributionType").GetString());
    }

    [Fact]
    public void Request_WithADataKey_EncryptsTheOutputAndTheVolumeWithIt()
    {
        var request = Request(dataKey: DataKey);

        Assert.Equal(DataKey, request.GetProperty("OutputDataConfig").GetProperty("KmsKeyId").GetString());
        Assert.Equal(DataKey, request.GetProperty("ResourceConfig").GetProperty("VolumeKmsKeyId").GetString());
    }

    [Fact]
    public void Request_WithoutADataKey_NamesNoKey()
    {
        var request = Request();

        Assert.False(request.GetProperty("OutputDataConfig").TryGetProperty("KmsKeyId", out _));
        Assert.False(request.GetProperty("ResourceConfig").TryGetProperty("VolumeKmsKeyId", out _));
    }

    [Theory]
    [InlineData("ml.g5.2xlarge")]
    [InlineData("ml.p4d.24xlarge")]
    [InlineData("ml.r5d.large")]
    public void Request_OnAnInstanceWithLocalStorage_NamesNoVolumeKey_WhichSageMakerRefuses(string instanceType)
    {
        var request = Request(Configs.Load(("trainingInstanceType", instanceType)).Training, dataKey: DataKey);

        Assert.False(request.GetProperty("ResourceConfig").TryGetProperty("VolumeKmsKeyId", out _));
        Assert.Equal(DataKey, request.GetProperty("OutputDataConfig").GetProperty("KmsKeyId").GetString());
    }
}

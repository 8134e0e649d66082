using System.Text.Json.Nodes;
using TrainingInfra.Blueprint.SageMaker;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>
/// What a person or CI job holding the stack's training-job-submitter policy can start, asked of the
/// policy evaluator with real CreateTrainingJob requests: the stack's own TrainingJobConfig, and
/// that request with one member changed.
/// </summary>
public class TrainingJobSubmitterPolicyTests
{
    private const string Account = "111122223333";
    private const string Job = "arn:aws:sagemaker:us-east-1:111122223333:training-job/dev-resnet-1";
    private const string TrainingRole = "arn:aws:iam::111122223333:role/training-job-role-dev";
    private const string DataKey = "arn:aws:kms:us-east-1:111122223333:key/0f1e2d3c-aaaa-bbbb-cccc-111122223333";
    private const string SecurityGroup = "sg-0stack";
    private static readonly string[] Subnets = ["subnet-0a", "subnet-0b"];

    private sealed record Submitter(string[] Policies, string OwnRequest)
    {
        public bool CanStart(string request) => TrainingJobCall.IsAllowed(Policies, Job, request);

        public bool CanStart(Action<JsonObject> change) => CanStart(TrainingJobCall.Edit(OwnRequest, change));
    }

    private static Submitter OnDev(string? dataKey = null, params (string Key, string Value)[] config)
    {
        var settings = Configs.Load(config);
        var limits = TrainingJobLimits.For(settings.Training, Subnets, SecurityGroup, dataKey);
        var request = new TrainingJobRequest(settings.Training, TrainingRole, SecurityGroup, Subnets, "model-artifacts-dev-111122223333",
            "training-datasets-dev-111122223333", "111122223333.dkr.ecr.us-east-1.amazonaws.com/training-containers-dev", dataKey)
        {
            Tags = NotebookSageMakerAccess.OwnershipTags(settings),
        }.ToJson();
        return new([TrainingJobSubmitter.Policy(settings, Account, TrainingRole, limits)], request);
    }

    private static void SetInstanceType(JsonObject request, string type) => request["ResourceConfig"]!["InstanceType"] = type;

    [Theory]
    [InlineData("ml.m5.xlarge", null)]
    [InlineData("ml.m5.xlarge", DataKey)]
    [InlineData("ml.g5.xlarge", DataKey)]
    public void CanStartTheStacksOwnTrainingJobConfig(string instanceType, string? dataKey)
    {
        var submitter = OnDev(dataKey, ("trainingInstanceType", instanceType));

        Assert.True(submitter.CanStart(submitter.OwnRequest));
    }

    [Fact]
    public void CannotStartMlP4d24xlarge_OnDev()
    {
        Assert.False(OnDev().CanStart(r => SetInstanceType(r, "ml.p4d.24xlarge")));
    }

    [Theory]
    [InlineData("ml.c5.xlarge", true)]
    [InlineData("ml.m5.large", true)]
    [InlineData("ml.m5.xlarge", false)]
    public void CanStartTheConfiguredTypeAndTheAllowlist_NothingElse(string type, bool allowed)
    {
        var submitter = OnDev(null, ("trainingInstanceType", "ml.c5.xlarge"), ("trainingAllowedInstanceTypes", "[\"ml.m5.large\"]"));

        Assert.Equal(allowed, submitter.CanStart(r => SetInstanceType(r, type)));
    }

    [Fact]
    public void CannotStartAJobWithoutTheStacksVpc()
    {
        Assert.False(OnDev().CanStart(r => r.Remove("VpcConfig")));
    }

    [Fact]
    public void CannotStartAJobInAnotherSubnetOrSecurityGroup()
    {
        var submitter = OnDev();

        Assert.False(submitter.CanStart(r => r["VpcConfig"]!["Subnets"] = new JsonArray("subnet-0a", "subnet-public")));
        Assert.False(submitter.CanStart(r => r["VpcConfig"]!["SecurityGroupIds"] = new JsonArray(SecurityGroup, "sg-0wide-open")));
    }

    [Fact]
    public void CannotAskForALongerRunThanTheStacksMaximum_OrLeaveItOut()
    {
        var submitter = OnDev(null, ("trainingMaxRuntimeSeconds", "7200"));

        Assert.True(submitter.CanStart(r => r["StoppingCondition"]!["MaxRuntimeInSeconds"] = 3600));
        Assert.False(submitter.CanStart(r => r["StoppingCondition"]!["MaxRuntimeInSeconds"] = 7201));
        Assert.False(submitter.CanStart(r => r["StoppingCondition"]!.AsObject().Remove("MaxRuntimeInSeconds")));
    }

    [Fact]
    public void CanKeepAWarmPoolUpToTheStacksMaximum_AndNoneWhenItIsZero()
    {
        var submitter = OnDev(null, ("trainingMaxKeepAliveSeconds", "1800"));
        var noWarmPools = OnDev(null, ("trainingMaxKeepAliveSeconds", "0"));

        Assert.True(submitter.CanStart(r => r["ResourceConfig"]!["KeepAlivePeriodInSeconds"] = 1800));
        Assert.False(submitter.CanStart(r => r["ResourceConfig"]!["KeepAlivePeriodInSeconds"] = 1801));
        Assert.False(noWarmPools.CanStart(r => r["ResourceConfig"]!["KeepAlivePeriodInSeconds"] = 60));
        Assert.True(noWarmPools.CanStart(noWarmPools.OwnRequest));
    }

    [Fact]
    public void WithADataKey_CannotWriteOutputUnencryptedOrUnderAnotherKey()
    {
        var submitter = OnDev(DataKey);

        Assert.False(submitter.CanStart(r => r["OutputDataConfig"]!.AsObject().Remove("KmsKeyId")));
        Assert.False(submitter.CanStart(r => r["OutputDataConfig"]!["KmsKeyId"] = DataKey.Replace("0f1e", "9999", StringComparison.Ordinal)));
    }

    [Fact]
    public void WithADataKey_AnEbsVolumeMustUseIt_ALocalNvmeTypeNeedNot()
    {
        var submitter = OnDev(DataKey);

        Assert.False(submitter.CanStart(r => r["ResourceConfig"]!.AsObject().Remove("VolumeKmsKeyId")));
        Assert.True(submitter.CanStart(r =>
        {
            SetInstanceType(r, "ml.g5.xlarge");
            r["ResourceConfig"]!.AsObject().Remove("VolumeKmsKeyId");
        }));
    }

    [Fact]
    public void CannotStartAJobForAnotherEnvironment()
    {
        Assert.False(OnDev().CanStart(r => r["Tags"] = new JsonArray(
            new JsonObject { ["Key"] = "Project", ["Value"] = "training-infra" },
            new JsonObject { ["Key"] = "Environment", ["Value"] = "prod" })));
    }

    [Theory]
    [InlineData(TrainingRole, "sagemaker.amazonaws.com", true)]
    [InlineData(TrainingRole, "ec2.amazonaws.com", false)]
    [InlineData("arn:aws:iam::111122223333:role/training-job-role-prod", "sagemaker.amazonaws.com", false)]
    [InlineData("arn:aws:iam::111122223333:role/Admin", "sagemaker.amazonaws.com", false)]
    public void PassesOnlyTheStacksTrainingRole_OnlyToSageMaker(string role, string service, bool allowed)
    {
        Assert.Equal(allowed, PolicyEvaluator.IsAllowed(OnDev().Policies, "iam:PassRole", role, new Dictionary<string, string> { ["iam:PassedToService"] = service }));
    }

    [Theory]
    [InlineData("training-models-dev", "PendingManualApproval", true)]
    [InlineData("training-models-dev", "Approved", false)]
    [InlineData("training-models-prod", "PendingManualApproval", false)]
    public void RegistersAFinishedJobsModel_InTheStacksGroupOnly_PendingApproval(string group, string status, bool allowed)
    {
        var package = $"arn:aws:sagemaker:us-east-1:{Account}:model-package/{group}/1";

        Assert.Equal(allowed, PolicyEvaluator.IsAllowed(OnDev().Policies, "sagemaker:CreateModelPackage", package,
            new Dictionary<string, string> { ["sagemaker:ModelApprovalStatus"] = status }));
        Assert.False(PolicyEvaluator.IsAllowed(OnDev().Policies, "sagemaker:UpdateModelPackage", package));
    }
}

using System.Text.Json;
using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests;

/// <summary>
/// The training-job submitter policy and the scoped notebook policy as the stacks register them:
/// each condition on CreateTrainingJob, wired to the subnets, security group and key that the
/// stack's own TrainingJobConfig carries.
/// </summary>
[Collection(MockRuntimeSuite.Name)]
public class SubmitterPolicyTests(StackRuns runs)
{
    private const string ManagedPolicy = "aws:iam/policy:Policy";
    private const string RolePolicy = "aws:iam/rolePolicy:RolePolicy";

    public static TheoryData<string> Stacks() => new("dev", "prod");

    private static JsonElement[] Statements(string policy) =>
        JsonDocument.Parse(policy).RootElement.GetProperty("Statement").EnumerateArray().ToArray();

    private static JsonElement[] CreateStatements(string policy) =>
        Statements(policy).Where(s => s.GetProperty("Action").EnumerateArray().Any(a => a.GetString() == "sagemaker:CreateTrainingJob")).ToArray();

    private static string[] Strings(JsonElement element) => element.EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static async Task<JsonElement> OwnRequest(StackRun run) =>
        JsonDocument.Parse(await StackRun.Value(run.Stack.TrainingJobConfig)).RootElement;

    /// <summary>Every condition the limits demand, checked against the stack's own request.</summary>
    private static void AssertLimits(JsonElement statement, JsonElement request, string stack, bool dataKey)
    {
        var condition = statement.GetProperty("Condition");
        var all = condition.GetProperty("ForAllValues:StringEquals");
        Assert.Contains(request.GetProperty("ResourceConfig").GetProperty("InstanceType").GetString(), Strings(all.GetProperty("sagemaker:InstanceTypes")));
        Assert.DoesNotContain("ml.p4d.24xlarge", Strings(all.GetProperty("sagemaker:InstanceTypes")));
        Assert.Equal(Strings(request.GetProperty("VpcConfig").GetProperty("Subnets")), Strings(all.GetProperty("sagemaker:VpcSubnets")));
        Assert.Equal(Strings(request.GetProperty("VpcConfig").GetProperty("SecurityGroupIds")), Strings(all.GetProperty("sagemaker:VpcSecurityGroupIds")));
        var notNull = condition.GetProperty("Null");
        Assert.All(["sagemaker:InstanceTypes", "sagemaker:VpcSubnets", "sagemaker:VpcSecurityGroupIds"],
            key => Assert.Equal("false", notNull.GetProperty(key).GetString()));
        Assert.Equal(
            request.GetProperty("StoppingCondition").GetProperty("MaxRuntimeInSeconds").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            condition.GetProperty("NumericLessThanEquals").GetProperty("sagemaker:MaxRuntimeInSeconds").GetString());
        Assert.Equal("1800", condition.GetProperty("NumericLessThanEqualsIfExists").GetProperty("sagemaker:KeepAlivePeriod").GetString());
        Assert.Equal(stack, condition.GetProperty("StringEquals").GetProperty("aws:RequestTag/Environment").GetString());
        if (dataKey)
        {
            var key = request.GetProperty("OutputDataConfig").GetProperty("KmsKeyId").GetString();
            Assert.Equal(key, condition.GetProperty("ArnEquals").GetProperty("sagemaker:OutputKmsKey").GetString());
            Assert.Equal(key, request.GetProperty("ResourceConfig").GetProperty("VolumeKmsKeyId").GetString());
            Assert.Equal(key, condition.GetProperty("ArnEquals").GetProperty("sagemaker:VolumeKmsKey").GetString());
        }
        else
        {
            Assert.False(condition.TryGetProperty("ArnEquals", out _));
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task SubmitterPolicy_IsAManagedPolicyPerStack_ExportedByArn(string stack)
    {
        var run = await runs.Get(stack);
        var policy = Assert.Single(run.OfType(ManagedPolicy));

        Assert.Equal($"training-job-submitter-{stack}", policy.Text("name"));
        Assert.Equal(stack, policy.Map("tags")["Environment"]);
        Assert.Equal($"arn:aws:iam::{CloudMocks.AccountId}:policy/training-job-submitter-{stack}", await StackRun.Value(run.Stack.TrainingJobSubmitterPolicyArn));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task SubmitterPolicy_HoldsCreateTrainingJobToTheStacksTypesVpcRuntimeWarmPoolAndKey(string stack)
    {
        var run = await runs.Get(stack);
        var request = await OwnRequest(run);
        var create = CreateStatements(run.Named(ManagedPolicy, "training-job-submitter").Text("policy")!);

        var ebs = Assert.Single(create, s => Strings(s.GetProperty("Resource")).Single() == $"arn:aws:sagemaker:{CloudMocks.Region}:{CloudMocks.AccountId}:training-job/{stack}-*"
            && Strings(s.GetProperty("Condition").GetProperty("ForAllValues:StringEquals").GetProperty("sagemaker:InstanceTypes")).Contains("ml.m5.xlarge"));
        AssertLimits(ebs, request, stack, dataKey: run.Settings.Storage.CustomerManagedKey);
    }

    [Fact]
    public async Task WithADataKey_LocalNvmeTypes_MayLeaveTheVolumeKeyOut()
    {
        var run = await runs.Get("prod");
        var local = Assert.Single(CreateStatements(run.Named(ManagedPolicy, "training-job-submitter").Text("policy")!),
            s => s.GetProperty("Condition").TryGetProperty("ArnEqualsIfExists", out _));

        Assert.Equal(["ml.g4dn.xlarge", "ml.g5.xlarge"], Strings(local.GetProperty("Condition").GetProperty("ForAllValues:StringEquals").GetProperty("sagemaker:InstanceTypes")));
        Assert.False(local.GetProperty("Condition").GetProperty("ArnEquals").TryGetProperty("sagemaker:VolumeKmsKey", out _));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task SubmitterPolicy_PassesOnlyTheStacksTrainingRole_ToSageMaker(string stack)
    {
        var run = await runs.Get(stack);
        var passRole = Assert.Single(Statements(run.Named(ManagedPolicy, "training-job-submitter").Text("policy")!),
            s => Strings(s.GetProperty("Action")).Contains("iam:PassRole"));

        Assert.Equal([await StackRun.Value(run.Stack.TrainingRoleArn)], Strings(passRole.GetProperty("Resource")));
        Assert.Equal("sagemaker.amazonaws.com", passRole.GetProperty("Condition").GetProperty("StringEquals").GetProperty("iam:PassedToService").GetString());
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task ScopedNotebookPolicy_HoldsCreateTrainingJobToTheSameLimits(string stack)
    {
        var run = stack == "prod" ? await runs.Get("prod") : await runs.Get(stack, ("notebookAccess", "scoped"));
        var request = await OwnRequest(run);
        var scoped = run.Named(RolePolicy, "notebook-role-sagemaker-scoped").Text("policy")!;

        var ebs = Assert.Single(CreateStatements(scoped),
            s => Strings(s.GetProperty("Condition").GetProperty("ForAllValues:StringEquals").GetProperty("sagemaker:InstanceTypes")).Contains("ml.m5.xlarge"));
        AssertLimits(ebs, request, stack, dataKey: run.Settings.Storage.CustomerManagedKey);
    }
}

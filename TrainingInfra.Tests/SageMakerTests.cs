using System.Text.Json;
using Pulumi.Testing;
using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests;

[Collection(MockRuntimeSuite.Name)]
public class SageMakerTests(StackRuns runs)
{
    private const string Notebook = "aws:sagemaker/notebookInstance:NotebookInstance";
    private const string Role = "aws:iam/role:Role";
    private const string RolePolicy = "aws:iam/rolePolicy:RolePolicy";
    private const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    private const string IngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private const string EgressRule = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

    public static TheoryData<string> Stacks() => new("dev", "pr", "prod");

    /// <summary>The ARN the mocked IAM gives a registered role.</summary>
    private static string ArnOf(MockResourceArgs role) => $"arn:aws:iam::{CloudMocks.AccountId}:role/{role.Text("name")}";

    private static MockResourceArgs NotebookRole(StackRun run) => run.Named(Role, "notebook-role");

    private static MockResourceArgs TrainingRole(StackRun run) => run.Named(Role, "training-role");

    private static string SageMakerGroupId(StackRun run) => $"{run.Named(SecurityGroup, "sagemaker").Name}_id";

    private static JsonElement[] Statements(MockResourceArgs resource, string input) =>
        resource.Json(input).GetProperty("Statement").EnumerateArray().ToArray();

    private static string[] Strings(JsonElement statement, string member) =>
        statement.GetProperty(member).EnumerateArray().Select(e => e.GetString()!).ToArray();

    /// <summary>The role's platform-access policy (the notebook role has its idle-stop policy beside it).</summary>
    private static JsonElement InlinePolicyOf(StackRun run, MockResourceArgs role) =>
        Assert.Single(run.OfType(RolePolicy), p => p.Text("role") == role.Text("name") && p.Name == $"{role.Name}-access").Json("policy");

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Notebook_SitsInTheFirstHostSubnet_WithTheSageMakerGroupAndTheNotebookRole(string stack)
    {
        var run = await runs.Get(stack);
        var notebook = Assert.Single(run.OfType(Notebook));

        // Host subnets: dev's public ones; prod's network is private, so its isolated ones.
        var hostSubnets = stack == "prod" ? await IsolatedSubnets(run) : CloudMocks.PublicSubnets;
        Assert.Equal(hostSubnets[0], notebook.Text("subnetId"));
        Assert.Equal([SageMakerGroupId(run)], notebook.Strings("securityGroups"));
        Assert.Equal(ArnOf(NotebookRole(run)), notebook.Text("roleArn"));
        Assert.NotEqual(ArnOf(TrainingRole(run)), notebook.Text("roleArn"));
    }

    [Fact]
    public async Task Notebook_IsTheCdkDesignsInstance_OnAl2023_WithImdsV2Only()
    {
        var notebook = Assert.Single((await runs.Get("dev")).OfType(Notebook));

        Assert.Equal("training-notebook-dev", notebook.Text("name"));
        Assert.Equal("ml.t3.medium", notebook.Text("instanceType"));
        Assert.Equal("https://github.com/aws/amazon-sagemaker-examples.git", notebook.Text("defaultCodeRepository"));
        Assert.Equal("notebook-al2023-v1", notebook.Text("platformIdentifier"));
        Assert.Equal("2", notebook.Map("instanceMetadataServiceConfiguration")["minimumInstanceMetadataServiceVersion"]);
        Assert.Equal(("Enabled", "Enabled", 5.0), (notebook.Text("directInternetAccess"), notebook.Text("rootAccess"), notebook.Number("volumeSize")));
    }

    [Fact]
    public async Task Notebook_TakesItsShapeFromConfig()
    {
        var run = await runs.Get("dev",
            ("notebookInstanceType", "ml.m5.xlarge"), ("notebookVolumeSizeGb", "50"), ("notebookRootAccess", "false"));
        var notebook = Assert.Single(run.OfType(Notebook));

        Assert.Equal(("ml.m5.xlarge", 50.0, "Disabled"), (notebook.Text("instanceType"), notebook.Number("volumeSize"), notebook.Text("rootAccess")));
    }

    [Fact]
    public async Task Notebook_WithoutDirectInternetAccess_ClonesNoRepository_ForTheVpcHasNoNat()
    {
        var notebook = Assert.Single((await runs.Get("dev", ("notebookDirectInternetAccess", "false"))).OfType(Notebook));

        Assert.Equal("Disabled", notebook.Text("directInternetAccess"));
        Assert.Null(notebook.Get("defaultCodeRepository"));
    }

    [Fact]
    public async Task SwitchedOffNotebook_LeavesOutTheInstanceAndItsRole_AndTheOutputsSaySo()
    {
        var run = await runs.Get("dev", ("notebookEnabled", "false"));

        Assert.Empty(run.OfType(Notebook));
        Assert.DoesNotContain(run.OfType(Role), r => r.Name == "notebook-role");
        Assert.DoesNotContain(run.OfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment"), a => a.Text("role") == "training-notebook-role-dev");
        var name = await StackRun.Value(run.Stack.NotebookInstanceName);
        Assert.StartsWith("none:", name, StringComparison.Ordinal);
        Assert.Contains("notebookEnabled", name, StringComparison.Ordinal);
        Assert.StartsWith("none:", await StackRun.Value(run.Stack.NotebookRoleArn), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwitchedOffNotebook_KeepsTrainingReady()
    {
        var run = await runs.Get("dev", ("notebookEnabled", "false"));

        Assert.Equal(ArnOf(TrainingRole(run)), await StackRun.Value(run.Stack.TrainingRoleArn));
        var config = JsonDocument.Parse(await StackRun.Value(run.Stack.TrainingJobConfig)).RootElement;
        Assert.Equal(ArnOf(TrainingRole(run)), config.GetProperty("RoleArn").GetString());
    }

    [Theory]
    [InlineData("notebook-role")]
    [InlineData("training-role")]
    public async Task Role_TrustsOnlySageMaker(string role)
    {
        var registered = (await runs.Get("dev")).Named(Role, role);

        var statement = Assert.Single(Statements(registered, "assumeRolePolicy"));
        Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
        Assert.Equal("sts:AssumeRole", statement.GetProperty("Action").GetString());
        var principal = Assert.Single(statement.GetProperty("Principal").EnumerateObject());
        Assert.Equal(("Service", "sagemaker.amazonaws.com"), (principal.Name, principal.Value.GetString()));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Roles_AreNamedAfterTheSuffix(string stack)
    {
        var run = await runs.Get(stack);

        Assert.EndsWith($"-{stack}", NotebookRole(run).Text("name"), StringComparison.Ordinal);
        Assert.EndsWith($"-{stack}", TrainingRole(run).Text("name"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotebookRole_HasAmazonSageMakerFullAccess_AsInTheCdkDesign()
    {
        var run = await runs.Get("dev");

        var attachment = Assert.Single(
            run.OfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment"), a => a.Text("role") == NotebookRole(run).Text("name"));
        Assert.Equal("arn:aws:iam::aws:policy/AmazonSageMakerFullAccess", attachment.Text("policyArn"));
    }

    [Fact]
    public async Task NotebookRole_MayPassOnlyTheTrainingRole_AndOnlyToSageMaker()
    {
        var run = await runs.Get("dev");

        var passRole = Assert.Single(InlinePolicyOf(run, NotebookRole(run)).GetProperty("Statement").EnumerateArray(),
            s => Strings(s, "Action").Contains("iam:PassRole"));
        Assert.Equal([ArnOf(TrainingRole(run))], Strings(passRole, "Resource"));
        Assert.Equal("sagemaker.amazonaws.com", passRole.GetProperty("Condition").GetProperty("StringEquals").GetProperty("iam:PassedToService").GetString());
    }

    [Fact]
    public async Task TrainingRole_ReachesOnlyThisStacksBucketsRepositoryAndLogGroup()
    {
        var run = await runs.Get("dev");
        var dataset = $"arn:aws:s3:::training-datasets-dev-{CloudMocks.AccountId}";
        var model = $"arn:aws:s3:::model-artifacts-dev-{CloudMocks.AccountId}";
        var repository = $"arn:aws:ecr:{CloudMocks.Region}:{CloudMocks.AccountId}:repository/training-containers-dev";
        var logGroup = $"arn:aws:logs:{CloudMocks.Region}:{CloudMocks.AccountId}:log-group:/aws/sagemaker/TrainingJobs";
        string[] allowed = [dataset, dataset + "/*", model, model + "/*", repository, logGroup, logGroup + ":log-stream:*", "*"];

        var statements = InlinePolicyOf(run, TrainingRole(run)).GetProperty("Statement").EnumerateArray().ToList();

        Assert.All(statements.SelectMany(s => Strings(s, "Resource")), r => Assert.Contains(r, allowed));
        Assert.Contains(statements, s => Strings(s, "Action").Contains("s3:PutObject") && Strings(s, "Resource").Contains(model + "/*"));
        Assert.Contains(statements, s => Strings(s, "Action").Contains("ecr:BatchGetImage") && Strings(s, "Resource").Contains(repository));
        Assert.Contains(statements, s => Strings(s, "Action").Contains("logs:PutLogEvents") && Strings(s, "Resource").Contains(logGroup + ":log-stream:*"));
        Assert.DoesNotContain(statements.SelectMany(s => Strings(s, "Action")), a => a.StartsWith("sagemaker:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SecurityGroup_AdmitsOnlyItsOwnMembers_AndLetsEverythingOut()
    {
        var run = await runs.Get("dev");
        var group = run.Named(SecurityGroup, "sagemaker");
        var groupId = SageMakerGroupId(run);

        Assert.Equal("vpc-training", group.Text("vpcId"));
        Assert.False(group.Inputs.ContainsKey("ingress"));
        var ingress = Assert.Single(run.OfType(IngressRule), r => r.Text("securityGroupId") == groupId);
        Assert.Equal((groupId, "-1"), (ingress.Text("referencedSecurityGroupId"), ingress.Text("ipProtocol")));
        Assert.Null(ingress.Get("cidrIpv4"));
        var egress = Assert.Single(run.OfType(EgressRule), r => r.Text("securityGroupId") == groupId);
        Assert.Equal(("0.0.0.0/0", "-1"), (egress.Text("cidrIpv4"), egress.Text("ipProtocol")));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task TrainingJobConfig_RunsAsTheTrainingRole_InTheIsolatedSubnets_WithTheSageMakerGroup(string stack)
    {
        var run = await runs.Get(stack);
        var config = JsonDocument.Parse(await StackRun.Value(run.Stack.TrainingJobConfig)).RootElement;

        Assert.Equal(await StackRun.Value(run.Stack.TrainingRoleArn), config.GetProperty("RoleArn").GetString());
        Assert.Equal(ArnOf(TrainingRole(run)), config.GetProperty("RoleArn").GetString());
        var vpc = config.GetProperty("VpcConfig");
        Assert.Equal(await IsolatedSubnets(run), Strings(vpc, "Subnets"));
        Assert.Equal([await StackRun.Value(run.Stack.SageMakerSecurityGroupId)], Strings(vpc, "SecurityGroupIds"));
        Assert.Equal([SageMakerGroupId(run)], Strings(vpc, "SecurityGroupIds"));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task TrainingJobConfig_KeepsOutputAndCheckpointsInThisStacksModelBucket(string stack)
    {
        var run = await runs.Get(stack);
        var config = JsonDocument.Parse(await StackRun.Value(run.Stack.TrainingJobConfig)).RootElement;
        var bucket = await StackRun.Value(run.Stack.ModelBucketName);

        Assert.True(config.GetProperty("EnableManagedSpotTraining").GetBoolean());
        Assert.StartsWith($"s3://{bucket}/", config.GetProperty("OutputDataConfig").GetProperty("S3OutputPath").GetString(), StringComparison.Ordinal);
        Assert.StartsWith($"s3://{bucket}/", config.GetProperty("CheckpointConfig").GetProperty("S3Uri").GetString(), StringComparison.Ordinal);
        var stopping = config.GetProperty("StoppingCondition");
        Assert.Equal((86400, 172800), (stopping.GetProperty("MaxRuntimeInSeconds").GetInt32(), stopping.GetProperty("MaxWaitTimeInSeconds").GetInt32()));
    }

    [Fact]
    public async Task Outputs_NameTheNotebookAndItsRole()
    {
        var run = await runs.Get("dev");

        Assert.Equal(Assert.Single(run.OfType(Notebook)).Text("name"), await StackRun.Value(run.Stack.NotebookInstanceName));
        Assert.Equal(ArnOf(NotebookRole(run)), await StackRun.Value(run.Stack.NotebookRoleArn));
    }

    private static async Task<JsonElement> TrainingJobConfigOf(StackRun run) =>
        JsonDocument.Parse(await StackRun.Value(run.Stack.TrainingJobConfig)).RootElement;

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task TrainingJobConfig_HoldsEveryMemberAJobOnInstancesNeeds_ButTheJobsName(string stack)
    {
        var config = await TrainingJobConfigOf(await runs.Get(stack));
        var members = config.EnumerateObject().Select(m => m.Name).ToList();

        // The API model requires only TrainingJobName, RoleArn and OutputDataConfig since serverless
        // jobs; a job on instances cannot start without the rest.
        Assert.All(
            ["AlgorithmSpecification", "RoleArn", "InputDataConfig", "OutputDataConfig", "ResourceConfig", "StoppingCondition"],
            member => Assert.Contains(member, members));
        Assert.DoesNotContain("TrainingJobName", members);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task TrainingJobConfig_RunsTheStacksRepositoryImage_OnTheConfiguredInstances(string stack)
    {
        var run = await runs.Get(stack);
        var config = await TrainingJobConfigOf(run);
        var algorithm = config.GetProperty("AlgorithmSpecification");
        var resources = config.GetProperty("ResourceConfig");

        Assert.Equal($"{await StackRun.Value(run.Stack.EcrRepositoryUri)}:{run.Settings.Training.ImageTag}", algorithm.GetProperty("TrainingImage").GetString());
        Assert.Equal("File", algorithm.GetProperty("TrainingInputMode").GetString());
        Assert.Equal(
            (run.Settings.Training.InstanceType, run.Settings.Training.InstanceCount, run.Settings.Training.VolumeSizeGb),
            (resources.GetProperty("InstanceType").GetString(), resources.GetProperty("InstanceCount").GetInt32(), resources.GetProperty("VolumeSizeInGB").GetInt32()));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task TrainingJobConfig_TrainsOnTheStacksDatasetBucket(string stack)
    {
        var run = await runs.Get(stack);
        var channel = Assert.Single((await TrainingJobConfigOf(run)).GetProperty("InputDataConfig").EnumerateArray());
        var source = channel.GetProperty("DataSource").GetProperty("S3DataSource");

        Assert.Equal("training", channel.GetProperty("ChannelName").GetString());
        Assert.StartsWith($"s3://{await StackRun.Value(run.Stack.DatasetBucketName)}/", source.GetProperty("S3Uri").GetString(), StringComparison.Ordinal);
        Assert.Equal(("S3Prefix", "FullyReplicated"), (source.GetProperty("S3DataType").GetString(), source.GetProperty("S3DataDistributionType").GetString()));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task TrainingJobConfig_EncryptsOutputAndVolumeWithTheDataKey_WhenTheStackHasOne(string stack)
    {
        var run = await runs.Get(stack);
        var config = await TrainingJobConfigOf(run);
        // The key that encrypts the stack's data buckets, or none when they use S3's own (the
        // access-log bucket always does: log delivery writes only SSE-S3).
        var bucketEncryption = run.OfType("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration")
            .Where(c => c.Name is "dataset-bucket-encryption" or "model-bucket-encryption")
            .Select(c => c.List("rules")[0].AsMap()["applyServerSideEncryptionByDefault"].AsMap().GetValueOrDefault("kmsMasterKeyId") as string)
            .Distinct()
            .ToList();

        var outputKey = config.GetProperty("OutputDataConfig").TryGetProperty("KmsKeyId", out var o) ? o.GetString() : null;
        var volumeKey = config.GetProperty("ResourceConfig").TryGetProperty("VolumeKmsKeyId", out var v) ? v.GetString() : null;

        var bucketKey = Assert.Single(bucketEncryption);
        Assert.Equal(run.Settings.Storage.CustomerManagedKey, bucketKey is not null);
        Assert.Equal((bucketKey, bucketKey), (outputKey, volumeKey));
    }

    [Fact]
    public async Task TrainingJobConfig_TakesItsInstancesAndImageTagFromConfig()
    {
        var run = await runs.Get("dev",
            ("trainingInstanceType", "ml.c5.2xlarge"), ("trainingInstanceCount", "2"), ("trainingVolumeSizeGb", "100"), ("trainingImageTag", "v3"));
        var config = await TrainingJobConfigOf(run);
        var resources = config.GetProperty("ResourceConfig");

        Assert.Equal(("ml.c5.2xlarge", 2, 100), (
            resources.GetProperty("InstanceType").GetString(), resources.GetProperty("InstanceCount").GetInt32(), resources.GetProperty("VolumeSizeInGB").GetInt32()));
        Assert.EndsWith(":v3", config.GetProperty("AlgorithmSpecification").GetProperty("TrainingImage").GetString(), StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<string>> IsolatedSubnets(StackRun run) =>
        TrainingInfra.Blueprint.Network.NetworkOutputs.SplitList(await StackRun.Value(run.Stack.PrivateSubnetIds));
}

using System.Collections.Immutable;
using System.Text.Json;
using Pulumi.Testing;
using TrainingInfra.Blueprint.Batch;
using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests;

[Collection(MockRuntimeSuite.Name)]
public class BatchTests(StackRuns runs)
{
    private const string ComputeEnvironment = "aws:batch/computeEnvironment:ComputeEnvironment";
    private const string JobQueue = "aws:batch/jobQueue:JobQueue";
    private const string JobDefinition = "aws:batch/jobDefinition:JobDefinition";
    private const string Role = "aws:iam/role:Role";
    private const string Attachment = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    private const string BestFit = "BEST_FIT";

    private static string RoleArn(MockResourceArgs role) => $"arn:aws:iam::{CloudMocks.AccountId}:role/{role.Text("name")}";

    private static MockResourceArgs TheComputeEnvironment(StackRun run) => Assert.Single(run.OfType(ComputeEnvironment));

    private static ImmutableDictionary<string, object> ComputeResources(StackRun run) => TheComputeEnvironment(run).Map("computeResources");

    private static List<string> StringList(ImmutableDictionary<string, object> map, string key) =>
        ((ImmutableArray<object>)map[key]).Cast<string>().ToList();

    private static JsonElement ContainerProperties(StackRun run) => Assert.Single(run.OfType(JobDefinition)).Json("containerProperties");

    private static IEnumerable<MockResourceArgs> RolesTrusting(StackRun run, string service) =>
        run.OfType(Role).Where(role => role.Json("assumeRolePolicy").GetProperty("Statement").EnumerateArray()
            .Any(s => s.GetProperty("Principal").GetProperty("Service").GetString() == service));

    [Fact]
    public async Task ComputeEnvironment_RunsInThePublicSubnets_WithItsSecurityGroupAndTheInstanceProfile()
    {
        var run = await runs.Get("dev");
        var resources = ComputeResources(run);
        var groupId = Assert.Single(StringList(resources, "securityGroupIds"));
        var profile = Assert.Single(run.OfType("aws:iam/instanceProfile:InstanceProfile"));

        Assert.Equal(CloudMocks.PublicSubnets.ToList(), StringList(resources, "subnets"));
        var group = Assert.Single(run.OfType("aws:ec2/securityGroup:SecurityGroup"), g => $"{g.Name}_id" == groupId);
        Assert.Equal("vpc-training", group.Text("vpcId"));
        Assert.Equal($"arn:aws:iam::{CloudMocks.AccountId}:instance-profile/{profile.Text("name")}", resources["instanceRole"]);
    }

    [Fact]
    public async Task InstanceProfile_HoldsTheEc2TrustedRole_WithTheEcsInstancePolicy()
    {
        var run = await runs.Get("dev");
        var instanceRole = Assert.Single(RolesTrusting(run, "ec2.amazonaws.com"));

        Assert.Equal(instanceRole.Text("name"), Assert.Single(run.OfType("aws:iam/instanceProfile:InstanceProfile")).Text("role"));
        Assert.Contains(run.OfType(Attachment), a => a.Text("role") == instanceRole.Text("name")
            && a.Text("policyArn") == "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role");
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task ComputeEnvironment_IsManagedSpot_WithTheCdkDesignsBidAndVcpuRange(string stack)
    {
        var run = await runs.Get(stack);
        var environment = TheComputeEnvironment(run);
        var resources = environment.Map("computeResources");

        Assert.Equal($"batch-inference-{stack}-", environment.Text("namePrefix"));
        Assert.Null(environment.Get("name"));
        Assert.Equal("MANAGED", environment.Text("type"));
        Assert.Equal("ENABLED", environment.Text("state"));
        Assert.Equal("SPOT", resources["type"]);
        Assert.Equal(80.0, resources["bidPercentage"]);
        Assert.Equal(0.0, resources["minVcpus"]);
        Assert.Equal(256.0, resources["maxVcpus"]);
        Assert.Equal("SPOT_PRICE_CAPACITY_OPTIMIZED", resources["allocationStrategy"]);
    }

    [Fact]
    public async Task ComputeEnvironment_UsesTheConfiguredInstanceTypes()
    {
        var run = await runs.Get("dev", ("batchInstanceTypes", """["m5.xlarge","m6i.2xlarge","c5"]"""));

        Assert.Equal(["m5.xlarge", "m6i.2xlarge", "c5"], StringList(ComputeResources(run), "instanceTypes"));
    }

    [Fact]
    public async Task ComputeEnvironment_UsesTheBatchServiceLinkedRole()
    {
        var run = await runs.Get("dev");

        Assert.Null(TheComputeEnvironment(run).Get("serviceRole"));
        Assert.Empty(RolesTrusting(run, "batch.amazonaws.com"));
    }

    [Fact]
    public async Task ComputeEnvironment_TagsTheInstancesItLaunches()
    {
        var tags = ComputeResources(await runs.Get("dev")).GetValueOrDefault("tags")?.AsMap();

        Assert.NotNull(tags);
        Assert.Equal("training-infra", tags["Project"]);
        Assert.Equal("dev", tags["Environment"]);
        Assert.Equal("pulumi", tags["ManagedBy"]);
    }

    [Fact]
    public async Task ComputeEnvironment_LetsRunningJobsFinishDuringAnInfrastructureUpdate()
    {
        var policy = TheComputeEnvironment(await runs.Get("dev")).Map("updatePolicy");

        Assert.False((bool)policy["terminateJobsOnUpdate"]);
        Assert.Equal(60.0, policy["jobExecutionTimeoutMinutes"]);
    }

    [Fact]
    public async Task DefaultStrategy_CreatesNoSpotFleetRole()
    {
        var run = await runs.Get("dev");

        Assert.Empty(RolesTrusting(run, "spotfleet.amazonaws.com"));
        Assert.False(ComputeResources(run).ContainsKey("spotIamFleetRole"));
    }

    [Fact]
    public async Task BestFit_CreatesASpotFleetRole_AndTheComputeEnvironmentUsesIt()
    {
        var run = await runs.Get("dev", ("batchAllocationStrategy", BestFit));
        var fleetRole = Assert.Single(RolesTrusting(run, "spotfleet.amazonaws.com"));

        Assert.Equal(BestFit, ComputeResources(run)["allocationStrategy"]);
        Assert.Equal(RoleArn(fleetRole), ComputeResources(run)["spotIamFleetRole"]);
        Assert.Contains(run.OfType(Attachment), a => a.Text("role") == fleetRole.Text("name")
            && a.Text("policyArn") == "arn:aws:iam::aws:policy/service-role/AmazonEC2SpotFleetTaggingRole");
    }

    [Fact]
    public async Task BestFit_SetsNoUpdatePolicy_WhichBatchCannotApplyToIt()
    {
        var run = await runs.Get("dev", ("batchAllocationStrategy", BestFit));

        Assert.Null(TheComputeEnvironment(run).Get("updatePolicy"));
    }

    [Fact]
    public async Task LaunchTemplate_RequiresImdsV2_AndTheComputeEnvironmentUsesItsLatestVersion()
    {
        var run = await runs.Get("dev");
        var template = Assert.Single(run.OfType("aws:ec2/launchTemplate:LaunchTemplate"));
        var metadata = template.Map("metadataOptions");
        var reference = ComputeResources(run)["launchTemplate"].AsMap();

        Assert.Equal("required", metadata["httpTokens"]);
        Assert.Equal("enabled", metadata["httpEndpoint"]);
        Assert.Equal(2.0, metadata["httpPutResponseHopLimit"]);
        Assert.Null(template.Get("networkInterfaces"));
        Assert.Equal($"{template.Name}_id", reference["launchTemplateId"]);
        Assert.Equal("1", reference["version"]);
    }

    [Fact]
    public async Task SecurityGroup_AllowsAllOutbound_AndNothingInbound()
    {
        var run = await runs.Get("dev");
        var groupId = Assert.Single(StringList(ComputeResources(run), "securityGroupIds"));
        var group = Assert.Single(run.OfType("aws:ec2/securityGroup:SecurityGroup"), g => $"{g.Name}_id" == groupId);

        Assert.Null(group.Get("ingress"));
        Assert.DoesNotContain(run.OfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"), r => r.Text("securityGroupId") == groupId);
        var egress = Assert.Single(run.OfType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"), r => r.Text("securityGroupId") == groupId);
        Assert.Equal("-1", egress.Text("ipProtocol"));
        Assert.Equal("0.0.0.0/0", egress.Text("cidrIpv4"));
    }

    [Fact]
    public async Task JobQueue_SendsJobsToTheComputeEnvironment()
    {
        var run = await runs.Get("dev");
        var queue = Assert.Single(run.OfType(JobQueue));

        Assert.Equal("inference-queue-dev", queue.Text("name"));
        Assert.Equal(1.0, queue.Number("priority"));
        Assert.Equal("ENABLED", queue.Text("state"));
        var order = Assert.Single(queue.List("computeEnvironmentOrders")).AsMap();
        Assert.Equal(1.0, order["order"]);
        Assert.Equal(run.States[(ComputeEnvironment, "batch-compute-environment")]["arn"], order["computeEnvironment"]);
        Assert.StartsWith($"arn:aws:batch:us-east-1:{CloudMocks.AccountId}:compute-environment/batch-inference-dev-", (string)order["computeEnvironment"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "latest")]
    [InlineData("2024-06-01.3", "2024-06-01.3")]
    public async Task JobDefinition_RunsTheRepositoryImage_AtTheConfiguredTag(string? configuredTag, string tag)
    {
        var run = configuredTag is null
            ? await runs.Get("dev")
            : await runs.Get("dev", ("jobImageTag", configuredTag));

        Assert.Equal(
            $"{CloudMocks.AccountId}.dkr.ecr.us-east-1.amazonaws.com/training-containers-dev:{tag}",
            ContainerProperties(run).GetProperty("image").GetString());
    }

    [Fact]
    public async Task JobDefinition_RunsAsTheEcsTasksTrustedJobRole()
    {
        var run = await runs.Get("dev");
        var jobRole = Assert.Single(RolesTrusting(run, "ecs-tasks.amazonaws.com"));

        Assert.Equal(RoleArn(jobRole), ContainerProperties(run).GetProperty("jobRoleArn").GetString());
    }

    [Fact]
    public async Task JobRole_MayUseOnlyTheModelBucket()
    {
        var run = await runs.Get("dev");
        var jobRole = Assert.Single(RolesTrusting(run, "ecs-tasks.amazonaws.com"));
        var modelBucket = $"arn:aws:s3:::model-artifacts-dev-{CloudMocks.AccountId}";

        Assert.DoesNotContain(run.OfType(Attachment), a => a.Text("role") == jobRole.Text("name"));
        var policy = Assert.Single(run.OfType("aws:iam/rolePolicy:RolePolicy"), p => p.Text("role") == jobRole.Text("name")).Json("policy");
        var resources = policy.GetProperty("Statement").EnumerateArray()
            .SelectMany(s => s.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()));
        Assert.All(resources, r => Assert.True(r == modelBucket || r == modelBucket + "/*", r));
    }

    [Fact]
    public async Task JobDefinition_IsAnEc2Container_WithTheCdkDesignsAttemptsAndTimeout_AndPropagatesTags()
    {
        var definition = Assert.Single((await runs.Get("dev")).OfType(JobDefinition));

        Assert.Equal("inference-job-dev", definition.Text("name"));
        Assert.Equal("container", definition.Text("type"));
        Assert.Equal(["EC2"], definition.Strings("platformCapabilities"));
        Assert.Equal(3.0, definition.Map("retryStrategy")["attempts"]);
        Assert.Equal(3600.0, definition.Map("timeout")["attemptDurationSeconds"]);
        Assert.True(definition.Flag("propagateTags"));
    }

    [Fact]
    public async Task JobDefinition_CarriesTheBlueprintsRetryRules_InOrder()
    {
        var definition = Assert.Single((await runs.Get("dev")).OfType(JobDefinition));

        var registered = ((ImmutableArray<object>)definition.Map("retryStrategy")["evaluateOnExits"])
            .Select(e => e.AsMap())
            .Select(e => new RetryRule(
                (string)e["action"],
                e.GetValueOrDefault("onStatusReason") as string,
                e.GetValueOrDefault("onReason") as string,
                e.GetValueOrDefault("onExitCode") as string));
        Assert.Equal(BatchRetryRules.Rules, registered);
    }

    [Fact]
    public async Task JobDefinition_LogsIntoThePlatformLogGroup()
    {
        var options = ContainerProperties(await runs.Get("dev")).GetProperty("logConfiguration").GetProperty("options");

        Assert.Equal("/aws/sagemaker/training-jobs-dev", options.GetProperty("awslogs-group").GetString());
        Assert.Equal("us-east-1", options.GetProperty("awslogs-region").GetString());
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("pr")]
    public async Task Outputs_AreTheBatchResourcesArns(string stack)
    {
        var outputs = (await runs.Get(stack)).Stack;
        var prefix = $"arn:aws:batch:us-east-1:{CloudMocks.AccountId}";

        Assert.StartsWith($"{prefix}:compute-environment/batch-inference-{stack}-", await StackRun.Value(outputs.ComputeEnvironmentArn), StringComparison.Ordinal);
        Assert.Equal($"{prefix}:job-queue/inference-queue-{stack}", await StackRun.Value(outputs.JobQueueArn));
        Assert.Equal($"{prefix}:job-definition/inference-job-{stack}:1", await StackRun.Value(outputs.JobDefinitionArn));
    }
}

using System.Collections.Immutable;
using System.Text.Json;
using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests;

/// <summary>
/// Per-PR stacks use dev's network: they take none of the account's VPCs, gateways or endpoints,
/// and everything they place in a network is placed in the one dev exports.
/// </summary>
[Collection(MockRuntimeSuite.Name)]
public class SharedNetworkTests(StackRuns runs)
{
    private const string DevReference = "organization/training-infra/dev";

    private static readonly string[] NetworkTypes =
    [
        "awsx:ec2:Vpc", "aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet", "aws:ec2/internetGateway:InternetGateway",
        "aws:ec2/natGateway:NatGateway", "aws:ec2/vpcEndpoint:VpcEndpoint", "aws:ec2/flowLog:FlowLog",
    ];

    /// <summary>dev's real outputs, with the network's ids changed so that only a read of them can produce them.</summary>
    private async Task<Dictionary<string, ImmutableDictionary<string, object>>> DevWithDistinctIds()
    {
        var dev = await (await runs.Get("dev")).OutputsAsync();
        return new Dictionary<string, ImmutableDictionary<string, object>>
        {
            [DevReference] = dev
                .SetItem("VpcId", "vpc-of-dev")
                .SetItem("PublicSubnetIds", "subnet-dev-public-a,subnet-dev-public-b")
                .SetItem("PrivateSubnetIds", "subnet-dev-isolated-a,subnet-dev-isolated-b"),
        };
    }

    [Fact]
    public async Task PerPullRequestStack_RegistersNoNetworkOfItsOwn()
    {
        var run = await runs.Get("pr");

        Assert.DoesNotContain(run.Registered, r => NetworkTypes.Contains(r.Type));
        Assert.DoesNotContain(run.Registered, r => r.Name == "vpc-endpoints" || r.Name == "vpc-flow-logs");
        Assert.Equal(DevReference, Assert.Single(run.OfType("pulumi:pulumi:StackReference")).Text("name"));
    }

    [Fact]
    public async Task PerPullRequestStack_PlacesItsGroupsNotebookBatchAndTrainingInDevsNetwork()
    {
        var run = await StackRun.OfStackFile("pr", await DevWithDistinctIds(), ("notebookEnabled", "true"));

        var groups = run.OfType("aws:ec2/securityGroup:SecurityGroup");
        Assert.Equal(["batch-instances", "sagemaker"], groups.Select(g => g.Name).Order(StringComparer.Ordinal));
        Assert.All(groups, g => Assert.Equal("vpc-of-dev", g.Text("vpcId")));
        Assert.Equal("subnet-dev-public-a", Assert.Single(run.OfType("aws:sagemaker/notebookInstance:NotebookInstance")).Text("subnetId"));
        var compute = Assert.Single(run.OfType("aws:batch/computeEnvironment:ComputeEnvironment")).Map("computeResources");
        Assert.Equal(["subnet-dev-public-a", "subnet-dev-public-b"], ((ImmutableArray<object>)compute["subnets"]).Cast<string>());
        var vpcConfig = JsonDocument.Parse(await StackRun.Value(run.Stack.TrainingJobConfig)).RootElement.GetProperty("VpcConfig");
        Assert.Equal(["subnet-dev-isolated-a", "subnet-dev-isolated-b"], vpcConfig.GetProperty("Subnets").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("vpc-of-dev", await StackRun.Value(run.Stack.VpcId));
        Assert.Equal("dev", await StackRun.Value(run.Stack.NetworkOwner));
    }

    [Fact]
    public async Task PerPullRequestStack_KeepsItsOwnSuffixedResources()
    {
        var run = await runs.Get("pr");

        Assert.Equal("training-containers-pr", Assert.Single(run.OfType("aws:ecr/repository:Repository")).Text("name"));
        Assert.Equal("inference-queue-pr", Assert.Single(run.OfType("aws:batch/jobQueue:JobQueue")).Text("name"));
        Assert.Contains(run.OfType("aws:iam/role:Role"), r => r.Text("name") == "training-job-role-pr");
    }

    [Fact]
    public async Task MissingOutput_StopsTheStackBeforeAnyResource_NamingTheStackAndTheOutput()
    {
        var stacks = await DevWithDistinctIds();
        stacks[DevReference] = stacks[DevReference].Remove("VpcCidr");

        var (error, registered) = await StackRun.Refusal("pr", stacks);

        Assert.Contains("stack 'dev' does not export the output VpcCidr", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(registered, r => r.Type!.StartsWith("aws:", StringComparison.Ordinal) || r.Type!.StartsWith("awsx:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProtectedStack_CannotAttachToDevsEphemeralNetwork()
    {
        var (error, registered) = await StackRun.Refusal("prod", await DevWithDistinctIds(), ("networkStack", "dev"), ("vpcFlowLogs", "false"), ("networkMode", "public"));

        Assert.Contains("destroying 'dev' would pull the network out from under this stack", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(registered, r => r.Type!.StartsWith("aws:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StackNamingItself_IsRefusedByItsConfig_BeforeAnyResource()
    {
        var (error, registered) = await StackRun.Refusal("dev", await DevWithDistinctIds(), ("networkStack", "dev"));

        Assert.Contains("training-infra:networkStack = 'dev': a stack cannot attach to its own network", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(registered, r => r.Type != "pulumi:pulumi:Stack");
    }

    [Fact]
    public async Task BadNetworkStackValue_IsRefusedWithKeyValueAndRule()
    {
        var (error, _) = await StackRun.Refusal("pr", await DevWithDistinctIds(), ("networkStack", "acme/other/dev"));

        Assert.Contains("training-infra:networkStack = 'acme/other/dev'", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("must name a stack of this project", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PerPullRequestStack_NeedingAnEndpointDevLacks_IsRefused()
    {
        var (error, _) = await StackRun.Refusal("pr", await DevWithDistinctIds(), ("interfaceEndpointServices", "[\"secretsmanager\"]"));

        Assert.Contains("needs the interface endpoints secretsmanager", error.ToString(), StringComparison.Ordinal);
    }
}

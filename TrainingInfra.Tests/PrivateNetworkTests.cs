using System.Collections.Immutable;
using System.Text.Json;
using Pulumi.Testing;
using TrainingInfra.Blueprint.Network;
using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests;

/// <summary>
/// A private network (prod): nothing in it has a public address or a path to the internet, and the
/// notebook and the Batch hosts run in its isolated subnets. The checks look at every registered
/// resource, and at awsx's inputs, so that they would see an internet gateway however the VPC were built.
/// </summary>
[Collection(MockRuntimeSuite.Name)]
public class PrivateNetworkTests(StackRuns runs)
{
    private const string Subnet = "aws:ec2/subnet:Subnet";
    private const string Endpoint = "aws:ec2/vpcEndpoint:VpcEndpoint";
    private const string Isolated1 = "training-vpc-prod-Private-1_id";
    private const string Isolated2 = "training-vpc-prod-Private-2_id";

    private static readonly string[] InternetTypes =
    [
        "awsx:ec2:Vpc", "aws:ec2/internetGateway:InternetGateway", "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway",
        "aws:ec2/natGateway:NatGateway", "aws:ec2/eip:Eip", "aws:ec2/internetGatewayAttachment:InternetGatewayAttachment",
    ];

    [Fact]
    public async Task Prod_RegistersNoInternetGatewayNatOrAwsxVpc()
    {
        var run = await runs.Get("prod");

        Assert.Empty(run.Registered.Where(r => InternetTypes.Contains(r.Type)).Select(r => $"{r.Type} {r.Name}"));
        Assert.DoesNotContain(run.Registered, r => r.Type!.Contains("internetGateway", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Prod_HasNoPublicSubnetAndNoRouteToTheInternet_InAnyResource()
    {
        var run = await runs.Get("prod");

        // Egress rules of security groups are filters, not paths: they keep 0.0.0.0/0 so that the S3
        // gateway's prefix list is reached, and without a route nothing beyond the VPC is.
        Assert.All(run.Registered.Where(r => r.Type != "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"), r =>
        {
            Assert.NotEqual(true, r.Flag("mapPublicIpOnLaunch"));
            Assert.False(Mentions(r.Inputs, "0.0.0.0/0"), $"{r.Type} {r.Name} names 0.0.0.0/0");
            Assert.False(Mentions(r.Inputs, "::/0"), $"{r.Type} {r.Name} names ::/0");
        });
        Assert.Empty(run.OfType("aws:ec2/route:Route"));
        Assert.All(run.OfType("aws:ec2/routeTable:RouteTable"), t => Assert.Empty(t.List("routes")));
    }

    [Fact]
    public async Task Prod_HasOneIsolatedSubnetPerZone_EachWithARouteTableThatOnlyTheS3GatewayReaches()
    {
        var run = await runs.Get("prod");
        var vpc = Assert.Single(run.OfType("aws:ec2/vpc:Vpc"));
        var subnets = run.OfType(Subnet);
        var gateway = Assert.Single(run.OfType(Endpoint), e => e.Text("vpcEndpointType") == "Gateway");

        Assert.Equal(("10.220.0.0/16", true, true), (vpc.Text("cidrBlock"), vpc.Flag("enableDnsHostnames"), vpc.Flag("enableDnsSupport")));
        Assert.Equal(
            [("10.220.0.0/24", "us-east-1a", false), ("10.220.128.0/24", "us-east-1b", false)],
            subnets.Select(s => (s.Text("cidrBlock"), s.Text("availabilityZone"), s.Flag("mapPublicIpOnLaunch") ?? true)));
        Assert.All(subnets, s => Assert.Equal("training-vpc-prod_id", s.Text("vpcId")));
        Assert.Equal(
            subnets.Select(s => $"{s.Name}_id").Order(StringComparer.Ordinal),
            run.OfType("aws:ec2/routeTableAssociation:RouteTableAssociation").Select(a => a.Text("subnetId")!).Order(StringComparer.Ordinal));
        Assert.Equal("com.amazonaws.us-east-1.s3", gateway.Text("serviceName"));
        Assert.Equal(
            run.OfType("aws:ec2/routeTable:RouteTable").Select(t => $"{t.Name}_id").Order(StringComparer.Ordinal),
            gateway.Strings("routeTableIds").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Prod_NotebookAndComputeEnvironment_RunInTheIsolatedSubnets()
    {
        var run = await runs.Get("prod");
        var notebook = Assert.Single(run.OfType("aws:sagemaker/notebookInstance:NotebookInstance"));
        var compute = Assert.Single(run.OfType("aws:batch/computeEnvironment:ComputeEnvironment")).Map("computeResources");
        var launchTemplate = Assert.Single(run.OfType("aws:ec2/launchTemplate:LaunchTemplate"));

        Assert.Equal((Isolated1, "Disabled"), (notebook.Text("subnetId"), notebook.Text("directInternetAccess")));
        Assert.Equal([Isolated1, Isolated2], ((ImmutableArray<object>)compute["subnets"]).Cast<string>());
        Assert.DoesNotContain(launchTemplate.List("networkInterfaces").Select(n => n.AsMap()), n => n.ContainsKey("associatePublicIpAddress"));
        var vpcConfig = JsonDocument.Parse(await StackRun.Value(run.Stack.TrainingJobConfig)).RootElement.GetProperty("VpcConfig");
        Assert.Equal([Isolated1, Isolated2], vpcConfig.GetProperty("Subnets").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Prod_CreatesExactlyThePlannedEndpoints_IncludingTheBatchHostsOnes_InEveryZone()
    {
        var run = await runs.Get("prod");
        var planned = VpcEndpointPlan.For(run.Settings);

        Assert.Equal(
            planned.Select(e => (e.ServiceName, e.Type)).Order(),
            run.OfType(Endpoint).Select(e => (e.Text("serviceName")!, e.Text("vpcEndpointType")!)).Order());
        Assert.Superset(
            new HashSet<string> { "ecs", "ecs-agent", "ecs-telemetry", "ecr.api", "ecr.dkr", "logs" },
            planned.Where(e => e.Consumers.Any(c => c.Consumer.StartsWith("AWS Batch hosts", StringComparison.Ordinal))).Select(e => e.Service).ToHashSet());
        Assert.All(run.OfType(Endpoint).Where(e => e.Text("vpcEndpointType") == "Interface"), e =>
        {
            Assert.Equal([Isolated1, Isolated2], e.Strings("subnetIds"));
            Assert.True(e.Flag("privateDnsEnabled"));
        });
    }

    [Fact]
    public async Task Prod_Outputs_SayTheModeAndHaveNoPublicSubnets()
    {
        var outputs = await (await runs.Get("prod")).OutputsAsync();

        Assert.Equal("private", outputs[NetworkOutputs.NetworkMode]);
        Assert.Equal("", outputs[NetworkOutputs.PublicSubnetIds]);
        Assert.Equal($"{Isolated1},{Isolated2}", outputs[NetworkOutputs.PrivateSubnetIds]);
        Assert.Equal("training-vpc-prod_id", outputs[NetworkOutputs.VpcId]);
    }

    [Fact]
    public async Task Dev_StaysPublic_OnAwsx_WithItsInternetGatewayPath()
    {
        var run = await runs.Get("dev");
        var vpc = Assert.Single(run.OfType("awsx:ec2:Vpc"));

        Assert.Contains(vpc.List("subnetSpecs").Select(s => s.AsMap()), s => (string)s["type"] == "Public");
        Assert.Empty(run.OfType("aws:ec2/vpc:Vpc"));
        Assert.Equal("public", (await run.OutputsAsync())[NetworkOutputs.NetworkMode]);
        Assert.Equal(CloudMocks.PublicSubnets[0], Assert.Single(run.OfType("aws:sagemaker/notebookInstance:NotebookInstance")).Text("subnetId"));
    }

    [Fact]
    public async Task PrivateMode_WithDirectInternetAccess_IsRefusedBeforeAnyResource()
    {
        var (error, registered) = await StackRun.Refusal("dev", ("networkMode", "private"), ("notebookDirectInternetAccess", "true"));

        Assert.Contains("training-infra:notebookDirectInternetAccess = 'true'", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(registered, r => r.Type != "pulumi:pulumi:Stack");
    }

    [Fact]
    public async Task PerPullRequestStack_OnAPrivateNetwork_PutsNotebookAndBatchHostsInItsIsolatedSubnets()
    {
        var run = await StackRun.OfStackFile("pr", await ProdBackend(), ("networkStack", "prod"),
            ("notebookEnabled", "true"), ("notebookDirectInternetAccess", "false"));

        var compute = Assert.Single(run.OfType("aws:batch/computeEnvironment:ComputeEnvironment")).Map("computeResources");
        Assert.Equal(Isolated1, Assert.Single(run.OfType("aws:sagemaker/notebookInstance:NotebookInstance")).Text("subnetId"));
        Assert.Equal([Isolated1, Isolated2], ((ImmutableArray<object>)compute["subnets"]).Cast<string>());
        Assert.Equal("private", await StackRun.Value(run.Stack.NetworkMode));
    }

    [Fact]
    public async Task PerPullRequestStack_OnAPrivateNetwork_IsRefused_WithDirectInternetOrAMissingEndpoint()
    {
        var backend = await ProdBackend();
        var withoutEcs = backend.ToDictionary(b => b.Key, b => b.Value.SetItem(NetworkOutputs.InterfaceEndpointServices,
            string.Join(",", ((string)b.Value[NetworkOutputs.InterfaceEndpointServices]).Split(',').Where(s => s != "ecs"))));

        var (internet, _) = await StackRun.Refusal("pr", backend, ("networkStack", "prod"), ("notebookEnabled", "true"));
        var (endpoint, registered) = await StackRun.Refusal("pr", withoutEcs, ("networkStack", "prod"));

        Assert.Contains("training-infra:notebookDirectInternetAccess = 'true'", internet.ToString(), StringComparison.Ordinal);
        Assert.Contains("needs the interface endpoints ecs,", endpoint.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(registered, r => r.Type!.StartsWith("aws:", StringComparison.Ordinal) || r.Type!.StartsWith("awsx:", StringComparison.Ordinal));
    }

    private async Task<Dictionary<string, ImmutableDictionary<string, object>>> ProdBackend() =>
        new(StringComparer.Ordinal) { ["organization/training-infra/prod"] = await (await runs.Get("prod")).OutputsAsync() };

    private static bool Mentions(object? value, string text) => value switch
    {
        string s => s == text,
        System.Collections.IDictionary map => map.Values.Cast<object?>().Any(v => Mentions(v, text)),
        System.Collections.IEnumerable items => items.Cast<object?>().Any(v => Mentions(v, text)),
        _ => false,
    };
}

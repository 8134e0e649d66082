using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Network;
using TrainingInfra.Blueprint.Tests.Support;
using TrainingInfra.Testing;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>networkMode: what a private network is made of, and the config it refuses.</summary>
public class PrivateNetworkPlanTests
{
    private static readonly string[] BatchHostServices = ["ecs", "ecs-agent", "ecs-telemetry", "ecr.api", "ecr.dkr", "logs"];

    private static PlatformSettings Stack(string stack) =>
        SettingsLoader.Load(ConfigSource.FromDictionary(stack, Configs.Region, StackConfigFiles.ProjectConfig(stack, SettingKeys.ProjectName)));

    [Fact]
    public void DevAndThePrTemplate_StayPublic_ProdIsPrivate()
    {
        Assert.Equal(NetworkMode.Public, Stack("dev").Network.Mode);
        Assert.Equal(NetworkMode.Public, Stack("pr").Network.Mode);
        Assert.Equal(NetworkMode.Private, Stack("prod").Network.Mode);
    }

    [Fact]
    public void UnknownMode_IsRefused_NamingKeyValueAndChoices()
    {
        var problem = Assert.Single(Configs.Problems(("networkMode", "airgapped")));

        Assert.Equal(("training-infra:networkMode", "airgapped"), (problem.Key, problem.Value));
        Assert.Contains("must be one of public, private", problem.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void PrivateMode_WithDirectInternetAccess_IsRefused_BesideOtherProblems()
    {
        var problems = Configs.Problems(("networkMode", "private"), ("notebookDirectInternetAccess", "true"), ("availabilityZones", "9"));

        Assert.Contains(problems, p => p.Key == "training-infra:notebookDirectInternetAccess" && p.Rule.Contains("private", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Key == "training-infra:availabilityZones");
    }

    [Fact]
    public void PrivateMode_WithoutANotebook_NeedsNoSayAboutItsInternetAccess()
    {
        var settings = Configs.Load(("networkMode", "private"), ("notebookEnabled", "false"));

        Assert.Equal(NetworkMode.Private, settings.Network.Mode);
    }

    [Fact]
    public void NetworkMode_OnAnAttachedStack_IsRefused_BecauseTheOwnerDecidesIt()
    {
        var problem = Assert.Single(Configs.Problems("pr7", Configs.Region, ("networkStack", "dev"), ("networkMode", "private")));

        Assert.Equal("training-infra:networkMode", problem.Key);
        Assert.Contains("has no effect while training-infra:networkStack is set", problem.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void PrivateNetwork_AddsTheBatchHostsEndpoints_EachWithItsConsumerAndSource()
    {
        var plan = VpcEndpointPlan.For(Stack("prod"));
        var publicPlan = VpcEndpointPlan.For(Configs.Load(("notebookDirectInternetAccess", "false")));

        foreach (var service in BatchHostServices)
        {
            var endpoint = Assert.Single(plan, e => e.Service == service && e.Type == VpcEndpointPlan.Interface);
            Assert.Contains(endpoint.Consumers, c => c.Consumer.StartsWith("AWS Batch hosts", StringComparison.Ordinal) && c.Source.StartsWith("https://docs.aws.amazon.com/", StringComparison.Ordinal));
        }

        Assert.Contains(Assert.Single(plan, e => e.Type == VpcEndpointPlan.Gateway).Consumers, c => c.Consumer.StartsWith("AWS Batch hosts", StringComparison.Ordinal));
        Assert.DoesNotContain(publicPlan, e => e.Consumers.Any(c => c.Consumer.StartsWith("AWS Batch hosts", StringComparison.Ordinal)));
        Assert.DoesNotContain(publicPlan, e => e.Service.StartsWith("ecs", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("10.220.0.0/16", 2, 24, 0, "10.220.0.0/24")]
    [InlineData("10.220.0.0/16", 2, 24, 1, "10.220.128.0/24")]
    [InlineData("10.30.0.0/20", 3, 26, 2, "10.30.8.0/26")]
    public void PrivateIsolatedSubnets_TakeTheStartOfEachZonesBlock(string vpc, int zones, int mask, int zone, string expected)
    {
        Assert.Equal(expected, SubnetLayout.PrivateIsolatedSubnet(Ipv4Cidr.TryParse(vpc, out _)!.Value, zones, mask, zone).ToString());
    }

    [Fact]
    public void AttachedPrivateNetwork_PutsTheHostsInItsIsolatedSubnets_AndNeedsTheBatchHostsEndpoints()
    {
        var outputs = ProdOutputs("logs,monitoring,ecs,ecs-agent,ecs-telemetry,ecr.api,ecr.dkr");
        var attacher = Configs.Load("pr7", Configs.Region, ("networkStack", "prod"), ("notebookEnabled", "false"), ("mlflowApp", "off"));

        var network = AttachedNetwork.FromOutputs(attacher, outputs);
        var error = Assert.Throws<InvalidConfigurationException>(() => AttachedNetwork.FromOutputs(attacher, ProdOutputs("logs,monitoring")));

        Assert.Equal(NetworkMode.Private, network.Mode);
        Assert.Equal(["subnet-iso-a", "subnet-iso-b"], network.HostSubnetIds);
        Assert.Contains("ecr.api, ecr.dkr, ecs, ecs-agent, ecs-telemetry", Assert.Single(error.Problems).Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void AttachedNetwork_WithAnUnknownMode_IsRefused()
    {
        var outputs = ProdOutputs("logs,monitoring");
        outputs[NetworkOutputs.NetworkMode] = "hybrid";

        var error = Assert.Throws<InvalidConfigurationException>(() =>
            AttachedNetwork.FromOutputs(Configs.Load("pr7", Configs.Region, ("networkStack", "prod")), outputs));

        Assert.Contains("exports NetworkMode as 'hybrid'", Assert.Single(error.Problems).Rule, StringComparison.Ordinal);
    }

    private static Dictionary<string, object?> ProdOutputs(string services) => new(StringComparer.Ordinal)
    {
        [NetworkOutputs.VpcId] = "vpc-prod",
        [NetworkOutputs.VpcCidr] = "10.220.0.0/16",
        [NetworkOutputs.PublicSubnetIds] = "",
        [NetworkOutputs.PrivateSubnetIds] = "subnet-iso-a,subnet-iso-b",
        [NetworkOutputs.EndpointSecurityGroupId] = "sg-endpoints",
        [NetworkOutputs.InterfaceEndpointServices] = services,
        [NetworkOutputs.Region] = "us-east-1",
        [NetworkOutputs.NetworkOwner] = "prod",
        [NetworkOutputs.NetworkProtected] = true,
        [NetworkOutputs.NetworkMode] = "private",
    };
}

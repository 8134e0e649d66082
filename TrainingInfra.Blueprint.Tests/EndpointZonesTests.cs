using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Network;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

public class EndpointZonesTests
{
    private static readonly string[] VpcZones = ["us-east-1a", "us-east-1b", "us-east-1c"];

    private static Dictionary<string, IReadOnlyList<string>> OfferedEverywhere(PlatformSettings settings) =>
        VpcEndpointPlan.InterfaceServicesNeeded(settings).ToDictionary(s => s, _ => (IReadOnlyList<string>)VpcZones, StringComparer.Ordinal);

    [Theory]
    [InlineData("all", 3)]
    [InlineData("1", 1)]
    [InlineData("2", 2)]
    public void ServiceOfferedEverywhere_TakesTheFirstInterfaceEndpointZones(string zones, int expected)
    {
        var settings = Configs.Load(("availabilityZones", "3"), ("interfaceEndpointZones", zones));

        var placed = EndpointZones.Place(settings, VpcZones, OfferedEverywhere(settings));

        Assert.All(placed.ZonesByService.Values, indices => Assert.Equal(Enumerable.Range(0, expected), indices));
    }

    [Fact]
    public void ServiceMissingFromTheFirstZone_GoesIntoTheZonesThatOfferIt()
    {
        var settings = Configs.Load(("availabilityZones", "3"), ("interfaceEndpointZones", "2"));
        var offered = OfferedEverywhere(settings);
        offered["logs"] = ["us-east-1b", "us-east-1c", "us-east-1d"];

        var placed = EndpointZones.Place(settings, VpcZones, offered);

        Assert.Equal(["isolated-b", "isolated-c"], placed.SubnetsFor("logs", ["isolated-a", "isolated-b", "isolated-c"]));
        Assert.Equal(["isolated-a", "isolated-b"], placed.SubnetsFor("monitoring", ["isolated-a", "isolated-b", "isolated-c"]));
    }

    [Fact]
    public void PlatformServiceInNoVpcZone_IsRefusedNamingTheServiceTheZonesAndWhereItIs()
    {
        var settings = Configs.Load(("availabilityZones", "3"));
        var offered = OfferedEverywhere(settings);
        offered["monitoring"] = ["us-east-1d"];

        var error = Assert.Throws<InvalidConfigurationException>(() => EndpointZones.Place(settings, VpcZones, offered));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("training-infra:availabilityZones", problem.Key);
        Assert.Equal("monitoring", problem.Value);
        Assert.Contains("com.amazonaws.us-east-1.monitoring", problem.Rule, StringComparison.Ordinal);
        Assert.Contains("us-east-1a, us-east-1b, us-east-1c", problem.Rule, StringComparison.Ordinal);
        Assert.Contains("only in us-east-1d", problem.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void TeamServiceInNoVpcZone_IsRefusedOnItsOwnKey_WithEveryOtherMissingService()
    {
        var settings = Configs.Load(("availabilityZones", "3"), ("interfaceEndpointServices", "[\"secretsmanager\"]"));
        var offered = OfferedEverywhere(settings);
        offered["secretsmanager"] = [];
        offered["logs"] = [];

        var error = Assert.Throws<InvalidConfigurationException>(() => EndpointZones.Place(settings, VpcZones, offered));

        Assert.Equal(
            ["training-infra:availabilityZones=logs", "training-infra:interfaceEndpointServices=secretsmanager"],
            error.Problems.Select(p => $"{p.Key}={p.Value}").Order(StringComparer.Ordinal));
        Assert.Contains("in no zone this account sees", error.Message, StringComparison.Ordinal);
    }
}

using Pulumi.Testing;
using TrainingInfra.Testing;
using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests;

/// <summary>Interface endpoints go only where their service is, as the account reports it.</summary>
[Collection(MockRuntimeSuite.Name)]
public class EndpointZoneTests(StackRuns runs)
{
    private const string Endpoint = "aws:ec2/vpcEndpoint:VpcEndpoint";

    private static Task<StackRun> RunWith(string stack, Dictionary<string, IReadOnlyList<string>> zones, params (string Key, string Value)[] overrides) =>
        StackRun.RunAsync(stack, StackConfigFiles.EffectiveConfig(stack, overrides), new CloudMocks(endpointServiceZones: zones));

    private static IReadOnlyList<string> Subnets(StackRun run, string service) =>
        Assert.Single(run.OfType(Endpoint), e => e.Text("serviceName") == $"com.amazonaws.us-east-1.{service}").Strings("subnetIds");

    [Fact]
    public async Task ServiceOfferedEverywhere_TakesTheFirstZonesAsBefore()
    {
        var run = await runs.Get("prod");

        Assert.All(run.OfType(Endpoint).Where(e => e.Text("vpcEndpointType") == "Interface"),
            endpoint => Assert.Equal(CloudMocks.IsolatedSubnets.ToList(), endpoint.Strings("subnetIds")));
    }

    [Fact]
    public async Task ServiceMissingInAZone_GoesOnlyIntoTheIsolatedSubnetsOfZonesThatOfferIt()
    {
        var run = await RunWith("prod", new() { ["logs"] = ["us-east-1b", "us-east-1c"] });

        Assert.Equal("subnet-isolated-b", Assert.Single(Subnets(run, "logs")));
        Assert.Equal(CloudMocks.IsolatedSubnets.ToList(), Subnets(run, "monitoring"));
    }

    [Fact]
    public async Task ServiceInNoZoneOfTheVpc_StopsTheStackBeforeAnyResource_NamingServiceAndZones()
    {
        var mocks = new CloudMocks(endpointServiceZones: new Dictionary<string, IReadOnlyList<string>> { ["monitoring"] = ["us-east-1d"] });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => StackRun.RunAsync("dev", StackConfigFiles.EffectiveConfig("dev", []), mocks));

        Assert.Contains("com.amazonaws.us-east-1.monitoring", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("(us-east-1a, us-east-1b)", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("only in us-east-1d", error.ToString(), StringComparison.Ordinal);
        Assert.All(mocks.Registered, r => Assert.Equal("pulumi:pulumi:Stack", r.Type));
    }
}

using TrainingInfra.Blueprint.Aws;
using TrainingInfra.Blueprint.Network;

namespace TrainingInfra.Blueprint.Tests;

public class NetworkPlanTests
{
    private static readonly AwsRegion Region = AwsRegion.TryParse("eu-west-1", out _)!;

    [Fact]
    public void Endpoints_LetIsolatedTrainingPullImagesShipLogsAndMetrics()
    {
        var services = VpcEndpointPlan.For(Region, interfaceEndpoints: true).Select(e => e.Service).ToList();

        Assert.Subset(services.ToHashSet(), new HashSet<string> { "s3", "ecr.api", "ecr.dkr", "logs", "monitoring", "sts", "sagemaker.api", "sagemaker.runtime" });
        Assert.Equal(services.Count, services.Distinct().Count());
    }

    [Fact]
    public void S3_IsAGatewayEndpoint_AndEveryOtherIsAnInterface()
    {
        var endpoints = VpcEndpointPlan.For(Region, interfaceEndpoints: true);

        Assert.Equal("Gateway", Assert.Single(endpoints, e => e.Service == "s3").Type);
        Assert.All(endpoints.Where(e => e.Service != "s3"), e => Assert.Equal("Interface", e.Type));
    }

    [Fact]
    public void EndpointServiceNames_AreInTheStackRegion()
    {
        Assert.All(VpcEndpointPlan.For(Region, interfaceEndpoints: true), e =>
            Assert.Equal($"com.amazonaws.eu-west-1.{e.Service}", e.ServiceName));
    }

    [Fact]
    public void EveryEndpoint_SaysWhyItIsThere()
    {
        Assert.All(VpcEndpointPlan.For(Region, interfaceEndpoints: true), e => Assert.True(e.Reason.Length > 20, e.Service));
    }

    [Fact]
    public void SwitchingInterfaceEndpointsOff_KeepsOnlyTheFreeS3Gateway()
    {
        var endpoint = Assert.Single(VpcEndpointPlan.For(Region, interfaceEndpoints: false));

        Assert.Equal(("s3", "Gateway"), (endpoint.Service, endpoint.Type));
    }

    [Theory]
    [InlineData("10.220.0.0/16", "10.220.0.0/16")]
    [InlineData("192.168.4.0/22", "192.168.4.0/22")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    public void Cidr_RoundTrips(string text, string expected)
    {
        Assert.Equal(expected, Ipv4Cidr.TryParse(text, out _)!.Value.ToString());
    }

    [Theory]
    [InlineData("10.220.0.0/33")]
    [InlineData("10.220.0.0/")]
    [InlineData("010.220.0.0/16")]
    [InlineData("10.220.0/16")]
    [InlineData("10.220.0.0/+8")]
    [InlineData("a.b.c.d/16")]
    public void MalformedCidr_IsRefusedWithAReason(string text)
    {
        Assert.Null(Ipv4Cidr.TryParse(text, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void TwoZonesOfSlash24_FitTheCdkDesignVpc_ButNotASlash24Vpc()
    {
        Assert.True(SubnetLayout.Fits(Ipv4Cidr.TryParse("10.220.0.0/16", out _)!.Value, 2, 24));
        Assert.False(SubnetLayout.Fits(Ipv4Cidr.TryParse("10.220.0.0/24", out _)!.Value, 2, 24));
    }
}

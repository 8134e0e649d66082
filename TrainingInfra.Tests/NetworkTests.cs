using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests;

public class NetworkTests
{
    private const string AwsxVpc = "awsx:ec2:Vpc";
    private const string Endpoint = "aws:ec2/vpcEndpoint:VpcEndpoint";

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Vpc_HasNoNatGateway_AndTwoZonesOfPublicAndIsolatedSlash24Subnets(string stack)
    {
        var vpc = Assert.Single((await StackRun.OfStackFile(stack)).OfType(AwsxVpc));

        Assert.Equal("10.220.0.0/16", vpc.Text("cidrBlock"));
        Assert.Equal(2.0, vpc.Number("numberOfAvailabilityZones"));
        Assert.Equal("None", vpc.Map("natGateways")["strategy"]);
        Assert.Equal("Auto", vpc.Text("subnetStrategy"));
        var specs = vpc.List("subnetSpecs").Select(s => s.AsMap()).ToList();
        Assert.Equal(
            [("Public", "Public", 24.0), ("Isolated", "Private", 24.0)],
            specs.Select(s => ((string)s["type"], (string)s["name"], (double)s["cidrMask"])));
    }

    [Fact]
    public async Task Vpc_IsNamedAfterTheSuffix_SoStacksInOneAccountCanBeToldApart()
    {
        var vpc = Assert.Single((await StackRun.OfStackFile("dev")).OfType(AwsxVpc));

        Assert.Equal("training-vpc-dev", vpc.Name);
    }

    [Fact]
    public async Task S3GatewayEndpoint_IsAttachedByTheAutoStrategy_ToTheRouteTables()
    {
        var vpc = Assert.Single((await StackRun.OfStackFile("dev")).OfType(AwsxVpc));

        Assert.Equal("Auto", vpc.Text("vpcEndpointStrategy"));
        var gateway = Assert.Single(vpc.List("vpcEndpointSpecs").Select(s => s.AsMap()));
        Assert.Equal("com.amazonaws.us-east-1.s3", gateway["serviceName"]);
        Assert.Equal("Gateway", gateway["vpcEndpointType"]);
        Assert.False(gateway.ContainsKey("routeTableIds"));
    }

    [Fact]
    public async Task Vpc_ResolvesPrivateDnsNames()
    {
        var vpc = Assert.Single((await StackRun.OfStackFile("dev")).OfType(AwsxVpc));

        Assert.True(vpc.Flag("enableDnsHostnames"));
        Assert.True(vpc.Flag("enableDnsSupport"));
    }

    [Fact]
    public async Task InterfaceEndpoints_CoverEcrLogsMetricsStsAndSageMaker_InTheIsolatedSubnets()
    {
        var endpoints = (await StackRun.OfStackFile("dev")).OfType(Endpoint);

        Assert.Equal(
            ["ecr.api", "ecr.dkr", "logs", "monitoring", "sagemaker.api", "sagemaker.runtime", "sts"],
            endpoints.Select(e => e.Text("serviceName")!["com.amazonaws.us-east-1.".Length..]).Order(StringComparer.Ordinal));
        Assert.All(endpoints, e =>
        {
            Assert.Equal("Interface", e.Text("vpcEndpointType"));
            Assert.True(e.Flag("privateDnsEnabled"));
            Assert.Equal(CloudMocks.IsolatedSubnets, e.Strings("subnetIds"));
            Assert.Equal("vpc-training", e.Text("vpcId"));
        });
    }

    [Fact]
    public async Task InterfaceEndpoints_AdmitOnlyHttpsFromTheVpc()
    {
        var run = await StackRun.OfStackFile("dev");
        var group = run.Named("aws:ec2/securityGroup:SecurityGroup", "vpc-endpoints");
        var rule = Assert.Single(run.OfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"), r => r.Text("securityGroupId") == $"{group.Name}_id");

        Assert.Equal($"{group.Name}_id", rule.Text("securityGroupId"));
        Assert.Equal(("tcp", 443.0, 443.0, "10.220.0.0/16"), (rule.Text("ipProtocol"), rule.Number("fromPort"), rule.Number("toPort"), rule.Text("cidrIpv4")));
        Assert.False(group.Inputs.ContainsKey("ingress"));
        Assert.All(run.OfType(Endpoint), e => Assert.Equal([$"{group.Name}_id"], e.Strings("securityGroupIds")));
    }

    [Fact]
    public async Task PrStack_LeavesOutTheHourlyInterfaceEndpoints_ButKeepsTheS3Gateway()
    {
        var run = await StackRun.OfStackFile("pr");

        Assert.Empty(run.OfType(Endpoint));
        Assert.DoesNotContain(run.OfType("aws:ec2/securityGroup:SecurityGroup"), g => g.Name == "vpc-endpoints");
        Assert.Single(Assert.Single(run.OfType(AwsxVpc)).List("vpcEndpointSpecs"));
    }

    [Fact]
    public async Task ConfiguredNetworkShape_ReachesTheVpc()
    {
        var vpc = Assert.Single((await StackRun.OfStackFile("dev", ("vpcCidr", "10.30.0.0/20"), ("availabilityZones", "3"), ("subnetCidrMask", "26"))).OfType(AwsxVpc));

        Assert.Equal("10.30.0.0/20", vpc.Text("cidrBlock"));
        Assert.Equal(3.0, vpc.Number("numberOfAvailabilityZones"));
        Assert.All(vpc.List("subnetSpecs"), s => Assert.Equal(26.0, s.AsMap()["cidrMask"]));
    }
}

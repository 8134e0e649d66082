using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests;

[Collection(MockRuntimeSuite.Name)]
public class NetworkTests(StackRuns runs)
{
    private const string AwsxVpc = "awsx:ec2:Vpc";
    private const string Endpoint = "aws:ec2/vpcEndpoint:VpcEndpoint";

    [Fact]
    public async Task PublicVpc_HasNoNatGateway_AndTwoZonesOfPublicAndIsolatedSlash24Subnets()
    {
        var vpc = Assert.Single((await runs.Get("dev")).OfType(AwsxVpc));

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
        var vpc = Assert.Single((await runs.Get("dev")).OfType(AwsxVpc));

        Assert.Equal("training-vpc-dev", vpc.Name);
    }

    [Fact]
    public async Task S3GatewayEndpoint_IsAttachedByTheAutoStrategy_ToTheRouteTables()
    {
        var vpc = Assert.Single((await runs.Get("dev")).OfType(AwsxVpc));

        Assert.Equal("Auto", vpc.Text("vpcEndpointStrategy"));
        var gateway = Assert.Single(vpc.List("vpcEndpointSpecs").Select(s => s.AsMap()));
        Assert.Equal("com.amazonaws.us-east-1.s3", gateway["serviceName"]);
        Assert.Equal("Gateway", gateway["vpcEndpointType"]);
        Assert.False(gateway.ContainsKey("routeTableIds"));
    }

    [Fact]
    public async Task Vpc_ResolvesPrivateDnsNames()
    {
        var vpc = Assert.Single((await runs.Get("dev")).OfType(AwsxVpc));

        Assert.True(vpc.Flag("enableDnsHostnames"));
        Assert.True(vpc.Flag("enableDnsSupport"));
    }

    private static List<string> Services(StackRun run) =>
        run.OfType(Endpoint).Select(e => Blueprint.Aws.AwsRegion.EndpointShortName(e.Text("serviceName")!)).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task DevEndpoints_AreWhatVpcModeTrainingCalls_InOneZone()
    {
        // dev's notebook reaches AWS through its own internet access; its training jobs ship logs
        // and metrics through the VPC. Nothing else calls an interface endpoint there.
        var run = await runs.Get("dev");

        Assert.Equal(["logs", "monitoring", "sagemaker.mlflow"], Services(run));
        Assert.All(run.OfType(Endpoint), e =>
        {
            Assert.Equal("Interface", e.Text("vpcEndpointType"));
            Assert.True(e.Flag("privateDnsEnabled"));
            Assert.Equal([CloudMocks.IsolatedSubnets[0]], e.Strings("subnetIds"));
            Assert.Equal("vpc-training", e.Text("vpcId"));
        });
    }

    [Fact]
    public async Task ProdEndpoints_ServeItsOfflineNotebookPrivateBatchHostsAndPackageMirrorToo()
    {
        var run = await runs.Get("prod");

        Assert.Equal(
            ["codeartifact.api", "codeartifact.repositories", "ecr.api", "ecr.dkr", "ecs", "ecs-agent", "ecs-telemetry", "logs", "monitoring", "s3", "sagemaker.api", "sagemaker.mlflow", "sts"],
            Services(run));
    }

    [Fact]
    public async Task DevNotebookWithoutDirectInternet_GetsTheEndpointsItCalls()
    {
        var run = await runs.Get("dev", ("notebookDirectInternetAccess", "false"));

        Assert.Superset(new HashSet<string> { "sagemaker.api", "sts", "ecr.api", "ecr.dkr", "logs", "monitoring" }, Services(run).ToHashSet());
    }

    [Fact]
    public async Task TeamsEndpoints_FromConfig_AreCreatedBesideTheWorkloadsOnes()
    {
        var run = await runs.Get("dev", ("interfaceEndpointServices", "[\"secretsmanager\"]"));

        Assert.Equal(["logs", "monitoring", "sagemaker.mlflow", "secretsmanager"], Services(run));
    }

    [Fact]
    public async Task NetworkOutputs_DescribeWhatOtherStacksAttachTo()
    {
        var run = await runs.Get("dev");
        var outputs = await run.OutputsAsync();

        Assert.Equal("logs,monitoring,sagemaker.mlflow", outputs["InterfaceEndpointServices"]);
        Assert.Equal("dev", outputs["NetworkOwner"]);
        Assert.False((bool)outputs["NetworkProtected"]);
        Assert.Equal("10.220.0.0/16", outputs["VpcCidr"]);
        Assert.Equal(string.Join(",", CloudMocks.PublicSubnets), outputs["PublicSubnetIds"]);
        Assert.Equal($"{run.Named("aws:ec2/securityGroup:SecurityGroup", "vpc-endpoints").Name}_id", outputs["EndpointSecurityGroupId"]);
    }

    [Fact]
    public async Task InterfaceEndpoints_AdmitOnlyHttpsFromTheVpc()
    {
        var run = await runs.Get("dev");
        var group = run.Named("aws:ec2/securityGroup:SecurityGroup", "vpc-endpoints");
        var rule = Assert.Single(run.OfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"), r => r.Text("securityGroupId") == $"{group.Name}_id");

        Assert.Equal($"{group.Name}_id", rule.Text("securityGroupId"));
        Assert.Equal(("tcp", 443.0, 443.0, "10.220.0.0/16"), (rule.Text("ipProtocol"), rule.Number("fromPort"), rule.Number("toPort"), rule.Text("cidrIpv4")));
        Assert.False(group.Inputs.ContainsKey("ingress"));
        Assert.All(run.OfType(Endpoint), e => Assert.Equal([$"{group.Name}_id"], e.Strings("securityGroupIds")));
    }

    [Fact]
    public async Task ConfiguredNetworkShape_ReachesTheVpc()
    {
        var vpc = Assert.Single((await runs.Get("dev", ("vpcCidr", "10.30.0.0/20"), ("availabilityZones", "3"), ("subnetCidrMask", "26"))).OfType(AwsxVpc));

        Assert.Equal("10.30.0.0/20", vpc.Text("cidrBlock"));
        Assert.Equal(3.0, vpc.Number("numberOfAvailabilityZones"));
        Assert.All(vpc.List("subnetSpecs"), s => Assert.Equal(26.0, s.AsMap()["cidrMask"]));
    }

    [Fact]
    public async Task ProdVpc_LogsAllTrafficIntoARetainedLogGroup_ThroughItsOwnRole()
    {
        var run = await runs.Get("prod");
        var flowLog = Assert.Single(run.OfType("aws:ec2/flowLog:FlowLog"));
        var group = run.Named("aws:cloudwatch/logGroup:LogGroup", "vpc-flow-logs");
        var role = run.Named("aws:iam/role:Role", "vpc-flow-logs");

        Assert.Equal(("training-vpc-prod_id", "ALL", "cloud-watch-logs"), (flowLog.Text("vpcId"), flowLog.Text("trafficType"), flowLog.Text("logDestinationType")));
        Assert.Equal($"arn:aws:logs:us-east-1:{CloudMocks.AccountId}:log-group:/aws/vpc/flow-logs/training-vpc-prod", flowLog.Text("logDestination"));
        Assert.Equal($"arn:aws:iam::{CloudMocks.AccountId}:role/vpc-flow-logs-role-prod", flowLog.Text("iamRoleArn"));
        Assert.Equal(365.0, group.Number("retentionInDays"));
        var trust = Assert.Single(role.Json("assumeRolePolicy").GetProperty("Statement").EnumerateArray());
        Assert.Equal("vpc-flow-logs.amazonaws.com", trust.GetProperty("Principal").GetProperty("Service").GetString());
    }

    [Fact]
    public async Task DevVpc_HasNoFlowLogs_UnlessConfigured()
    {
        Assert.Empty((await runs.Get("dev")).OfType("aws:ec2/flowLog:FlowLog"));
        Assert.Single((await runs.Get("dev", ("vpcFlowLogs", "true"))).OfType("aws:ec2/flowLog:FlowLog"));
    }
}

using TrainingInfra.Blueprint.Network;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

public class NetworkPlanTests
{
    private static List<string> InterfaceServices(params (string Key, string Value)[] config) =>
        VpcEndpointPlan.For(Configs.Load("dev", "eu-west-1", config))
            .Where(e => e.Type == VpcEndpointPlan.Interface).Select(e => e.Service).ToList();

    [Fact]
    public void VpcModeTraining_ShipsLogsAndMetricsThroughTheVpc_AndPullsItsImageWithoutIt()
    {
        // With direct internet access the notebook calls nothing through the VPC: what is left is
        // what SageMaker's own processes on a training node send through the job's interfaces
        // (and, with the stack's MLflow App, the job's runs; ExperimentSettingsTests).
        var services = InterfaceServices(("notebookDirectInternetAccess", "true"), ("mlflowApp", "off"));

        Assert.Equal(["logs", "monitoring"], services);
    }

    [Fact]
    public void NotebookWithoutDirectInternet_GetsTheApisItCalls()
    {
        var services = InterfaceServices(("notebookDirectInternetAccess", "false"));

        Assert.Superset(new HashSet<string> { "sagemaker.api", "sts", "logs", "ecr.api", "ecr.dkr" }, services.ToHashSet());
        Assert.Equal(services.Count, services.Distinct().Count());
    }

    [Fact]
    public void NotebookSwitchedOff_NeedsNothingEvenWithoutDirectInternet()
    {
        Assert.Equal(
            InterfaceServices(("notebookDirectInternetAccess", "true")),
            InterfaceServices(("notebookDirectInternetAccess", "false"), ("notebookEnabled", "false")));
    }

    [Fact]
    public void TeamsEndpoints_AreAdded_AndAttributedToTheirCode()
    {
        var endpoints = VpcEndpointPlan.For(Configs.Load(("interfaceEndpointServices", "[\"secretsmanager\",\"logs\"]")));

        var secrets = Assert.Single(endpoints, e => e.Service == "secretsmanager");
        Assert.Equal(VpcEndpointPlan.TeamCode, Assert.Single(secrets.Consumers).Consumer);
        // logs is needed by training jobs as well: one endpoint, both consumers named.
        Assert.Equal(2, Assert.Single(endpoints, e => e.Service == "logs").Consumers.Count);
    }

    [Fact]
    public void S3_IsAGatewayEndpoint_AndEveryOtherIsAnInterface()
    {
        var endpoints = VpcEndpointPlan.For(Configs.Load(("notebookDirectInternetAccess", "false")));

        Assert.Equal("Gateway", Assert.Single(endpoints, e => e.Service == "s3").Type);
        Assert.All(endpoints.Where(e => e.Service != "s3"), e => Assert.Equal("Interface", e.Type));
    }

    [Fact]
    public void EndpointServiceNames_AreInTheStackRegion()
    {
        // SageMaker names the MLflow Apps' service in its own namespace (AwsRegion.EndpointServiceName).
        Assert.All(VpcEndpointPlan.For(Configs.Load("dev", "eu-west-1")), e =>
            Assert.Equal(e.Service == "sagemaker.mlflow" ? "aws.sagemaker.eu-west-1.mlflow" : $"com.amazonaws.eu-west-1.{e.Service}", e.ServiceName));
    }

    [Fact]
    public void EveryEndpoint_NamesWhoCallsIt_AndTheAwsPageThatSaysSo()
    {
        var endpoints = VpcEndpointPlan.For(Configs.Load(("notebookDirectInternetAccess", "false"), ("interfaceEndpointServices", "[\"kms\"]")));

        Assert.All(endpoints, e =>
        {
            Assert.NotEmpty(e.Consumers);
            Assert.All(e.Consumers, c =>
            {
                Assert.Equal(e.Service, c.Service);
                Assert.False(string.IsNullOrWhiteSpace(c.Consumer));
                Assert.True(c.Call.Length > 15, $"{e.Service}: {c.Call}");
                Assert.StartsWith("https://", c.Source, StringComparison.Ordinal);
            });
        });
    }

    [Fact]
    public void DocsEndpointTable_NamesEveryCallerAndItsSource()
    {
        var operations = File.ReadAllText(TrainingInfra.Testing.StackConfigFiles.RepoFile(Path.Combine("docs", "operations.md")));

        Assert.All(VpcEndpointPlan.KnownNeeds, need =>
            Assert.Contains($"| `{need.Service}` | {need.Consumer} | {need.Call} | <{need.Source}> |", operations, StringComparison.Ordinal));
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

using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Network;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>A stack on another stack's network gets that network, or a reason why not before anything exists.</summary>
public class AttachedNetworkTests
{
    private static Dictionary<string, object?> DevOutputs() => new(StringComparer.Ordinal)
    {
        [NetworkOutputs.VpcId] = "vpc-dev",
        [NetworkOutputs.VpcCidr] = "10.220.0.0/16",
        [NetworkOutputs.PublicSubnetIds] = "subnet-pub-a,subnet-pub-b",
        [NetworkOutputs.PrivateSubnetIds] = "subnet-iso-a,subnet-iso-b",
        [NetworkOutputs.EndpointSecurityGroupId] = "sg-endpoints",
        [NetworkOutputs.InterfaceEndpointServices] = "logs,monitoring,sagemaker.mlflow",
        [NetworkOutputs.Region] = "us-east-1",
        [NetworkOutputs.NetworkOwner] = "dev",
        [NetworkOutputs.NetworkProtected] = false,
        [NetworkOutputs.NetworkMode] = "public",
    };

    private static PlatformSettings PerPullRequest(params (string Key, string Value)[] more) =>
        Configs.Load("pr42", Configs.Region, [("networkStack", "dev"), .. more]);

    private static InvalidConfigurationException Refusal(PlatformSettings settings, IReadOnlyDictionary<string, object?> outputs) =>
        Assert.Throws<InvalidConfigurationException>(() => AttachedNetwork.FromOutputs(settings, outputs));

    [Fact]
    public void PerPullRequestStack_GetsDevsVpcSubnetsAndEndpoints()
    {
        var network = AttachedNetwork.FromOutputs(PerPullRequest(), DevOutputs());

        Assert.Equal("vpc-dev", network.VpcId);
        Assert.Equal(["subnet-pub-a", "subnet-pub-b"], network.PublicSubnetIds);
        Assert.Equal(["subnet-iso-a", "subnet-iso-b"], network.IsolatedSubnetIds);
        Assert.Equal(["logs", "monitoring", "sagemaker.mlflow"], network.InterfaceEndpointServices);
        Assert.False(network.OwnerProtected);
    }

    [Fact]
    public void AStackWithAnMlflowApp_NeedsTheMlflowEndpointOnTheNetworkItAttachesTo()
    {
        var outputs = DevOutputs();
        outputs[NetworkOutputs.InterfaceEndpointServices] = "logs,monitoring";

        var error = Refusal(PerPullRequest(), outputs);

        Assert.Contains("sagemaker.mlflow", Assert.Single(error.Problems).Rule, StringComparison.Ordinal);
        Assert.Equal("vpc-dev", AttachedNetwork.FromOutputs(PerPullRequest(("mlflowApp", "off")), outputs).VpcId);
    }

    [Fact]
    public void ListOutputs_AreReadAsListsToo()
    {
        var outputs = DevOutputs();
        outputs[NetworkOutputs.PrivateSubnetIds] = new object[] { "subnet-iso-a", "subnet-iso-b" };

        Assert.Equal(["subnet-iso-a", "subnet-iso-b"], AttachedNetwork.FromOutputs(PerPullRequest(), outputs).IsolatedSubnetIds);
    }

    [Fact]
    public void MissingOutputs_AreEachNamed_WithTheStack()
    {
        var outputs = DevOutputs();
        outputs.Remove(NetworkOutputs.VpcCidr);
        outputs.Remove(NetworkOutputs.EndpointSecurityGroupId);

        var error = Refusal(PerPullRequest(), outputs);

        Assert.Equal(2, error.Problems.Count);
        Assert.All(error.Problems, p => Assert.Equal(("training-infra:networkStack", "dev"), (p.Key, p.Value)));
        Assert.Contains(error.Problems, p => p.Rule.Contains("'dev' does not export the output VpcCidr", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Rule.Contains("'dev' does not export the output EndpointSecurityGroupId", StringComparison.Ordinal));
    }

    [Fact]
    public void ProtectedStack_CannotAttachToAnEphemeralStacksNetwork()
    {
        var prod = Configs.Load("prod", Configs.Region, ("networkStack", "dev"), ("protected", "true"));

        var problem = Assert.Single(Refusal(prod, DevOutputs()).Problems);

        Assert.Contains("destroying 'dev' would pull the network out from under this stack", problem.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void ProtectedStack_MayAttachToAProtectedStacksNetwork()
    {
        var outputs = DevOutputs();
        outputs[NetworkOutputs.NetworkOwner] = "network";
        outputs[NetworkOutputs.NetworkProtected] = true;
        var prod = Configs.Load("prod", Configs.Region, ("networkStack", "network"), ("protected", "true"));

        Assert.True(AttachedNetwork.FromOutputs(prod, outputs).OwnerProtected);
    }

    [Fact]
    public void ANetworkThatIsItselfBorrowed_IsRefused_NamingItsOwner()
    {
        var outputs = DevOutputs();
        outputs[NetworkOutputs.NetworkOwner] = "shared";

        var problem = Assert.Single(Refusal(PerPullRequest(), outputs).Problems);

        Assert.Contains("attach to 'shared' directly", problem.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void ANetworkInAnotherRegion_IsRefused()
    {
        var settings = Configs.Load("pr42", "eu-west-1", ("networkStack", "dev"));

        var problem = Assert.Single(Refusal(settings, DevOutputs()).Problems);

        Assert.Contains("us-east-1", problem.Rule, StringComparison.Ordinal);
        Assert.Contains("eu-west-1", problem.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void EndpointsTheStackNeeds_MustBeInTheNetwork()
    {
        var settings = PerPullRequest(("notebookDirectInternetAccess", "false"), ("interfaceEndpointServices", "[\"secretsmanager\"]"));

        var problem = Assert.Single(Refusal(settings, DevOutputs()).Problems);

        foreach (var service in new[] { "sagemaker.api", "sts", "ecr.api", "ecr.dkr", "secretsmanager" })
        {
            Assert.Contains(service, problem.Rule, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("monitoring", problem.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev", "organization", "organization/training-infra/dev")]
    [InlineData("dev", "acme", "acme/training-infra/dev")]
    [InlineData("acme/training-infra/network", "organization", "acme/training-infra/network")]
    public void ReferenceName_IsFullyQualified(string networkStack, string organization, string expected)
    {
        Assert.Equal(expected, AttachedNetwork.ReferenceName(networkStack, organization));
    }
}

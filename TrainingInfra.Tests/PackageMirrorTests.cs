using System.Text;
using TrainingInfra.Blueprint.Packages;
using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests;

/// <summary>
/// The stack's PyPI mirror under the mock runtime: prod (private) has it with the endpoints its
/// readers need, dev only when configured; the notebook and the Batch jobs read it with their own
/// roles, and nothing the stack writes holds a token.
/// </summary>
[Collection(MockRuntimeSuite.Name)]
public class PackageMirrorTests(StackRuns runs)
{
    private const string Domain = "aws:codeartifact/domain:Domain";
    private const string Repository = "aws:codeartifact/repository:Repository";
    private const string Endpoint = "aws:ec2/vpcEndpoint:VpcEndpoint";
    private const string RolePolicy = "aws:iam/rolePolicy:RolePolicy";

    [Fact]
    public async Task Prod_RegistersADomainAndARepositoryThatMirrorsPublicPyPi()
    {
        var run = await runs.Get("prod");

        var domain = Assert.Single(run.OfType(Domain));
        var repository = Assert.Single(run.OfType(Repository));
        Assert.Equal("training-pypi-prod", domain.Text("domain"));
        Assert.Equal("pypi-mirror-prod", repository.Text("repository"));
        Assert.Equal("training-pypi-prod", repository.Text("domain"));
        Assert.Equal("public:pypi", repository.Map("externalConnections")["externalConnectionName"]);
    }

    [Fact]
    public async Task Prod_EncryptsTheDomainWithTheStacksDataKey()
    {
        var run = await runs.Get("prod");
        var keyArns = run.OfType("aws:kms/key:Key").Select(k => (string)run.States[(k.Type!, k.Name!)]["arn"]).ToList();

        Assert.Contains(Assert.Single(run.OfType(Domain)).Text("encryptionKey"), keyArns);
    }

    [Fact]
    public async Task Prod_HasBothCodeArtifactEndpoints_WithPrivateDns()
    {
        var run = await runs.Get("prod");

        foreach (var service in new[] { "codeartifact.api", "codeartifact.repositories" })
        {
            var endpoint = Assert.Single(run.OfType(Endpoint), e => e.Text("serviceName") == $"com.amazonaws.us-east-1.{service}");
            Assert.Equal("Interface", endpoint.Text("vpcEndpointType"));
            Assert.Equal(true, endpoint.Flag("privateDnsEnabled"));
            Assert.NotEmpty(endpoint.Strings("subnetIds"));
        }
    }

    [Fact]
    public async Task Dev_HasNoMirror_UnlessConfigured()
    {
        var plain = await runs.Get("dev");
        var configured = await runs.Get("dev", ("packageMirror", "on"));

        Assert.Empty(plain.OfType(Domain));
        Assert.Empty(plain.OfType(Repository));
        Assert.DoesNotContain(plain.OfType(Endpoint), e => e.Text("serviceName")!.Contains("codeartifact", StringComparison.Ordinal));
        Assert.Single(configured.OfType(Domain));
        Assert.Single(configured.OfType(Repository));
        Assert.Null(Assert.Single(configured.OfType(Domain)).Get("encryptionKey"));
    }

    [Theory]
    [InlineData("notebook-role-package-mirror")]
    [InlineData("batch-job-role-package-mirror")]
    public async Task Prod_NotebookAndJobRoles_ReadExactlyThisStacksMirror(string policyName)
    {
        var run = await runs.Get("prod");
        var domainArn = (string)run.States[(Domain, "package-domain")]["arn"];
        var repositoryArn = (string)run.States[(Repository, "package-repository")]["arn"];

        var policy = run.Named(RolePolicy, policyName);
        Assert.Equal(PackageMirror.ReaderPolicy(domainArn, repositoryArn), policy.Text("policy"));
        Assert.Equal(PackageMirror.ReaderPolicyName, policy.Text("name"));
    }

    [Fact]
    public async Task Prod_JobDefinitionNamesTheMirror_AndHoldsNoToken()
    {
        var run = await runs.Get("prod");
        var container = Assert.Single(run.OfType("aws:batch/jobDefinition:JobDefinition")).Text("containerProperties")!;

        Assert.All(PackageMirror.JobEnvironmentNames, name => Assert.Contains($"\"{name}\"", container, StringComparison.Ordinal));
        Assert.DoesNotContain("token", container, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(run.OfType("aws:ec2/launchTemplate:LaunchTemplate"), t => t.Text("userData") is not null);
    }

    [Fact]
    public async Task Prod_NotebookStartPointsPipAtTheMirror()
    {
        var run = await runs.Get("prod");
        var lifecycle = Assert.Single(run.OfType("aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration"));
        var script = Encoding.UTF8.GetString(Convert.FromBase64String(lifecycle.Text("onStart")!));

        Assert.Contains("--domain training-pypi-prod --domain-owner 111122223333 --region us-east-1", script, StringComparison.Ordinal);
        Assert.Contains("training-pypi-prod-111122223333.d.codeartifact.us-east-1.amazonaws.com/pypi/pypi-mirror-prod/simple/", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prod_MirrorIsNotProtected_ItHoldsOnlyCopiesOfPublicPackages()
    {
        var run = await runs.Get("prod");

        Assert.NotEqual(true, run.Options[(Domain, "package-domain")].Protect);
        Assert.NotEqual(true, run.Options[(Repository, "package-repository")].Protect);
    }
}

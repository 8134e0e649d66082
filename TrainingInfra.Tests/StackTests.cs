using System.Reflection;
using Pulumi;
using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests;

[Collection(MockRuntimeSuite.Name)]
public class StackTests(StackRuns runs)
{
    [Theory]
    [InlineData("dev")]
    [InlineData("pr")]
    [InlineData("prod")]
    public async Task Outputs_KeepTheCdkDesignNames_AndResolve(string stack)
    {
        var outputs = (await runs.Get(stack)).Stack;

        Assert.Equal(stack, await StackRun.Value(outputs.EnvironmentSuffix));
        Assert.Equal("us-east-1", await StackRun.Value(outputs.Region));
        // prod's private network is built from plain EC2 resources, whose mock ids are "<name>_id".
        Assert.Equal(stack == "prod" ? "training-vpc-prod_id" : "vpc-training", await StackRun.Value(outputs.VpcId));
        Assert.Equal($"training-datasets-{stack}-{CloudMocks.AccountId}", await StackRun.Value(outputs.DatasetBucketName));
        Assert.Equal($"model-artifacts-{stack}-{CloudMocks.AccountId}", await StackRun.Value(outputs.ModelBucketName));
        Assert.Equal($"{CloudMocks.AccountId}.dkr.ecr.us-east-1.amazonaws.com/training-containers-{stack}", await StackRun.Value(outputs.EcrRepositoryUri));
    }

    [Fact]
    public async Task PrivateSubnetIds_AreTheIsolatedSubnets_CommaSeparated()
    {
        var outputs = (await runs.Get("dev")).Stack;

        Assert.Equal(string.Join(",", CloudMocks.IsolatedSubnets), await StackRun.Value(outputs.PrivateSubnetIds));
    }

    [Fact]
    public void OutputNames_AreTheCdkDesigns()
    {
        var names = typeof(TrainingStack).GetProperties()
            .Select(p => p.GetCustomAttribute<OutputAttribute>()?.Name)
            .OfType<string>();

        Assert.Superset(
            new HashSet<string>
            {
                "EnvironmentSuffix", "Region", "VpcId", "PrivateSubnetIds", "DatasetBucketName", "ModelBucketName", "ECRRepositoryUri",
                "NotebookInstanceName", "TrainingRoleArn", "TrainingJobConfig", "ComputeEnvironmentArn", "JobQueueArn", "JobDefinitionArn",
                "LogGroupName", "DashboardName",
            },
            new HashSet<string>(names));
    }

    [Fact]
    public async Task PerPullRequestStack_TakesItsStackNameAsSuffix()
    {
        var run = await runs.Get("pr");
        var suffix = await StackRun.Value(run.Stack.EnvironmentSuffix);

        Assert.Equal("pr", suffix);
        Assert.Equal("training-containers-pr", Assert.Single(run.OfType("aws:ecr/repository:Repository")).Text("name"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task EveryTaggableResource_CarriesProjectEnvironmentAndManagedBy(string stack)
    {
        var run = await runs.Get(stack, ("tags", "[\"CostCenter=ml-42\"]"));

        var taggable = run.Registered.Where(r => Taggability.HasTagsInput(r.Type!)).ToList();
        Assert.NotEmpty(taggable);
        Assert.All(taggable, resource =>
        {
            var tags = resource.Map("tags");
            Assert.True(tags.Count > 0, $"{resource.Type} {resource.Name} has no tags");
            Assert.Equal("training-infra", tags["Project"]);
            Assert.Equal(stack, tags["Environment"]);
            Assert.Equal("pulumi", tags["ManagedBy"]);
            Assert.Equal("ml-42", tags["CostCenter"]);
        });
    }

    [Fact]
    public async Task InvalidConfig_StopsTheStackBeforeAnyResource_ListingEveryProblem()
    {
        var (error, registered) = await StackRun.Refusal("dev", ("vpcCidr", "10.0.0.0/33"), ("batchBidPercentage", "0"), ("colour", "blue"));

        var message = error.ToString();
        Assert.Contains("training-infra:vpcCidr = '10.0.0.0/33'", message, StringComparison.Ordinal);
        Assert.Contains("training-infra:batchBidPercentage = '0'", message, StringComparison.Ordinal);
        Assert.Contains("training-infra:colour = 'blue'", message, StringComparison.Ordinal);
        Assert.DoesNotContain(registered, r => r.Type != "pulumi:pulumi:Stack");
    }
}

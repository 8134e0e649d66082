using TrainingInfra.Blueprint.Aws;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Experiments;
using TrainingInfra.Blueprint.Network;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>Where a stack gets an MLflow App, and what having one asks of its network.</summary>
public class ExperimentSettingsTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("pr")]
    [InlineData("prod")]
    public void CommercialStacks_HaveAnAppByDefault(string stack)
    {
        Assert.True(Configs.Load(stack, Configs.Region).Experiments.MlflowApp);
    }

    [Fact]
    public void GovCloudStack_HasNoAppByDefault_AndCannotAskForOne()
    {
        Assert.False(Configs.Load("dev", "us-gov-west-1").Experiments.MlflowApp);

        var problem = Assert.Single(Configs.Problems("dev", "us-gov-west-1", ("mlflowApp", "on")));
        Assert.Equal("training-infra:mlflowApp", problem.Key);
        Assert.Contains("GovCloud", problem.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void AutomaticRegistration_WithoutAnApp_IsRefused()
    {
        var problem = Assert.Single(Configs.Problems(("mlflowApp", "off"), ("mlflowAutoModelRegistration", "true")));

        Assert.Equal("training-infra:mlflowAutoModelRegistration", problem.Key);
    }

    [Fact]
    public void TheApp_TakesTheMlflowEndpoint_WhichSageMakerNamesInItsOwnNamespace()
    {
        var withApp = VpcEndpointPlan.For(Configs.Load());
        var without = VpcEndpointPlan.For(Configs.Load(("mlflowApp", "off")));

        var endpoint = Assert.Single(withApp, e => e.Service == MlflowTracking.EndpointService);
        Assert.Equal("aws.sagemaker.us-east-1.mlflow", endpoint.ServiceName);
        Assert.DoesNotContain(without, e => e.Service == MlflowTracking.EndpointService);
    }

    [Fact]
    public void AnOfflineNotebook_IsAConsumerOfTheMlflowEndpointToo()
    {
        var settings = Configs.Load(("notebookDirectInternetAccess", "false"));

        var endpoint = Assert.Single(VpcEndpointPlan.For(settings), e => e.Service == MlflowTracking.EndpointService);
        Assert.Equal(2, endpoint.Consumers.Count);
    }

    [Fact]
    public void EveryOtherService_KeepsTheComAmazonawsName()
    {
        var region = AwsRegion.TryParse("eu-west-1", out _)!;

        Assert.Equal("com.amazonaws.eu-west-1.sagemaker.api", region.EndpointServiceName("sagemaker.api"));
    }
}

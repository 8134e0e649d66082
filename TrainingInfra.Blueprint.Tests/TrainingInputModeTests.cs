using TrainingInfra.Blueprint.SageMaker;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>trainingInputMode: File unless a stack asks for another mode the API knows, carried into the request.</summary>
public class TrainingInputModeTests
{
    private static string ModeOf(params (string Key, string Value)[] config)
    {
        var request = new TrainingJobRequest(Configs.Load(config).Training, "arn:aws:iam::111122223333:role/training-job-role-dev", "sg-1", ["subnet-1"],
            "model-artifacts-dev-111122223333", "training-datasets-dev-111122223333", "111122223333.dkr.ecr.us-east-1.amazonaws.com/training-containers-dev", null).ToJson();
        return System.Text.Json.JsonDocument.Parse(request).RootElement.GetProperty("AlgorithmSpecification").GetProperty("TrainingInputMode").GetString()!;
    }

    [Fact]
    public void ByDefault_TheDatasetIsCopiedBeforeTheContainerStarts()
    {
        Assert.Equal("File", ModeOf());
    }

    [Theory]
    [InlineData("FastFile")]
    [InlineData("Pipe")]
    public void AStackMayAskForAnotherMode_AndTheRequestCarriesIt(string mode)
    {
        Assert.Equal(mode, ModeOf(("trainingInputMode", mode)));
    }

    [Fact]
    public void AModeTheApiDoesNotKnow_IsRefusedNamingTheThree()
    {
        var problem = Assert.Single(Configs.Problems(("trainingInputMode", "Stream")));

        Assert.Equal(("training-infra:trainingInputMode", "Stream"), (problem.Key, problem.Value));
        Assert.Contains("File, FastFile, Pipe", problem.Rule, StringComparison.Ordinal);
    }
}

using System.Text.Json.Nodes;
using TrainingInfra.Blueprint.SageMaker;
using TrainingInfra.Blueprint.Tests.Scripts.RealCli;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>
/// TrainingJobConfig with the stack's MLflow App and model package group, checked against the
/// CreateTrainingJob model of the botocore that the machine's AWS CLI v1 carries (the aws-sdk v2
/// models predate these members): known members only, every required one, each value within its
/// type, length and pattern.
/// </summary>
public class TrainingJobRegistryConfigTests
{
    private const string App = "arn:aws:sagemaker:us-east-1:111122223333:mlflow-app/app-ABCDEF123456";
    private const string Group = "arn:aws:sagemaker:us-east-1:111122223333:model-package-group/training-models-dev";

    private static JsonObject Request(string? app, string? group, string? dataKey = null)
    {
        var request = JsonNode.Parse(new TrainingJobRequest(
            Configs.Load().Training, "arn:aws:iam::111122223333:role/training-job-role-dev", "sg-0123456789abcdef0", ["subnet-0123456789abcdef0"],
            "model-artifacts-dev-111122223333", "training-datasets-dev-111122223333",
            "111122223333.dkr.ecr.us-east-1.amazonaws.com/training-containers-dev", dataKey)
        {
            Tags = new Dictionary<string, string> { ["Project"] = "training-infra", ["Environment"] = "dev" },
            MlflowAppArn = app,
            MlflowExperimentName = app is null ? null : "training-jobs-dev",
            ModelPackageGroupArn = group,
        }.ToJson())!.AsObject();
        // What start-training-job.sh adds.
        request["TrainingJobName"] = "dev-resnet-01";
        request["MlflowConfig"]?.AsObject().Add("MlflowRunName", "dev-resnet-01");
        return request;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("arn:aws:kms:us-east-1:111122223333:key/0f1e2d3c-aaaa-bbbb-cccc-111122223333")]
    public void TheWholeRequest_FitsTheCurrentCreateTrainingJobModel(string? dataKey)
    {
        var request = Request(App, Group, dataKey);

        Assert.Empty(BotocoreModel.Of("sagemaker", "2017-07-24").RequestProblems("CreateTrainingJob", request));
        Assert.Equal(App, (string?)request["MlflowConfig"]!["MlflowResourceArn"]);
        Assert.Equal(Group, (string?)request["ModelPackageConfig"]!["ModelPackageGroupArn"]);
    }

    [Fact]
    public void AGroupArnTheModelRefuses_IsFound()
    {
        // The check above can fail: a name where the model wants an ARN does not fit its pattern.
        Assert.NotEmpty(BotocoreModel.Of("sagemaker", "2017-07-24").RequestProblems("CreateTrainingJob", Request(App, "training-models-dev")));
    }

    [Fact]
    public void WithoutAnApp_TheRequestCarriesNoMlflowConfig_ButStillRegistersTheModel()
    {
        var request = Request(null, Group);

        Assert.Null(request["MlflowConfig"]);
        Assert.Equal(Group, (string?)request["ModelPackageConfig"]!["ModelPackageGroupArn"]);
    }

    [Fact]
    public void AnAppWithoutAnExperiment_IsRefused()
    {
        var request = new TrainingJobRequest(Configs.Load().Training, "arn:aws:iam::111122223333:role/r", "sg-1", ["subnet-a"], "m", "d", "r", null)
        {
            MlflowAppArn = App,
        };

        Assert.Throws<ArgumentException>(request.ToJson);
    }
}

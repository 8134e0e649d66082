using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Experiments;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>
/// Who can reach which MLflow App and model registry, asked of the policy evaluator with the
/// policies the stacks' roles carry: a stack's jobs and notebook reach its own app and group only,
/// register models that wait for a person's approval, and approve none.
/// </summary>
public class ExperimentAccessTests
{
    private const string Account = "111122223333";
    private const string DevApp = "arn:aws:sagemaker:us-east-1:111122223333:mlflow-app/app-DEV0000001";
    private const string ProdApp = "arn:aws:sagemaker:us-east-1:111122223333:mlflow-app/app-PROD000001";
    private const string ModelBucket = "arn:aws:s3:::model-artifacts-dev-111122223333";

    private static string Package(string suffix, int version = 1) =>
        $"arn:aws:sagemaker:us-east-1:{Account}:model-package/training-models-{suffix}/{version}";

    private static string[] Client(string stack, bool notebook = false, string? app = DevApp, params (string Key, string Value)[] config) =>
        [ExperimentPolicies.Client(Configs.Load(stack, Configs.Region, config), Account, app, notebook)];

    private static Dictionary<string, string> TagsOf(string suffix) =>
        new() { ["aws:ResourceTag/Project"] = SettingKeys.ProjectName, ["aws:ResourceTag/Environment"] = suffix };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AJobOrNotebookOfDev_LogsToDevsMlflowApp_AndCannotLogToProds(bool notebook)
    {
        var dev = Client("dev", notebook);

        Assert.True(PolicyEvaluator.IsAllowed(dev, "sagemaker:CallMlflowAppApi", DevApp));
        Assert.False(PolicyEvaluator.IsAllowed(dev, "sagemaker:CallMlflowAppApi", ProdApp));
        Assert.True(PolicyEvaluator.IsAllowed(dev, "sagemaker-mlflow:LogMetric", DevApp, TagsOf("dev")));
        Assert.False(PolicyEvaluator.IsAllowed(dev, "sagemaker-mlflow:LogMetric", ProdApp, TagsOf("prod")));
        Assert.False(PolicyEvaluator.IsAllowed(dev, "sagemaker-mlflow:LogMetric", ProdApp));
    }

    [Fact]
    public void NoClient_DeletesExperimentsRunsOrRegisteredModels()
    {
        var notebook = Client("dev", notebook: true);

        Assert.All(
            ["sagemaker-mlflow:DeleteExperiment", "sagemaker-mlflow:DeleteRun", "sagemaker-mlflow:DeleteRegisteredModel", "sagemaker:DeleteMlflowApp"],
            action => Assert.False(PolicyEvaluator.IsAllowed(notebook, action, DevApp, TagsOf("dev"))));
    }

    [Fact]
    public void OnlyTheNotebook_OpensTheAppsUi()
    {
        Assert.True(PolicyEvaluator.IsAllowed(Client("dev", notebook: true), "sagemaker:CreatePresignedMlflowAppUrl", DevApp));
        Assert.False(PolicyEvaluator.IsAllowed(Client("dev"), "sagemaker:CreatePresignedMlflowAppUrl", DevApp));
    }

    [Fact]
    public void WithoutAnApp_NoMlflowAccessIsGranted()
    {
        var dev = Client("dev", notebook: true, app: null);

        Assert.False(PolicyEvaluator.IsAllowed(dev, "sagemaker:CallMlflowAppApi", DevApp));
        Assert.False(PolicyEvaluator.IsAllowed(dev, "sagemaker-mlflow:LogMetric", DevApp, TagsOf("dev")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AJobRegistersItsModelPendingApproval_InItsOwnGroupOnly(bool notebook)
    {
        var dev = Client("dev", notebook);
        Dictionary<string, string> Status(string status) => new() { ["sagemaker:ModelApprovalStatus"] = status };

        Assert.True(PolicyEvaluator.IsAllowed(dev, "sagemaker:CreateModelPackage", Package("dev"), Status("PendingManualApproval")));
        Assert.True(PolicyEvaluator.IsAllowed(dev, "sagemaker:CreateModelPackage", Package("dev")));
        Assert.False(PolicyEvaluator.IsAllowed(dev, "sagemaker:CreateModelPackage", Package("dev"), Status("Approved")));
        Assert.False(PolicyEvaluator.IsAllowed(dev, "sagemaker:CreateModelPackage", Package("prod"), Status("PendingManualApproval")));
    }

    [Fact]
    public void NoClient_ApprovesOrDeletesAModel()
    {
        var notebook = Client("dev", notebook: true);

        Assert.False(PolicyEvaluator.IsAllowed(notebook, "sagemaker:UpdateModelPackage", Package("dev")));
        Assert.False(PolicyEvaluator.IsAllowed(notebook, "sagemaker:DeleteModelPackage", Package("dev")));
        Assert.False(PolicyEvaluator.IsAllowed(notebook, "sagemaker:DeleteModelPackageGroup",
            $"arn:aws:sagemaker:us-east-1:{Account}:model-package-group/training-models-dev"));
    }

    [Fact]
    public void PerPrStack_CannotRegisterIntoTheGroupOfAStackWhoseSuffixStartsLikeIts()
    {
        var pr1 = Client("pr1", app: null);

        Assert.True(PolicyEvaluator.IsAllowed(pr1, "sagemaker:CreateModelPackage", Package("pr1")));
        Assert.False(PolicyEvaluator.IsAllowed(pr1, "sagemaker:CreateModelPackage", Package("pr12")));
    }

    [Fact]
    public void TheAppsRole_ReadsAndWritesItsArtifactStore_AndNoOtherData()
    {
        string[] app = [ExperimentPolicies.App(Configs.Load(), Account, ModelBucket, dataKeyArn: null)];

        Assert.True(PolicyEvaluator.IsAllowed(app, "s3:PutObject", $"{ModelBucket}/mlflow/1/run/artifacts/model.pkl"));
        Assert.True(PolicyEvaluator.IsAllowed(app, "s3:GetObject", $"{ModelBucket}/mlflow/1/run/artifacts/model.pkl"));
        Assert.False(PolicyEvaluator.IsAllowed(app, "s3:GetObject", $"{ModelBucket}/output/job-1/output/model.tar.gz"));
        Assert.False(PolicyEvaluator.IsAllowed(app, "s3:GetObject", "arn:aws:s3:::training-datasets-dev-111122223333/training/data.csv"));
        Assert.False(PolicyEvaluator.IsAllowed(app, "s3:PutObject", "arn:aws:s3:::model-artifacts-prod-111122223333/mlflow/x"));
    }

    [Theory]
    [InlineData("pr1", "churn-pr1-a1b2c3", true)]
    [InlineData("pr1", "churn-pr12-a1b2c3", false)]
    [InlineData("pr1", "churn-a1b2c3", false)]
    [InlineData("dev", "churn-prod-a1b2c3", false)]
    public void WithAutomaticRegistration_TheAppRegistersOnlyModelsNamedForItsStack(string stack, string group, bool allowed)
    {
        string[] app = [ExperimentPolicies.App(Configs.Load(stack, Configs.Region, ("mlflowAutoModelRegistration", "true")), Account, ModelBucket, null)];

        Assert.Equal(allowed, PolicyEvaluator.IsAllowed(app, "sagemaker:CreateModelPackageGroup",
            $"arn:aws:sagemaker:us-east-1:{Account}:model-package-group/{group}"));
        Assert.Equal(allowed, PolicyEvaluator.IsAllowed(app, "sagemaker:CreateModelPackage",
            $"arn:aws:sagemaker:us-east-1:{Account}:model-package/{group}/1"));
    }

    [Fact]
    public void WithoutAutomaticRegistration_TheAppTouchesNoRegistry()
    {
        string[] app = [ExperimentPolicies.App(Configs.Load(), Account, ModelBucket, null)];

        Assert.False(PolicyEvaluator.IsAllowed(app, "sagemaker:CreateModelPackageGroup",
            $"arn:aws:sagemaker:us-east-1:{Account}:model-package-group/churn-dev-a1b2c3"));
    }
}

using System.Text.Json.Nodes;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Encryption;
using TrainingInfra.Blueprint.Policies;
using TrainingInfra.Blueprint.SageMaker;
using TrainingInfra.Blueprint.Storage;

namespace TrainingInfra.Blueprint.Experiments;

/// <summary>
/// Who may use the stack's MLflow App and model registry: the app's own role, and the clients (the
/// training and notebook roles). Facts from "Set up IAM permissions for MLflow Apps"
/// (https://docs.aws.amazon.com/sagemaker/latest/dg/mlflow-app-setup-prerequisites-iam.html) and the
/// Service Authorization Reference for sagemaker and sagemaker-mlflow, read 2026-12-05: an app's
/// ARN is <c>mlflow-app/{app id}</c>, known once it exists; its data-plane calls are authorised as
/// <c>sagemaker:CallMlflowAppApi</c>; the sagemaker-mlflow actions name only tracking servers as
/// their resource, with <c>aws:ResourceTag</c> as their condition key.
/// </summary>
public static class ExperimentPolicies
{
    /// <summary>The inline policy of the app's role.</summary>
    public const string AppPolicyName = "mlflow-artifact-store";

    /// <summary>The inline policy of the training and notebook roles.</summary>
    public const string ClientPolicyName = "experiments-and-model-registry";

    /// <summary>What the app's clients call on it: its API, and its description.</summary>
    public static IReadOnlyList<string> AppClientActions { get; } = ["sagemaker:CallMlflowAppApi", "sagemaker:DescribeMlflowApp"];

    /// <summary>
    /// The sagemaker-mlflow actions a run logger and a reader need, none of the deletes, renames or
    /// stage transitions. They are held to this stack's tags, the only scope their service offers.
    /// </summary>
    public static IReadOnlyList<string> MlflowApiActions { get; } =
    [
        "sagemaker-mlflow:CreateExperiment", "sagemaker-mlflow:GetExperiment", "sagemaker-mlflow:GetExperimentByName",
        "sagemaker-mlflow:SearchExperiments", "sagemaker-mlflow:CreateRun", "sagemaker-mlflow:UpdateRun",
        "sagemaker-mlflow:GetRun", "sagemaker-mlflow:SearchRuns", "sagemaker-mlflow:LogBatch", "sagemaker-mlflow:LogMetric",
        "sagemaker-mlflow:LogParam", "sagemaker-mlflow:LogInputs", "sagemaker-mlflow:LogOutputs", "sagemaker-mlflow:LogModel",
        "sagemaker-mlflow:SetTag", "sagemaker-mlflow:GetMetricHistory", "sagemaker-mlflow:ListArtifacts",
        "sagemaker-mlflow:GetLoggedModel", "sagemaker-mlflow:SearchLoggedModels", "sagemaker-mlflow:FinalizeLoggedModel",
        "sagemaker-mlflow:LogLoggedModelParams", "sagemaker-mlflow:SetLoggedModelTags",
        "sagemaker-mlflow:CreateRegisteredModel", "sagemaker-mlflow:CreateModelVersion", "sagemaker-mlflow:GetRegisteredModel",
        "sagemaker-mlflow:GetModelVersion", "sagemaker-mlflow:SearchRegisteredModels", "sagemaker-mlflow:SearchModelVersions",
        "sagemaker-mlflow:GetLatestModelVersions", "sagemaker-mlflow:GetDownloadURIForModelVersionArtifacts",
    ];

    /// <summary>What the app needs to copy an MLflow model registration into SageMaker's registry.</summary>
    public static IReadOnlyList<string> AutoRegistrationActions { get; } =
    [
        "sagemaker:CreateModelPackageGroup", "sagemaker:DescribeModelPackageGroup", "sagemaker:CreateModelPackage",
        "sagemaker:UpdateModelPackage", "sagemaker:AddTags",
    ];

    /// <summary>
    /// The app's role: its artifact store under the model bucket and, with a data key, that key for
    /// the objects. AWS's page grants s3:Get*, Put*, List* on everything; objects here are limited to
    /// the app's prefix. Listing is on the bucket, not a prefix: what the app lists at start-up is not
    /// documented, and a listing shows key names, never data. With automatic registration the app
    /// may create groups of models named <c>*-{suffix}</c> only (<see cref="ModelRegistry.AutoRegisteredArns"/>);
    /// lineage (sagemaker:CreateAction, AddAssociation) is not granted, which AWS says it then skips.
    /// </summary>
    public static string App(PlatformSettings settings, string accountId, string modelBucketArn, string? dataKeyArn)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var statements = BucketAccess.Statements("ArtifactStore", modelBucketArn, write: true, MlflowTracking.ArtifactPrefix).ToList();
        if (dataKeyArn is not null)
        {
            statements.Add(DataKeyPolicy.UseForObjects(dataKeyArn));
        }

        if (settings.Experiments.AutoModelRegistration)
        {
            statements.Add(PolicyDocument.Allow(
                "RegisterModelsNamedForThisStack", AutoRegistrationActions, ModelRegistry.AutoRegisteredArns(settings, accountId)));
        }

        return PolicyDocument.Create([.. statements]);
    }

    /// <summary>
    /// Registering in this stack's group, pending approval only, and reading it: what the clients and
    /// whoever runs scripts/register-model.sh with the submitter policy need of the registry.
    /// </summary>
    public static IReadOnlyList<JsonObject> RegistryStatements(PlatformSettings settings, string accountId)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string[] registry = [ModelRegistry.GroupArn(settings, accountId), ModelRegistry.PackagesArn(settings, accountId)];
        return
        [
            // IfExists: a package created without an approval status is left pending by SageMaker too.
            PolicyDocument.Allow(
                "RegisterPackagesPendingApproval", ["sagemaker:CreateModelPackage"], registry,
                new JsonObject { ["StringEqualsIfExists"] = new JsonObject { ["sagemaker:ModelApprovalStatus"] = ModelRegistry.PendingApproval } }),
            PolicyDocument.Allow(
                "ReadThisStacksRegistry", ["sagemaker:DescribeModelPackageGroup", "sagemaker:DescribeModelPackage"], registry),
        ];
    }

    /// <summary>
    /// A client role (training jobs, the notebook): this stack's app by its ARN and, for the
    /// sagemaker-mlflow actions, by its tags; this stack's group, where it may register packages that
    /// await approval and read them, never approve one. <paramref name="appArn"/> is null without an app.
    /// </summary>
    public static string Client(PlatformSettings settings, string accountId, string? appArn, bool notebook)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var statements = new List<JsonObject>();
        if (appArn is not null)
        {
            // The notebook opens the app's UI through a presigned URL.
            IEnumerable<string> appActions = notebook ? [.. AppClientActions, "sagemaker:CreatePresignedMlflowAppUrl"] : AppClientActions;
            statements.Add(PolicyDocument.Allow("UseThisStacksMlflowApp", appActions, [appArn]));
            statements.Add(PolicyDocument.Allow(
                "MlflowApiOnThisStacksTagsOnly", MlflowApiActions, ["*"], NotebookSageMakerAccess.TagCondition(settings, "aws:ResourceTag")));
        }

        statements.AddRange(RegistryStatements(settings, accountId));
        if (notebook)
        {
            // ListModelPackages has no resource type: "*" is its only form; it lists names and states.
            statements.Add(PolicyDocument.Allow("ListModelPackages", ["sagemaker:ListModelPackages"], ["*"]));
        }

        return PolicyDocument.Create([.. statements]);
    }
}

namespace TrainingInfra.Blueprint.Config;

public static partial class SettingKeys
{
    /// <summary>Whether the stack runs a serverless MLflow App for experiment tracking.</summary>
    public static readonly SettingKey MlflowApp = new(
        "mlflowApp", SettingType.String, "auto",
        "auto (the default): on wherever SageMaker offers MLflow Apps, every region but AWS GovCloud (US); on or off: always. A SageMaker serverless MLflow App of this stack (training-mlflow-{suffix}), its artifacts under the model bucket's mlflow/ prefix; TrainingJobConfig logs each job's run to it and the training and notebook roles may use this app only. It bills nothing while idle (artifacts are billed as S3 storage); training jobs reach it through the sagemaker.mlflow interface endpoint, billed per hour and zone.");

    /// <summary>Whether MLflow model registrations are copied into SageMaker's model registry.</summary>
    public static readonly SettingKey MlflowAutoModelRegistration = new(
        "mlflowAutoModelRegistration", SettingType.Boolean, "false",
        "true: every model registered in the MLflow App is also registered in SageMaker's model registry, in a model package group SageMaker names {model}-{6 characters}; the app may create such groups only for models whose name ends with -{suffix}. Needs the app (mlflowApp). false (the default): models reach the registry through TrainingJobConfig's ModelPackageConfig or scripts/register-model.sh, into the stack's own group training-models-{suffix}.");
}

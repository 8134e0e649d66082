using TrainingInfra.Blueprint.Config;

namespace TrainingInfra.Blueprint.Experiments;

/// <summary>The stack's MLflow App: where its artifacts live and what the outputs say without one.</summary>
public static class MlflowTracking
{
    /// <summary>Key prefix of the app's artifact store in the model bucket.</summary>
    public const string ArtifactPrefix = "mlflow/";

    /// <summary>The app's artifact store: the model bucket's <see cref="ArtifactPrefix"/>, in the stack's region as the app requires.</summary>
    public static string ArtifactStoreUri(string modelBucketName) => $"s3://{modelBucketName}/{ArtifactPrefix}";

    /// <summary>What <c>MlflowAppArn</c> says when the stack has no app.</summary>
    public static string AbsentOutput => $"none: {SettingKeys.MlflowApp.Name} is false";

    /// <summary>The interface endpoint short name of MLflow Apps, which the network carries for its clients.</summary>
    public const string EndpointService = "sagemaker.mlflow";
}

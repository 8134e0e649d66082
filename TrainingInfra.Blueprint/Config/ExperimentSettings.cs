namespace TrainingInfra.Blueprint.Config;

/// <summary>Experiment tracking and the model registry.</summary>
/// <param name="MlflowApp">Whether the stack runs its MLflow App.</param>
/// <param name="AutoModelRegistration">Whether the app copies MLflow model registrations into SageMaker's registry.</param>
public sealed record ExperimentSettings(bool MlflowApp, bool AutoModelRegistration)
{
    /// <summary>The MLflow App's <c>ModelRegistrationMode</c> (CreateMlflowApp).</summary>
    public string ModelRegistrationMode => AutoModelRegistration ? "AutoModelRegistrationEnabled" : "AutoModelRegistrationDisabled";
}

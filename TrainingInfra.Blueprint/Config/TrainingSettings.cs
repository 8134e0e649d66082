namespace TrainingInfra.Blueprint.Config;

/// <summary>The notebook and the managed-spot training-job configuration.</summary>
/// <param name="NotebookInstanceType">SageMaker notebook instance type.</param>
/// <param name="MaxRuntimeSeconds">StoppingCondition.MaxRuntimeInSeconds.</param>
/// <param name="MaxWaitSeconds">StoppingCondition.MaxWaitTimeInSeconds (at least the run time).</param>
public sealed record TrainingSettings(string NotebookInstanceType, int MaxRuntimeSeconds, int MaxWaitSeconds);

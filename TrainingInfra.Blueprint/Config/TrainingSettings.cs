namespace TrainingInfra.Blueprint.Config;

/// <summary>The managed-spot training-job configuration.</summary>
/// <param name="MaxRuntimeSeconds">StoppingCondition.MaxRuntimeInSeconds.</param>
/// <param name="MaxWaitSeconds">StoppingCondition.MaxWaitTimeInSeconds (at least the run time).</param>
public sealed record TrainingSettings(int MaxRuntimeSeconds, int MaxWaitSeconds);

namespace TrainingInfra.Blueprint.Config;

/// <summary>The managed-spot training-job configuration.</summary>
/// <param name="MaxRuntimeSeconds">StoppingCondition.MaxRuntimeInSeconds.</param>
/// <param name="MaxWaitSeconds">StoppingCondition.MaxWaitTimeInSeconds (at least the run time).</param>
/// <param name="InstanceType">ResourceConfig.InstanceType, an ml.* type SageMaker training accepts.</param>
/// <param name="InstanceCount">ResourceConfig.InstanceCount.</param>
/// <param name="VolumeSizeGb">ResourceConfig.VolumeSizeInGB.</param>
/// <param name="ImageTag">Tag of the training image in the platform's repository.</param>
public sealed record TrainingSettings(
    int MaxRuntimeSeconds, int MaxWaitSeconds, string InstanceType, int InstanceCount, int VolumeSizeGb, string ImageTag);

namespace TrainingInfra.Blueprint.Config;

/// <summary>The managed-spot training-job configuration, and what a submitter may ask for beyond it.</summary>
/// <param name="MaxRuntimeSeconds">StoppingCondition.MaxRuntimeInSeconds.</param>
/// <param name="MaxWaitSeconds">StoppingCondition.MaxWaitTimeInSeconds (at least the run time).</param>
/// <param name="InstanceType">ResourceConfig.InstanceType, an ml.* type SageMaker training accepts.</param>
/// <param name="InstanceCount">ResourceConfig.InstanceCount.</param>
/// <param name="VolumeSizeGb">ResourceConfig.VolumeSizeInGB.</param>
/// <param name="ImageTag">Tag of the training image in the platform's repository.</param>
public sealed record TrainingSettings(
    int MaxRuntimeSeconds, int MaxWaitSeconds, string InstanceType, int InstanceCount, int VolumeSizeGb, string ImageTag)
{
    /// <summary>AlgorithmSpecification.TrainingInputMode: File, FastFile or Pipe.</summary>
    public string InputMode { get; init; } = "File";

    /// <summary>Instance types allowed from config, beside <see cref="InstanceType"/>.</summary>
    public IReadOnlyList<string> AllowedInstanceTypes { get; init; } = [];

    /// <summary>The longest warm pool (KeepAlivePeriodInSeconds) a submitter may ask for; 0 refuses warm pools.</summary>
    public int MaxKeepAliveSeconds { get; init; }

    /// <summary>Every instance type a job of this stack may start on: the configured type first, then the allowlist.</summary>
    public IReadOnlyList<string> SubmittableInstanceTypes =>
        new[] { InstanceType }.Concat(AllowedInstanceTypes).Distinct(StringComparer.Ordinal).ToList();
}

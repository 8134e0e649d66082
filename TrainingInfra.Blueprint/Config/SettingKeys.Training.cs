namespace TrainingInfra.Blueprint.Config;

public static partial class SettingKeys
{
    /// <summary>Upper bound of a training job's run time.</summary>
    public static readonly SettingKey TrainingMaxRuntimeSeconds = new(
        "trainingMaxRuntimeSeconds", SettingType.Integer, "86400",
        "StoppingCondition.MaxRuntimeInSeconds of the training-job configuration (1 to 2419200, SageMaker's 28-day limit).");

    /// <summary>Upper bound of a spot training job's run time plus time waiting for capacity.</summary>
    public static readonly SettingKey TrainingMaxWaitSeconds = new(
        "trainingMaxWaitSeconds", SettingType.Integer, "172800",
        "StoppingCondition.MaxWaitTimeInSeconds for managed spot training; run time plus time waiting for spot capacity; SageMaker requires it to be at least trainingMaxRuntimeSeconds.");

    /// <summary>Instance type of a training job.</summary>
    public static readonly SettingKey TrainingInstanceType = new(
        "trainingInstanceType", SettingType.String, "ml.m5.xlarge",
        "ResourceConfig.InstanceType of the training-job configuration: an ml.* instance type that SageMaker training accepts.");

    /// <summary>Instances per training job.</summary>
    public static readonly SettingKey TrainingInstanceCount = new(
        "trainingInstanceCount", SettingType.Integer, "1",
        "ResourceConfig.InstanceCount of the training-job configuration (1 to 32; more than 1 is distributed training).");

    /// <summary>Storage volume of each training instance.</summary>
    public static readonly SettingKey TrainingVolumeSizeGb = new(
        "trainingVolumeSizeGb", SettingType.Integer, "30",
        "ResourceConfig.VolumeSizeInGB, the storage volume of each training instance in GB (1 to 16384); types with local NVMe storage use that instead.");

    /// <summary>Image tag training jobs run.</summary>
    public static readonly SettingKey TrainingImageTag = new(
        "trainingImageTag", SettingType.String, "latest",
        "Tag of the image in the training-container repository that the training-job configuration runs (AlgorithmSpecification.TrainingImage).");
}

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

    /// <summary>How the training channel's data reaches the container.</summary>
    public static readonly SettingKey TrainingInputMode = new(
        "trainingInputMode", SettingType.String, "File",
        "AlgorithmSpecification.TrainingInputMode of the training-job configuration: File (the dataset is copied onto the instance before the container starts; every image supports it), FastFile (files are streamed from S3 as the container reads them, so training starts at once; the image must read its channel as files) or Pipe (a stream through a named pipe, only for images built for it). Keep File unless the image's documentation names the other mode.");

    /// <summary>Instance types that the stack's submitters may start training jobs on.</summary>
    public static readonly SettingKey TrainingAllowedInstanceTypes = new(
        "trainingAllowedInstanceTypes", SettingType.StringArray, "[\"ml.m5.large\",\"ml.m5.xlarge\",\"ml.g4dn.xlarge\",\"ml.g5.xlarge\"]",
        "Instance types on which the training-job submitter policy and the scoped notebook policy let a job start (sagemaker:InstanceTypes), besides trainingInstanceType, which is always allowed; each a type SageMaker training accepts. The default: two CPU sizes of the CDK design's m5 family, and the smallest one-GPU sizes of two GPU families; nothing with more than one GPU.");

    /// <summary>Longest warm pool a submitter may keep.</summary>
    public static readonly SettingKey TrainingMaxKeepAliveSeconds = new(
        "trainingMaxKeepAliveSeconds", SettingType.Integer, "1800",
        "Longest warm pool (ResourceConfig.KeepAlivePeriodInSeconds, sagemaker:KeepAlivePeriod) that a submitter may ask for, 0 to 3600 (SageMaker's own limit). A warm pool bills its instances while it waits for the next job; 0 refuses warm pools.");
}

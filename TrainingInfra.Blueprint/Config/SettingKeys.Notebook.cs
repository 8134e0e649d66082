namespace TrainingInfra.Blueprint.Config;

public static partial class SettingKeys
{
    /// <summary>Whether the stack has a notebook at all.</summary>
    public static readonly SettingKey NotebookEnabled = new(
        "notebookEnabled", SettingType.Boolean, "true",
        "Create the SageMaker notebook instance. It bills by the hour while running; false leaves it out and the NotebookInstanceName output says so.");

    /// <summary>Minutes without activity after which the notebook stops itself.</summary>
    public static readonly SettingKey NotebookIdleStopMinutes = new(
        "notebookIdleStopMinutes", SettingType.Integer, "60",
        "Minutes without kernel or terminal activity (and no kernel busy) after which the notebook instance stops itself (10 to 1440; 0 never stops it). Restart it from the console or with aws sagemaker start-notebook-instance.");

    /// <summary>The notebook's instance type.</summary>
    public static readonly SettingKey NotebookInstanceType = new(
        "notebookInstanceType", SettingType.String, "ml.t3.medium",
        "SageMaker notebook instance type (ml.<family>.<size>; families that the AL2023 notebook platform does not support are rejected).");

    /// <summary>Size of the notebook's ML storage volume.</summary>
    public static readonly SettingKey NotebookVolumeSizeGb = new(
        "notebookVolumeSizeGb", SettingType.Integer, "5",
        "Size in GB of the notebook's storage volume (5 to 16384; 5 is SageMaker's default, which the CDK design used).");

    /// <summary>Whether the notebook reaches the internet directly.</summary>
    public static readonly SettingKey NotebookDirectInternetAccess = new(
        "notebookDirectInternetAccess", SettingType.Boolean, "true",
        "Give the notebook SageMaker's direct internet access (the CDK design's default). Without it the notebook reaches only the VPC, which has no NAT gateway, so the default code repository is not attached.");

    /// <summary>Whether notebook users get root.</summary>
    public static readonly SettingKey NotebookRootAccess = new(
        "notebookRootAccess", SettingType.Boolean, "true",
        "Let notebook users become root (the CDK design's default).");

    /// <summary>What the notebook's role may do in SageMaker.</summary>
    public static readonly SettingKey NotebookAccess = new(
        "notebookAccess", SettingType.String, "full",
        "What the notebook role may do in SageMaker: full attaches AmazonSageMakerFullAccess (the CDK design); scoped allows only this stack's training jobs (start as the training role, describe, stop, list, their logs and metrics) and describing the notebook itself.");
}

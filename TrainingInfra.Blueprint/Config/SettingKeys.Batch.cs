namespace TrainingInfra.Blueprint.Config;

public static partial class SettingKeys
{
    /// <summary>Instance types of the Batch compute environment.</summary>
    public static readonly SettingKey BatchInstanceTypes = new(
        "batchInstanceTypes", SettingType.StringArray, "[\"m5.xlarge\"]",
        "EC2 instance types (or families) of the Batch spot compute environment; at least one must be able to hold a job of jobVcpus and jobMemoryMiB.");

    /// <summary>How Batch picks spot instances.</summary>
    public static readonly SettingKey BatchAllocationStrategy = new(
        "batchAllocationStrategy", SettingType.String, "SPOT_PRICE_CAPACITY_OPTIMIZED",
        "Spot allocation strategy of the compute environment, one of SPOT_PRICE_CAPACITY_OPTIMIZED, SPOT_CAPACITY_OPTIMIZED or BEST_FIT (BEST_FIT also creates the spot fleet role it needs).");

    /// <summary>Minimum vCPUs Batch keeps running.</summary>
    public static readonly SettingKey BatchMinVcpus = new(
        "batchMinVcpus", SettingType.Integer, "0",
        "vCPUs the Batch compute environment keeps running when idle (0 scales to nothing).");

    /// <summary>Maximum vCPUs Batch may run.</summary>
    public static readonly SettingKey BatchMaxVcpus = new(
        "batchMaxVcpus", SettingType.Integer, "256",
        "Most vCPUs the Batch compute environment may run at once.");

    /// <summary>Spot bid as a percentage of the on-demand price.</summary>
    public static readonly SettingKey BatchBidPercentage = new(
        "batchBidPercentage", SettingType.Integer, "80",
        "Highest spot price Batch pays, as a percentage (1 to 100) of the on-demand price.");

    /// <summary>Image tag the job definition runs.</summary>
    public static readonly SettingKey JobImageTag = new(
        "jobImageTag", SettingType.String, "latest",
        "Tag of the image in the training-container repository that batch-inference jobs run.");

    /// <summary>Memory of one inference job.</summary>
    public static readonly SettingKey JobMemoryMiB = new(
        "jobMemoryMiB", SettingType.Integer, "8192",
        "Memory in MiB reserved for one batch-inference job.");

    /// <summary>vCPUs of one inference job.</summary>
    public static readonly SettingKey JobVcpus = new(
        "jobVcpus", SettingType.Integer, "4",
        "vCPUs reserved for one batch-inference job.");

    /// <summary>Attempts per inference job.</summary>
    public static readonly SettingKey JobAttempts = new(
        "jobAttempts", SettingType.Integer, "3",
        "Attempts Batch makes at one job (1 to 10).");

    /// <summary>Time limit of one attempt.</summary>
    public static readonly SettingKey JobTimeoutSeconds = new(
        "jobTimeoutSeconds", SettingType.Integer, "3600",
        "Seconds one job attempt may run before Batch stops it (at least 60).");
}

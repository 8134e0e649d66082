namespace TrainingInfra.Blueprint.Config;

/// <summary>The Batch spot environment and its inference job.</summary>
/// <param name="InstanceTypes">Instance types or families of the compute environment.</param>
/// <param name="AllocationStrategy">How Batch picks spot instances.</param>
/// <param name="MinVcpus">vCPUs kept when idle.</param>
/// <param name="MaxVcpus">Most vCPUs at once.</param>
/// <param name="BidPercentage">Spot bid as a percentage of on-demand.</param>
/// <param name="JobImageTag">Tag of the image the job runs.</param>
/// <param name="JobMemoryMiB">Memory of one job.</param>
/// <param name="JobVcpus">vCPUs of one job.</param>
/// <param name="JobAttempts">Attempts per job.</param>
/// <param name="JobTimeoutSeconds">Time limit of one attempt.</param>
public sealed record BatchSettings(
    IReadOnlyList<string> InstanceTypes,
    string AllocationStrategy,
    int MinVcpus,
    int MaxVcpus,
    int BidPercentage,
    string JobImageTag,
    int JobMemoryMiB,
    int JobVcpus,
    int JobAttempts,
    int JobTimeoutSeconds);

using TrainingInfra.Blueprint.Config;

namespace TrainingInfra.Blueprint.Batch;

/// <summary>
/// What the spot compute environment needs besides its settings, which follows from the allocation
/// strategy. Only <see cref="BestFit"/> places spot instances through a Spot Fleet request, which
/// needs a spot fleet role; the two SPOT_* strategies use EC2 Fleet through Batch's service-linked
/// role. Only those two let Batch apply a changed instance type, launch template, subnet, security
/// group, bid or instance tag to the running environment (an "infrastructure update", which
/// replaces its instances); with BEST_FIT every such change needs a new compute environment.
/// </summary>
/// <param name="NeedsSpotFleetRole">A spot fleet role must be created and named in the compute resources.</param>
/// <param name="UpdatesInPlace">Batch applies changed compute resources to the existing environment.</param>
/// <param name="UpdateJobTimeoutMinutes">
/// During an infrastructure update, how long jobs running on the old instances may go on before
/// Batch stops them: one full attempt, so that an update never cuts an attempt short that its own
/// timeout would have let finish (AWS caps the value at <see cref="MaxUpdateJobTimeoutMinutes"/>).
/// </param>
public sealed record BatchComputePlan(bool NeedsSpotFleetRole, bool UpdatesInPlace, int UpdateJobTimeoutMinutes)
{
    /// <summary>The allocation strategy that needs a spot fleet role and rules out infrastructure updates.</summary>
    public const string BestFit = "BEST_FIT";

    /// <summary>Batch launches and scales the instances itself.</summary>
    public const string ManagedType = "MANAGED";

    /// <summary>Spot capacity, as in the CDK design.</summary>
    public const string SpotCapacity = "SPOT";

    /// <summary>State of the compute environment and of the queue: accepting and scheduling jobs.</summary>
    public const string Enabled = "ENABLED";

    /// <summary>Priority of the job queue, as in the CDK design (it matters only beside other queues).</summary>
    public const int QueuePriority = 1;

    /// <summary>
    /// An infrastructure update lets running jobs finish, up to <see cref="UpdateJobTimeoutMinutes"/>,
    /// instead of killing them as soon as it starts.
    /// </summary>
    public const bool TerminateJobsOnUpdate = false;

    /// <summary>The longest job timeout an update policy accepts, in minutes.</summary>
    public const int MaxUpdateJobTimeoutMinutes = 360;

    /// <summary>The plan for a stack's Batch settings.</summary>
    public static BatchComputePlan For(BatchSettings batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var bestFit = string.Equals(batch.AllocationStrategy, BestFit, StringComparison.Ordinal);
        var attemptMinutes = (int)Math.Ceiling(batch.JobTimeoutSeconds / 60.0);
        return new BatchComputePlan(
            NeedsSpotFleetRole: bestFit,
            UpdatesInPlace: !bestFit,
            UpdateJobTimeoutMinutes: Math.Clamp(attemptMinutes, 1, MaxUpdateJobTimeoutMinutes));
    }
}

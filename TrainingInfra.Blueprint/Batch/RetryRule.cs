namespace TrainingInfra.Blueprint.Batch;

/// <summary>
/// One entry of a job definition's evaluate-on-exit list: an action taken when every condition it
/// sets matches the failed attempt. Each condition is a glob that may end in <c>*</c>.
/// </summary>
/// <param name="Action"><see cref="Retry"/> or <see cref="Exit"/>.</param>
/// <param name="OnStatusReason">Pattern for the attempt's status reason, or null for any.</param>
/// <param name="OnReason">Pattern for the container's reason, or null for any.</param>
/// <param name="OnExitCode">Pattern for the container's exit code, or null for any.</param>
public sealed record RetryRule(string Action, string? OnStatusReason = null, string? OnReason = null, string? OnExitCode = null)
{
    /// <summary>Run the job again, if attempts remain.</summary>
    public const string Retry = "RETRY";

    /// <summary>Fail the job now, whatever attempts remain.</summary>
    public const string Exit = "EXIT";
}

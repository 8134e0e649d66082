namespace TrainingInfra.Blueprint.Batch;

/// <summary>
/// When a failed inference attempt is worth another one. Batch checks the rules in order and takes
/// the first that matches; when none matches it retries, so the list must end with a rule that
/// matches everything.
/// </summary>
public static class BatchRetryRules
{
    /// <summary>AWS accepts at most this many evaluate-on-exit entries.</summary>
    public const int MaxRules = 5;

    /// <summary>
    /// Retry when the instance went away under the job: a reclaimed spot instance, or one replaced
    /// by an infrastructure update, ends the attempt with the status reason
    /// "Host EC2 (instance i-...) terminated." The job itself did nothing wrong and another instance
    /// will run it. Everything else (a non-zero exit, an out-of-memory kill, an image that cannot be
    /// pulled) would fail the same way again, so it stops the job instead of spending the attempts.
    /// </summary>
    public static IReadOnlyList<RetryRule> Rules { get; } =
    [
        new(RetryRule.Retry, OnStatusReason: "Host EC2*"),
        new(RetryRule.Exit, OnReason: "*"),
    ];
}

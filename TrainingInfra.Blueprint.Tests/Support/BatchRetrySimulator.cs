using System.Globalization;
using TrainingInfra.Blueprint.Batch;

namespace TrainingInfra.Blueprint.Tests.Support;

/// <summary>
/// Decides the fate of a failed attempt the way AWS Batch documents evaluate-on-exit: the rules are
/// checked in order and the first whose every condition matches decides; a condition is a glob that
/// matches exactly, or by prefix when it ends in '*'; a field the attempt lacks is matched as empty
/// text (so '*' matches it, as AWS's catch-all examples rely on); when no rule matches, the job is
/// retried.
/// </summary>
internal static class BatchRetrySimulator
{
    public static string Decide(IEnumerable<RetryRule> rules, string? statusReason, string? reason, int? exitCode)
    {
        var exit = exitCode?.ToString(CultureInfo.InvariantCulture);
        var first = rules.FirstOrDefault(r =>
            Matches(r.OnStatusReason, statusReason) && Matches(r.OnReason, reason) && Matches(r.OnExitCode, exit));
        return first is null ? RetryRule.Retry : first.Action.ToUpperInvariant();
    }

    private static bool Matches(string? pattern, string? value)
    {
        if (pattern is null)
        {
            return true;
        }

        value ??= string.Empty;
        return pattern.EndsWith('*')
            ? value.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(value, pattern, StringComparison.Ordinal);
    }
}

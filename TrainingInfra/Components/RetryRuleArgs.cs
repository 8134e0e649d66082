using Pulumi.Aws.Batch.Inputs;
using TrainingInfra.Blueprint.Batch;

namespace TrainingInfra.Components;

/// <summary>The blueprint's retry rules in the shape of the job definition's <c>evaluateOnExit</c> entries.</summary>
internal static class RetryRuleArgs
{
    /// <summary>One rule; only the conditions the rule states are set.</summary>
    public static JobDefinitionRetryStrategyEvaluateOnExitArgs From(RetryRule rule)
    {
        var args = new JobDefinitionRetryStrategyEvaluateOnExitArgs { Action = rule.Action };
        if (rule.OnStatusReason is { } statusReason)
        {
            args.OnStatusReason = statusReason;
        }

        if (rule.OnReason is { } reason)
        {
            args.OnReason = reason;
        }

        if (rule.OnExitCode is { } exitCode)
        {
            args.OnExitCode = exitCode;
        }

        return args;
    }
}

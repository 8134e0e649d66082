using Pulumi;
using TrainingInfra.Blueprint.Config;

namespace TrainingInfra.Components;

/// <summary>What monitoring needs to tell this stack's jobs from another stack's.</summary>
public sealed class MonitoringComponentArgs
{
    /// <summary>The validated settings of the stack.</summary>
    public required PlatformSettings Settings { get; init; }

    /// <summary>The AWS account the stack deploys to (key and topic policies name it).</summary>
    public required Output<string> AccountId { get; init; }

    /// <summary>ARN of the training-job role: failed-training events are matched on it.</summary>
    public required Output<string> TrainingRoleArn { get; init; }

    /// <summary>ARN of the Batch job queue: failed-job events are matched on it.</summary>
    public required Output<string> JobQueueArn { get; init; }

    /// <summary>The stack's customer-managed data key, when it has one: the platform's log group is encrypted with it.</summary>
    public Output<string>? DataKeyArn { get; init; }
}

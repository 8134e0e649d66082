using Pulumi;
using TrainingInfra.Blueprint.Config;

namespace TrainingInfra.Components;

/// <summary>What storage needs: the settings and the account id that makes bucket names unique.</summary>
public sealed class StorageComponentArgs
{
    /// <summary>The validated settings of the stack.</summary>
    public required PlatformSettings Settings { get; init; }

    /// <summary>The AWS account the stack deploys to.</summary>
    public required Output<string> AccountId { get; init; }
}

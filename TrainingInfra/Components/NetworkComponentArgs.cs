using TrainingInfra.Blueprint.Config;

namespace TrainingInfra.Components;

/// <summary>What the network needs: the stack's settings.</summary>
public sealed class NetworkComponentArgs
{
    /// <summary>The validated settings of the stack.</summary>
    public required PlatformSettings Settings { get; init; }
}

using Pulumi;
using TrainingInfra.Blueprint.Config;

namespace TrainingInfra.Components;

/// <summary>What the experiments component needs from the stack and from storage.</summary>
public sealed class ExperimentsComponentArgs
{
    /// <summary>The validated stack settings.</summary>
    public required PlatformSettings Settings { get; init; }

    /// <summary>The deploying account.</summary>
    public required Output<string> AccountId { get; init; }

    /// <summary>The model bucket, under which the MLflow App keeps its artifacts.</summary>
    public required Output<string> ModelBucketArn { get; init; }

    /// <summary>The model bucket's name, for the artifact store's URI.</summary>
    public required Output<string> ModelBucketName { get; init; }

    /// <summary>The stack's data key, or null when it has none.</summary>
    public Output<string>? DataKeyArn { get; init; }
}

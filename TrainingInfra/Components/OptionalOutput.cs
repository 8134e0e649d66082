using Pulumi;

namespace TrainingInfra.Components;

/// <summary>An output that a stack may not have (a data key, an MLflow App), as one the blueprint can take: null when absent.</summary>
internal static class OptionalOutput
{
    /// <summary>The value of <paramref name="output"/>, or null when there is no output at all.</summary>
    public static Output<string?> Of(Output<string>? output) =>
        output?.Apply(value => (string?)value) ?? Output.Create((string?)null);
}

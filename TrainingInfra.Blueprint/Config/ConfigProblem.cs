namespace TrainingInfra.Blueprint.Config;

/// <summary>
/// One thing wrong with a stack's configuration: which key, what value it had, and the rule it
/// breaks. Rendered as one line of the error that stops a deployment before anything is created.
/// </summary>
/// <param name="Key">The fully qualified config key to fix, e.g. <c>training-infra:vpcCidr</c>.</param>
/// <param name="Value">The value as the stack supplied it (or the default that was used), or null when missing.</param>
/// <param name="Rule">What a valid value looks like, in words a user can act on.</param>
public sealed record ConfigProblem(string Key, string? Value, string Rule)
{
    /// <inheritdoc />
    public override string ToString() =>
        Value is null ? $"{Key} (not set): {Rule}" : $"{Key} = '{Value}': {Rule}";
}

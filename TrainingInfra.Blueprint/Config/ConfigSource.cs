namespace TrainingInfra.Blueprint.Config;

/// <summary>
/// Where settings come from: the stack's name, its <c>aws:region</c>, a lookup of the project's
/// keys (unqualified, e.g. <c>vpcCidr</c>, returning the raw value Pulumi hands the program or
/// null), and the project keys the stack actually sets, to catch misspelled ones.
/// </summary>
/// <param name="StackName">The Pulumi stack name.</param>
/// <param name="Region">The value of <c>aws:region</c>, or null.</param>
/// <param name="Lookup">Raw value of an unqualified project key, or null when unset.</param>
/// <param name="PresentKeys">Unqualified project keys present in the stack's config.</param>
public sealed record ConfigSource(
    string StackName,
    string? Region,
    Func<string, string?> Lookup,
    IReadOnlyCollection<string> PresentKeys)
{
    /// <summary>A source over a plain dictionary of unqualified keys, as tests and tools use it.</summary>
    public static ConfigSource FromDictionary(string stackName, string? region, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new ConfigSource(stackName, region, key => values.GetValueOrDefault(key), values.Keys.ToList());
    }
}

using System.Collections;
using System.Globalization;

namespace TrainingInfra.Blueprint.Planning;

/// <summary>
/// A resource as a stack registers it: its Pulumi type token, logical name and inputs (the
/// engine's plain values: strings, booleans, numbers, lists and maps). What the cost and quota
/// models read, whether the inputs come from Pulumi's mock runtime or from a recorded plan.
/// </summary>
/// <param name="Type">The type token, e.g. <c>aws:ec2/vpcEndpoint:VpcEndpoint</c>.</param>
/// <param name="Name">The logical name.</param>
/// <param name="Inputs">The inputs, by their engine names (camelCase).</param>
public sealed record PlannedResource(string Type, string Name, IReadOnlyDictionary<string, object?> Inputs)
{
    /// <summary>A text input, or null.</summary>
    public string? Text(string input) => Inputs.GetValueOrDefault(input) as string;

    /// <summary>A numeric input, or null.</summary>
    public double? Number(string input) => Inputs.GetValueOrDefault(input) switch
    {
        double d => d,
        int i => i,
        long l => l,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>A list input's items as text; empty when absent.</summary>
    public IReadOnlyList<string> Strings(string input) => Inputs.GetValueOrDefault(input) switch
    {
        string single => [single],
        IEnumerable items => items.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture) ?? "").ToList(),
        _ => [],
    };

    /// <summary>A map input, or an empty map.</summary>
    public IReadOnlyDictionary<string, object?> Map(string input) => Inputs.GetValueOrDefault(input) switch
    {
        IReadOnlyDictionary<string, object?> map => map,
        IDictionary map => map.Keys.Cast<object>().ToDictionary(k => k.ToString()!, k => map[k], StringComparer.Ordinal),
        _ => new Dictionary<string, object?>(StringComparer.Ordinal),
    };
}

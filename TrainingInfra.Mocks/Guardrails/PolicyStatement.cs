using System.Text.Json;

namespace TrainingInfra.Mocks.Guardrails;

/// <summary>One statement of an IAM-style policy document, with its lists normalised.</summary>
public sealed record PolicyStatement(
    string Source,
    string Effect,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Resources,
    JsonElement? Principal,
    JsonElement? Condition)
{
    public static IReadOnlyList<PolicyStatement> Parse(string source, string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        var statements = root.GetProperty("Statement");
        var list = statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToList() : [statements];
        return list.Select(s => new PolicyStatement(
            source,
            s.GetProperty(nameof(Effect)).GetString()!,
            Strings(s, "Action"),
            Strings(s, "Resource"),
            s.TryGetProperty(nameof(Principal), out var principal) ? principal.Clone() : null,
            s.TryGetProperty(nameof(Condition), out var condition) ? condition.Clone() : null)).ToList();
    }

    /// <summary>Every principal value in the statement ("*", service names, ARNs).</summary>
    public IEnumerable<string> PrincipalValues() => Principal switch
    {
        null => [],
        { ValueKind: JsonValueKind.String } p => [p.GetString()!],
        { } p => p.EnumerateObject().SelectMany(kind => kind.Value.ValueKind == JsonValueKind.Array
            ? kind.Value.EnumerateArray().Select(v => v.GetString()!)
            : [kind.Value.GetString()!]),
    };

    private static List<string> Strings(JsonElement statement, string name) =>
        !statement.TryGetProperty(name, out var value) ? []
        : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString()!).ToList()
        : [value.GetString()!];
}

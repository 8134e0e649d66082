using System.Text.Json;

namespace TrainingInfra.Blueprint.Tests.Support;

/// <summary>One statement of an IAM policy document, read back from its JSON.</summary>
internal sealed record PolicyStatement(
    string? Name, bool IsAllow, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources, JsonElement? Conditions)
{
    /// <summary>Every principal the statement names ("*", service names, ARNs); empty for identity policies.</summary>
    public IReadOnlyList<string> Principals { get; init; } = [];

    public static IReadOnlyList<PolicyStatement> Parse(string policy)
    {
        var root = JsonDocument.Parse(policy).RootElement;
        Assert.Equal("2012-10-17", root.GetProperty("Version").GetString());
        return root.GetProperty("Statement").EnumerateArray().Select(s => new PolicyStatement(
            s.TryGetProperty("Sid", out var sid) ? sid.GetString() : null,
            s.GetProperty("Effect").GetString() switch
            {
                "Allow" => true,
                "Deny" => false,
                var other => throw new InvalidOperationException($"Effect {other}"),
            },
            Strings(s.GetProperty("Action")),
            Strings(s.GetProperty("Resource")),
            s.TryGetProperty("Condition", out var condition) ? condition : null)
        {
            Principals = s.TryGetProperty("Principal", out var principal) ? PrincipalValues(principal) : [],
        }).ToList();
    }

    private static List<string> PrincipalValues(JsonElement principal) => principal.ValueKind == JsonValueKind.String
        ? [principal.GetString()!]
        : principal.EnumerateObject().SelectMany(kind => Strings(kind.Value)).ToList();

    /// <summary>The value a condition operator tests a key against, or null.</summary>
    public string? ConditionValue(string conditionOperator, string key) =>
        Conditions is { } c && c.TryGetProperty(conditionOperator, out var op) && op.TryGetProperty(key, out var value)
            ? value.GetString()
            : null;

    public bool Allows(string action) => IsAllow && Actions.Contains(action);

    private static List<string> Strings(JsonElement element) => element.ValueKind == JsonValueKind.Array
        ? element.EnumerateArray().Select(e => e.GetString()!).ToList()
        : [element.GetString()!];
}

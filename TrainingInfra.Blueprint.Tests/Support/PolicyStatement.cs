using System.Text.Json;

namespace TrainingInfra.Blueprint.Tests.Support;

/// <summary>One statement of an IAM policy document, read back from its JSON.</summary>
internal sealed record PolicyStatement(
    string? Name, bool IsAllow, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources, JsonElement? Conditions)
{
    /// <summary>Every principal the statement names ("*", service names, ARNs); empty for identity policies.</summary>
    public IReadOnlyList<string> Principals { get; init; } = [];

    /// <summary>The statement lists NotAction: it applies to every action its list does not match.</summary>
    public bool IsNotAction { get; init; }

    /// <summary>The statement lists NotResource: it applies to every resource its list does not match.</summary>
    public bool IsNotResource { get; init; }

    public static IReadOnlyList<PolicyStatement> Parse(string policy)
    {
        var root = JsonDocument.Parse(policy).RootElement;
        Assert.Equal("2012-10-17", root.GetProperty("Version").GetString());
        var statements = root.GetProperty("Statement");
        return (statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToList() : [statements]).Select(s =>
        {
            if (s.TryGetProperty("NotPrincipal", out _))
            {
                throw new NotSupportedException("the policy evaluator does not model NotPrincipal");
            }

            var (actions, notAction) = OneOf(s, "Action", "NotAction");
            var hasPrincipal = s.TryGetProperty("Principal", out var principal);
            // A trust policy's statements name a principal and no resource: the role itself.
            var (resources, notResource) = hasPrincipal && !s.TryGetProperty("Resource", out _) && !s.TryGetProperty("NotResource", out _)
                ? ([], false)
                : OneOf(s, "Resource", "NotResource");
            return new PolicyStatement(
                s.TryGetProperty("Sid", out var sid) ? sid.GetString() : null,
                s.GetProperty("Effect").GetString() switch
                {
                    "Allow" => true,
                    "Deny" => false,
                    var other => throw new InvalidOperationException($"Effect {other}"),
                },
                actions,
                resources,
                s.TryGetProperty("Condition", out var condition) ? condition : null)
            {
                Principals = hasPrincipal ? PrincipalValues(principal) : [],
                IsNotAction = notAction,
                IsNotResource = notResource,
            };
        }).ToList();
    }

    /// <summary>The list under exactly one of two exclusive elements, and whether it was the negated one.</summary>
    private static (List<string> Values, bool Negated) OneOf(JsonElement statement, string element, string negatedElement)
    {
        var has = statement.TryGetProperty(element, out var value);
        var hasNegated = statement.TryGetProperty(negatedElement, out var negated);
        Assert.True(has ^ hasNegated, $"a statement needs exactly one of {element} and {negatedElement}");
        return has ? (Strings(value), false) : (Strings(negated), true);
    }

    private static List<string> PrincipalValues(JsonElement principal) => principal.ValueKind == JsonValueKind.String
        ? [principal.GetString()!]
        : principal.EnumerateObject().SelectMany(kind => Strings(kind.Value)).ToList();

    /// <summary>The value a condition operator tests a key against, or null.</summary>
    public string? ConditionValue(string conditionOperator, string key) =>
        Conditions is { } c && c.TryGetProperty(conditionOperator, out var op) && op.TryGetProperty(key, out var value)
            ? value.GetString()
            : null;

    public bool Allows(string action) => IsAllow && !IsNotAction && Actions.Contains(action);

    private static List<string> Strings(JsonElement element) => element.ValueKind == JsonValueKind.Array
        ? element.EnumerateArray().Select(e => e.GetString()!).ToList()
        : [element.GetString()!];
}

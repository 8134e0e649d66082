using System.Text.Json;

namespace TrainingInfra.Blueprint.Tests.Support;

/// <summary>What IAM decides for one request.</summary>
internal enum PolicyDecision
{
    /// <summary>An Allow statement matches and no Deny does.</summary>
    Allowed,

    /// <summary>A Deny statement matches: nothing can outweigh it.</summary>
    ExplicitlyDenied,

    /// <summary>No statement matches: IAM's default.</summary>
    ImplicitlyDenied,
}

/// <summary>
/// A small model of IAM's evaluation of policies in one account: an explicit Deny wins, then an
/// Allow, else the request is denied. Action and Resource patterns take * and ? (actions ignore
/// case, resources do not), and NotAction / NotResource match what their list does not; condition
/// keys ignore case; every operator of a statement and every key under an operator must hold (see
/// <see cref="ConditionOperators"/> for each operator). Policy variables, NotPrincipal and any
/// operator the model does not know fail the test rather than being guessed at. A statement with a
/// Principal and no Resource (a trust policy) applies to whatever resource it is attached to.
/// </summary>
internal static class PolicyEvaluator
{
    /// <param name="policies">Policy documents that all apply to the request.</param>
    /// <param name="action">The action, e.g. s3:GetObject.</param>
    /// <param name="resource">The ARN of the one resource the request is authorized against.</param>
    /// <param name="context">Single-valued condition keys of the request.</param>
    /// <param name="principal">The calling principal, for resource-based and trust policies.</param>
    /// <param name="multiValued">Multivalued condition keys (aws:TagKeys, kms:ResourceAliases, ...).</param>
    public static PolicyDecision Decide(
        IEnumerable<string> policies, string action, string resource, IReadOnlyDictionary<string, string>? context = null,
        string? principal = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? multiValued = null)
    {
        var statements = policies.SelectMany(PolicyStatement.Parse).ToList();
        var requestContext = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in context ?? new Dictionary<string, string>())
        {
            requestContext[key] = [value];
        }

        foreach (var (key, values) in multiValued ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            requestContext[key] = values;
        }

        var matching = statements.Where(s => Applies(s, action, resource, requestContext, principal)).ToList();
        if (matching.Any(s => !s.IsAllow))
        {
            return PolicyDecision.ExplicitlyDenied;
        }

        return matching.Any(s => s.IsAllow) ? PolicyDecision.Allowed : PolicyDecision.ImplicitlyDenied;
    }

    public static bool IsAllowed(
        IEnumerable<string> policies, string action, string resource, IReadOnlyDictionary<string, string>? context = null,
        string? principal = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? multiValued = null) =>
        Decide(policies, action, resource, context, principal, multiValued) == PolicyDecision.Allowed;

    private static bool Applies(
        PolicyStatement statement, string action, string resource, Dictionary<string, IReadOnlyList<string>> context, string? principal) =>
        (principal is null || statement.Principals.Count == 0 || statement.Principals.Any(p => p == "*" || p == principal))
        && statement.Actions.Any(pattern => ConditionOperators.Glob(Literal(pattern), action, ignoreCase: true)) != statement.IsNotAction
        && (statement.Resources.Count == 0
            || statement.Resources.Any(pattern => ConditionOperators.Glob(Literal(pattern), resource, ignoreCase: false)) != statement.IsNotResource)
        && ConditionsHold(statement.Conditions, context);

    private static bool ConditionsHold(JsonElement? conditions, Dictionary<string, IReadOnlyList<string>> context)
    {
        if (conditions is not { } block)
        {
            return true;
        }

        foreach (var op in block.EnumerateObject())
        {
            foreach (var key in op.Value.EnumerateObject())
            {
                var values = key.Value.ValueKind == JsonValueKind.Array
                    ? key.Value.EnumerateArray().Select(v => Literal(v.GetString()!)).ToList()
                    : [Literal(key.Value.ValueKind == JsonValueKind.String ? key.Value.GetString()! : key.Value.GetRawText())];
                if (!ConditionOperators.Holds(op.Name, context.GetValueOrDefault(key.Name), values))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>A pattern or value as written; a policy variable would need a request to resolve it.</summary>
    private static string Literal(string text) => text.Contains("${", StringComparison.Ordinal)
        ? throw new NotSupportedException($"the policy evaluator does not resolve policy variables or unrendered placeholders: {text}")
        : text;
}

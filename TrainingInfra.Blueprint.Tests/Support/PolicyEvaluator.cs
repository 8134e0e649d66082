using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

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
/// case, resources do not); condition keys ignore case; every operator of a statement and every
/// key under an operator must hold, any one value of a key suffices. An operator the model does
/// not know fails the test rather than being guessed at.
/// </summary>
internal static class PolicyEvaluator
{
    public static PolicyDecision Decide(
        IEnumerable<string> policies, string action, string resource, IReadOnlyDictionary<string, string>? context = null, string? principal = null)
    {
        var statements = policies.SelectMany(PolicyStatement.Parse).ToList();
        var requestContext = new Dictionary<string, string>(context ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
        var matching = statements.Where(s => Applies(s, action, resource, requestContext, principal)).ToList();
        if (matching.Any(s => !s.IsAllow))
        {
            return PolicyDecision.ExplicitlyDenied;
        }

        return matching.Any(s => s.IsAllow) ? PolicyDecision.Allowed : PolicyDecision.ImplicitlyDenied;
    }

    public static bool IsAllowed(
        IEnumerable<string> policies, string action, string resource, IReadOnlyDictionary<string, string>? context = null, string? principal = null) =>
        Decide(policies, action, resource, context, principal) == PolicyDecision.Allowed;

    private static bool Applies(PolicyStatement statement, string action, string resource, Dictionary<string, string> context, string? principal) =>
        (principal is null || statement.Principals.Count == 0 || statement.Principals.Any(p => p == "*" || p == principal))
        && statement.Actions.Any(pattern => Glob(pattern, action, ignoreCase: true))
        && statement.Resources.Any(pattern => Glob(pattern, resource, ignoreCase: false))
        && ConditionsHold(statement.Conditions, context);

    private static bool ConditionsHold(JsonElement? conditions, Dictionary<string, string> context)
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
                    ? key.Value.EnumerateArray().Select(v => v.GetString()!).ToList()
                    : [key.Value.ValueKind == JsonValueKind.String ? key.Value.GetString()! : key.Value.GetRawText()];
                var present = context.TryGetValue(key.Name, out var actual);
                if (!Holds(op.Name, present, actual, values))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool Holds(string op, bool present, string? actual, List<string> values) => op switch
    {
        // A missing key makes every operator modelled here false except Null. (Negated operators such
        // as StringNotEquals would hold instead; they are not modelled, and so refused below.)
        "Null" => values.Any(v => bool.Parse(v) != present),
        _ when !present => false,
        "StringEquals" => values.Any(v => string.Equals(v, actual, StringComparison.Ordinal)),
        "StringLike" => values.Any(v => Glob(v, actual!, ignoreCase: false)),
        // IAM treats ArnEquals and ArnLike alike: both take wildcards.
        "ArnEquals" or "ArnLike" => values.Any(v => Glob(v, actual!, ignoreCase: false)),
        "Bool" => values.Any(v => string.Equals(v, actual, StringComparison.OrdinalIgnoreCase)),
        "NumericLessThan" => values.Any(v => Number(actual!) < Number(v)),
        _ => throw new NotSupportedException($"the policy evaluator does not model the condition operator {op}"),
    };

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static bool Glob(string pattern, string value, bool ignoreCase)
    {
        var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(value, regex, (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }
}

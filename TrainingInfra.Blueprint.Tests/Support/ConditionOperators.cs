using System.Globalization;
using System.Text.RegularExpressions;

namespace TrainingInfra.Blueprint.Tests.Support;

/// <summary>
/// IAM's condition operators as the policy evaluator models them, after the IAM User Guide's
/// "IAM JSON policy elements: Condition operators" and "Single-valued vs. multivalued context keys":
/// <list type="bullet">
/// <item>a positive operator (StringEquals, StringLike, ArnLike, Bool, ...) holds when the key is
/// present and its value matches any of the policy's values; a missing key makes it false;</item>
/// <item>a negated operator (StringNotEquals, StringNotLike, ArnNotEquals, ArnNotLike) holds when
/// the value matches none of the policy's values, and also when the key is missing;</item>
/// <item><c>...IfExists</c> holds whenever the key is missing, else is the operator without it;</item>
/// <item><c>ForAllValues:</c> holds when every value of the key satisfies the operator (so also
/// for a missing key), <c>ForAnyValue:</c> when at least one does (so never for a missing key);</item>
/// <item><c>Null</c> tests presence: <c>true</c> holds when the key is missing.</item>
/// </list>
/// A single-valued operator on a key with several values, and any operator not listed, fail the
/// test instead of being guessed at.
/// </summary>
internal static class ConditionOperators
{
    private const string IfExists = "IfExists";

    public static bool Holds(string op, IReadOnlyList<string>? actual, IReadOnlyList<string> values)
    {
        if (op == "Null")
        {
            return values.Any(v => bool.Parse(v) == (actual is null));
        }

        var (set, name) = op switch
        {
            _ when op.StartsWith("ForAllValues:", StringComparison.Ordinal) => ("ForAllValues", op["ForAllValues:".Length..]),
            _ when op.StartsWith("ForAnyValue:", StringComparison.Ordinal) => ("ForAnyValue", op["ForAnyValue:".Length..]),
            _ => ((string?)null, op),
        };
        var ifExists = name.EndsWith(IfExists, StringComparison.Ordinal) && name != IfExists;
        var baseOperator = ifExists ? name[..^IfExists.Length] : name;
        var (negated, matches) = Matcher(baseOperator, op);

        if (actual is null || actual.Count == 0)
        {
            return ifExists || set switch
            {
                "ForAllValues" => true,
                "ForAnyValue" => false,
                _ => negated,
            };
        }

        bool Satisfies(string value) => negated ? !values.Any(v => matches(v, value)) : values.Any(v => matches(v, value));
        return set switch
        {
            "ForAllValues" => actual.All(Satisfies),
            "ForAnyValue" => actual.Any(Satisfies),
            _ when actual.Count > 1 => throw new NotSupportedException(
                $"the policy evaluator does not model the single-valued operator {op} on a key with several values"),
            _ => Satisfies(actual[0]),
        };
    }

    /// <summary>Whether the operator is negated, and how one policy value matches one request value.</summary>
    private static (bool Negated, Func<string, string, bool> Matches) Matcher(string baseOperator, string op) => baseOperator switch
    {
        "StringEquals" => (false, (p, v) => string.Equals(p, v, StringComparison.Ordinal)),
        "StringNotEquals" => (true, (p, v) => string.Equals(p, v, StringComparison.Ordinal)),
        "StringEqualsIgnoreCase" => (false, (p, v) => string.Equals(p, v, StringComparison.OrdinalIgnoreCase)),
        "StringNotEqualsIgnoreCase" => (true, (p, v) => string.Equals(p, v, StringComparison.OrdinalIgnoreCase)),
        "StringLike" => (false, (p, v) => Glob(p, v, ignoreCase: false)),
        "StringNotLike" => (true, (p, v) => Glob(p, v, ignoreCase: false)),
        // IAM treats ArnEquals and ArnLike alike: both take wildcards; likewise their negations.
        "ArnEquals" or "ArnLike" => (false, (p, v) => Glob(p, v, ignoreCase: false)),
        "ArnNotEquals" or "ArnNotLike" => (true, (p, v) => Glob(p, v, ignoreCase: false)),
        "Bool" => (false, (p, v) => string.Equals(p, v, StringComparison.OrdinalIgnoreCase)),
        "NumericLessThan" => (false, (p, v) => Number(v) < Number(p)),
        "NumericLessThanEquals" => (false, (p, v) => Number(v) <= Number(p)),
        _ => throw new NotSupportedException($"the policy evaluator does not model the condition operator {op}"),
    };

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>IAM's wildcards: * any run of characters (slashes too), ? exactly one.</summary>
    public static bool Glob(string pattern, string value, bool ignoreCase)
    {
        var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(value, regex, (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }
}

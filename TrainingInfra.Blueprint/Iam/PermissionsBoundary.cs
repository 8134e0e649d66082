using System.Text.RegularExpressions;
using TrainingInfra.Blueprint.Aws;

namespace TrainingInfra.Blueprint.Iam;

/// <summary>
/// The permissions boundary every IAM role of a stack carries when <c>iamPermissionsBoundary</c> is
/// set: a customer-managed policy of the stack's own account, named in config. A per-PR deploy role
/// that may only create roles bounded by it cannot create a role more powerful than the boundary.
/// </summary>
public static partial class PermissionsBoundary
{
    /// <summary>
    /// The rule for a policy name, as IAM's CreatePolicy states it: 1 to 128 of letters, digits and
    /// <c>+ = , . @ _ -</c> (IAM API Reference, CreatePolicy, PolicyName,
    /// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html, as of 2026-12).
    /// </summary>
    public const string NameRule =
        "must be the name of a customer-managed IAM policy: 1 to 128 letters, digits and + = , . @ _ - (not an ARN: the stack's account and partition complete it)";

    /// <summary>Whether a configured name is one IAM accepts for a policy.</summary>
    public static bool IsValidName(string name) => PolicyNamePattern().IsMatch(name);

    /// <summary>The boundary's ARN in the stack's account: <c>arn:{partition}:iam::{account}:policy/{name}</c>.</summary>
    public static string Arn(AwsRegion region, string accountId, string policyName)
    {
        ArgumentNullException.ThrowIfNull(region);
        return $"arn:{region.Partition}:iam::{accountId}:policy/{policyName}";
    }

    [GeneratedRegex(@"^[A-Za-z0-9+=,.@_-]{1,128}$")]
    private static partial Regex PolicyNamePattern();
}

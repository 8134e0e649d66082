using System.Text.Json.Serialization;

namespace TrainingInfra.Blueprint.Planning;

/// <summary>
/// What a stack will create and what it will cost, worked out without AWS: the plan tool's
/// result, and the stable shape of its JSON (<see cref="PlanJson"/>; docs/planning-and-cost.md, "The plan's JSON").
/// </summary>
/// <param name="SchemaVersion">The JSON shape's version: <see cref="CurrentSchemaVersion"/>; it changes only when a field changes meaning or goes away.</param>
/// <param name="Stack">The stack's name.</param>
/// <param name="Region">The stack's region (aws:region).</param>
/// <param name="Resources">Every resource the program registers, in registration order.</param>
/// <param name="Outputs">The stack's outputs, known or not yet known.</param>
/// <param name="Cost">The monthly idle cost and the usage-billed items.</param>
/// <param name="Quotas">What the stack draws from each account quota.</param>
/// <param name="Findings">The guardrail findings for the stack, waived or not.</param>
public sealed record StackPlan(
    int SchemaVersion,
    string Stack,
    string Region,
    IReadOnlyList<PlanResource> Resources,
    IReadOnlyList<PlanOutput> Outputs,
    PlanCost Cost,
    IReadOnlyList<PlanQuota> Quotas,
    IReadOnlyList<PlanFinding> Findings)
{
    /// <summary>The version of the JSON shape this program writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>What stands for the account id in names and values that contain it.</summary>
    public const string AccountPlaceholder = "<account-id>";

    /// <summary>What stands for a value that only AWS knows, once the stack is deployed.</summary>
    public const string UnknownValue = "<known after deployment>";

    /// <summary>The findings that no waiver accepts.</summary>
    [JsonIgnore]
    public IReadOnlyList<PlanFinding> Unwaived => Findings.Where(f => f.Waiver is null).ToList();
}

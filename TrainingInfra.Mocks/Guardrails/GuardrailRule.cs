using TrainingInfra.Blueprint.Config;

namespace TrainingInfra.Mocks.Guardrails;

/// <summary>
/// A security or data-safety rule checked against every resource a stack registers.
/// </summary>
/// <param name="Id">Checkov id (CKV_AWS_*), AWS Security Hub control (S3.5) or platform rule (TI.*).</param>
/// <param name="Title">What the rule demands.</param>
/// <param name="AppliesTo">Whether the stack has what the rule governs (a notebook, a protected stack, ...).</param>
/// <param name="Subjects">The resources the rule governs; a rule that applies must find at least one.</param>
/// <param name="Check">The findings among the subjects.</param>
public sealed record GuardrailRule(
    string Id,
    string Title,
    Func<PlatformSettings, bool> AppliesTo,
    Func<StackRun, IReadOnlyList<Pulumi.Testing.MockResourceArgs>> Subjects,
    Func<StackRun, IEnumerable<Finding>> Check);

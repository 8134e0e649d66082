using TrainingInfra.Blueprint.Config;

namespace TrainingInfra.Mocks.Guardrails;

/// <summary>A finding the platform accepts, and why.</summary>
/// <param name="RuleId">The rule waived.</param>
/// <param name="Covers">Which findings, in a stack with which settings, the waiver covers.</param>
/// <param name="Reason">Why the finding is accepted, for the reader of the suite's output.</param>
public sealed record Waiver(string RuleId, Func<PlatformSettings, Finding, bool> Covers, string Reason);

using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests.Guardrails;

/// <summary>The guardrail suite's runs: every stack file once, shared by every rule's test.</summary>
public sealed class GuardrailRuns : StackRuns;

namespace TrainingInfra.Blueprint.Planning;

/// <summary>A guardrail finding of a plan's stack.</summary>
/// <param name="RuleId">The rule (Checkov id, Security Hub control or TI.* platform rule).</param>
/// <param name="Resource">The resource, as short type and logical name.</param>
/// <param name="Problem">What is wrong with it.</param>
/// <param name="Waiver">Why the platform accepts it, or null when nothing does (the test suite fails on it).</param>
public sealed record PlanFinding(string RuleId, string Resource, string Problem, string? Waiver);

namespace TrainingInfra.Blueprint.Planning;

/// <summary>A stack output of a plan.</summary>
/// <param name="Name">The output's name.</param>
/// <param name="Value">The value, where config alone decides it (with <see cref="StackPlan.AccountPlaceholder"/> for the account id); <see cref="StackPlan.UnknownValue"/> otherwise.</param>
/// <param name="Known">Whether the value is known without AWS; false means <paramref name="Value"/> is a placeholder.</param>
public sealed record PlanOutput(string Name, string Value, bool Known);

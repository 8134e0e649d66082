namespace TrainingInfra.Blueprint.Planning;

/// <summary>One setting of a resource, before and after; null where the plan did not have it.</summary>
/// <param name="Setting">The setting's name, as the plan shows it.</param>
/// <param name="Before">Its value before, or null.</param>
/// <param name="After">Its value after, or null.</param>
public sealed record SettingChange(string Setting, string? Before, string? After);

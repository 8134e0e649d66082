namespace TrainingInfra.Blueprint.Planning;

/// <summary>A resource in both plans whose shown settings differ.</summary>
/// <param name="Type">The Pulumi type token.</param>
/// <param name="Name">The logical name.</param>
/// <param name="Settings">Each setting that differs.</param>
public sealed record ResourceChange(string Type, string Name, IReadOnlyList<SettingChange> Settings);

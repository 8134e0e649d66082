using System.Text.Json.Serialization;

namespace TrainingInfra.Blueprint.Planning;

/// <summary>A resource of a plan, with the settings a reviewer checks (see <see cref="ReviewedSettings"/>).</summary>
/// <param name="Type">The Pulumi type token.</param>
/// <param name="Name">The logical name.</param>
/// <param name="PhysicalName">The name the resource gets in AWS where the program sets it, else null (Pulumi names it, or AWS does).</param>
/// <param name="Settings">Setting name to its value as text, in a fixed order.</param>
public sealed record PlanResource(string Type, string Name, string? PhysicalName, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>The key that identifies the resource across two plans: type and logical name.</summary>
    [JsonIgnore]
    public string Key => $"{Type} {Name}";
}

using System.Text.Json;

namespace TrainingInfra.Blueprint.Config;

/// <summary>
/// Reads the project keys out of the JSON object that Pulumi's language host passes to the program
/// in the <c>PULUMI_CONFIG</c> environment variable. Pulumi's <c>Config</c> class can only look keys
/// up; listing them is what catches a misspelled key, which would otherwise be silently ignored.
/// </summary>
public static class PulumiConfigEnvironment
{
    /// <summary>The environment variable the language host sets.</summary>
    public const string VariableName = "PULUMI_CONFIG";

    /// <summary>
    /// The unqualified keys in <paramref name="json"/> that belong to <paramref name="project"/>.
    /// Keys may arrive as <c>project:key</c> or in the older <c>project:config:key</c> form.
    /// </summary>
    public static IReadOnlyList<string> ProjectKeys(string? json, string project)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        var prefix = project + ":";
        var legacyPrefix = project + ":config:";
        return document.RootElement.EnumerateObject()
            .Select(p => p.Name)
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(name => name.StartsWith(legacyPrefix, StringComparison.Ordinal)
                ? name[legacyPrefix.Length..]
                : name[prefix.Length..])
            .ToList();
    }
}

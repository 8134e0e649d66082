using System.Text.Json;
using System.Text.RegularExpressions;
using TrainingInfra.Blueprint.Monitoring;

namespace TrainingInfra.Blueprint.Tests.Support;

/// <summary>
/// What EventBridge does with a rule's pattern and a target's input transformer, for the subset the
/// platform uses: patterns of exact values (a field matches when its value is one of the listed
/// ones, objects nest), and templates whose placeholders are filled with the values read by
/// simple dot paths. Values are inserted unescaped, as EventBridge does.
/// </summary>
internal static partial class EventBridge
{
    public static bool Matches(string pattern, string @event) =>
        Matches(JsonDocument.Parse(pattern).RootElement, JsonDocument.Parse(@event).RootElement);

    public static string Transform(AlertMessage message, string @event)
    {
        var root = JsonDocument.Parse(@event).RootElement;
        return Placeholder().Replace(message.InputTemplate, m =>
        {
            var name = m.Groups["name"].Value;
            Assert.True(message.InputPaths.ContainsKey(name), $"<{name}> has no input path");
            return Read(root, message.InputPaths[name]) ?? "";
        });
    }

    public static IReadOnlyList<string> Placeholders(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups["name"].Value).Distinct().ToList();

    private static bool Matches(JsonElement pattern, JsonElement @event)
    {
        foreach (var field in pattern.EnumerateObject())
        {
            if (!@event.TryGetProperty(field.Name, out var value))
            {
                return false;
            }

            var matched = field.Value.ValueKind == JsonValueKind.Object
                ? value.ValueKind == JsonValueKind.Object && Matches(field.Value, value)
                : field.Value.EnumerateArray().Any(allowed => allowed.ValueKind == value.ValueKind && allowed.ToString() == value.ToString());
            if (!matched)
            {
                return false;
            }
        }

        return true;
    }

    private static string? Read(JsonElement root, string path)
    {
        Assert.StartsWith("$.", path, StringComparison.Ordinal);
        var node = root;
        foreach (var step in path[2..].Split('.'))
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(step, out node))
            {
                return null;
            }
        }

        return node.ToString();
    }

    [GeneratedRegex("<(?<name>[A-Za-z0-9_.-]+)>")]
    private static partial Regex Placeholder();
}

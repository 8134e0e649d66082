using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrainingInfra.Blueprint.Planning;

/// <summary>
/// The plan tool's JSON: <see cref="StackPlan"/> and <see cref="PlanComparison"/> with camelCase
/// field names, amounts as JSON numbers in US dollars, dates as yyyy-MM-dd. A recorded plan is read
/// back by <c>--compare</c>; one written by another schema version is refused, not misread.
/// </summary>
public static class PlanJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Names such as training-datasets-dev-<account-id> stay readable; the JSON is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>A plan as JSON.</summary>
    public static string Write(StackPlan plan) => JsonSerializer.Serialize(plan, Options);

    /// <summary>A comparison as JSON.</summary>
    public static string Write(PlanComparison comparison) => JsonSerializer.Serialize(comparison, Options);

    /// <summary>Reads a plan written by <see cref="Write(StackPlan)"/>; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static StackPlan Read(string json)
    {
        int version;
        try
        {
            using var document = JsonDocument.Parse(json);
            version = document.RootElement.TryGetProperty("schemaVersion", out var v) && v.TryGetInt32(out var n) ? n : 0;
        }
        catch (JsonException error)
        {
            throw new FormatException($"not a plan: {error.Message}", error);
        }

        if (version != StackPlan.CurrentSchemaVersion)
        {
            throw new FormatException($"a plan of schema version {version}; this tool reads version {StackPlan.CurrentSchemaVersion}");
        }

        try
        {
            return JsonSerializer.Deserialize<StackPlan>(json, Options) ?? throw new FormatException("not a plan: null");
        }
        catch (JsonException error)
        {
            throw new FormatException($"not a plan: {error.Message}", error);
        }
    }
}

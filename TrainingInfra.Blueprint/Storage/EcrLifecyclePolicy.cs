using System.Text.Json.Nodes;

namespace TrainingInfra.Blueprint.Storage;

/// <summary>The training-container repository's lifecycle policy.</summary>
public static class EcrLifecyclePolicy
{
    /// <summary>Expires every image beyond the <paramref name="count"/> most recently pushed, tagged or not.</summary>
    public static string KeepNewest(int count) =>
        new JsonObject
        {
            ["rules"] = new JsonArray(new JsonObject
            {
                ["rulePriority"] = 1,
                ["description"] = $"Keep only the {count} most recent images",
                ["selection"] = new JsonObject
                {
                    ["tagStatus"] = "any",
                    ["countType"] = "imageCountMoreThan",
                    ["countNumber"] = count,
                },
                ["action"] = new JsonObject { ["type"] = "expire" },
            }),
        }.ToJsonString();
}

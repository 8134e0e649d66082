using System.Text.Json.Nodes;

namespace TrainingInfra.Blueprint.Policies;

/// <summary>
/// Builds IAM-style policy documents (identity, trust, bucket, topic and key policies all share the
/// grammar) as JSON text that Pulumi passes straight to AWS.
/// </summary>
public static class PolicyDocument
{
    /// <summary>The policy language version every document uses.</summary>
    public const string Version = "2012-10-17";

    /// <summary>A document holding the given statements.</summary>
    public static string Create(params JsonObject[] statements) =>
        new JsonObject
        {
            ["Version"] = Version,
            ["Statement"] = new JsonArray(statements.Select(s => (JsonNode)s).ToArray()),
        }.ToJsonString();

    /// <summary>An Allow statement of actions on resources.</summary>
    public static JsonObject Allow(string sid, IEnumerable<string> actions, IEnumerable<string> resources, JsonObject? condition = null) =>
        Statement(sid, "Allow", actions, resources, principal: null, condition);

    /// <summary>A statement with every element spelled out; an empty resource list leaves Resource out.</summary>
    public static JsonObject Statement(
        string sid,
        string effect,
        IEnumerable<string> actions,
        IEnumerable<string> resources,
        JsonNode? principal,
        JsonObject? condition)
    {
        var statement = new JsonObject
        {
            ["Sid"] = sid,
            ["Effect"] = effect,
        };
        if (principal is not null)
        {
            statement["Principal"] = principal;
        }

        statement["Action"] = Strings(actions);
        var resourceList = resources.ToList();
        // Trust policies and resource policies of a single resource name no Resource.
        if (resourceList.Count > 0)
        {
            statement["Resource"] = Strings(resourceList);
        }

        if (condition is not null)
        {
            statement["Condition"] = condition;
        }

        return statement;
    }

    /// <summary>A trust policy letting one AWS service assume a role.</summary>
    public static string TrustService(string servicePrincipal) =>
        new JsonObject
        {
            ["Version"] = Version,
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["Service"] = servicePrincipal },
                ["Action"] = "sts:AssumeRole",
            }),
        }.ToJsonString();

    /// <summary>A JSON array of strings.</summary>
    public static JsonArray Strings(IEnumerable<string> values) =>
        new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrainingInfra.Blueprint.Tests.Support;

/// <summary>
/// A CreateTrainingJob request as IAM sees it: the condition keys SageMaker derives from the request
/// body (Service Authorization Reference for SageMaker), so that a test can start from a real request
/// such as the stack's TrainingJobConfig, change one member, and ask the policy evaluator.
/// </summary>
internal static class TrainingJobCall
{
    /// <summary>Whether the policies let a request with this body create the job of this ARN.</summary>
    public static bool IsAllowed(IEnumerable<string> policies, string jobArn, string requestJson)
    {
        var (single, multi) = Context(requestJson);
        return PolicyEvaluator.IsAllowed(policies, "sagemaker:CreateTrainingJob", jobArn, single, multiValued: multi);
    }

    /// <summary>The request body with one change.</summary>
    public static string Edit(string requestJson, Action<JsonObject> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var request = JsonNode.Parse(requestJson)!.AsObject();
        change(request);
        return request.ToJsonString();
    }

    private static (Dictionary<string, string>, Dictionary<string, IReadOnlyList<string>>) Context(string requestJson)
    {
        var request = JsonDocument.Parse(requestJson).RootElement;
        var single = new Dictionary<string, string>(StringComparer.Ordinal);
        var multi = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

        if (request.TryGetProperty("Tags", out var tags))
        {
            foreach (var tag in tags.EnumerateArray())
            {
                single["aws:RequestTag/" + tag.GetProperty("Key").GetString()] = tag.GetProperty("Value").GetString()!;
            }
        }

        var resources = request.GetProperty("ResourceConfig");
        multi["sagemaker:InstanceTypes"] = [resources.GetProperty("InstanceType").GetString()!];
        Copy(resources, "VolumeKmsKeyId", "sagemaker:VolumeKmsKey", single);
        Copy(resources, "KeepAlivePeriodInSeconds", "sagemaker:KeepAlivePeriod", single);
        Copy(request.GetProperty("OutputDataConfig"), "KmsKeyId", "sagemaker:OutputKmsKey", single);
        if (request.TryGetProperty("StoppingCondition", out var stopping))
        {
            Copy(stopping, "MaxRuntimeInSeconds", "sagemaker:MaxRuntimeInSeconds", single);
        }

        if (request.TryGetProperty("VpcConfig", out var vpc))
        {
            multi["sagemaker:VpcSubnets"] = vpc.GetProperty("Subnets").EnumerateArray().Select(s => s.GetString()!).ToList();
            multi["sagemaker:VpcSecurityGroupIds"] = vpc.GetProperty("SecurityGroupIds").EnumerateArray().Select(s => s.GetString()!).ToList();
        }

        return (single, multi);
    }

    private static void Copy(JsonElement from, string member, string key, Dictionary<string, string> context)
    {
        if (from.TryGetProperty(member, out var value))
        {
            context[key] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        }
    }
}

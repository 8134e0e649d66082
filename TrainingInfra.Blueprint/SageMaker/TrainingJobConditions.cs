using System.Globalization;
using System.Text.Json.Nodes;
using TrainingInfra.Blueprint.Policies;

namespace TrainingInfra.Blueprint.SageMaker;

/// <summary>
/// The Allow statements for sagemaker:CreateTrainingJob that hold a request to a stack's
/// <see cref="TrainingJobLimits"/>. Every condition key below is one that the Service Authorization
/// Reference lists for CreateTrainingJob ("Actions, resources, and condition keys for Amazon
/// SageMaker", https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html,
/// as of 2026-12-05), with the type given there: sagemaker:InstanceTypes, sagemaker:VpcSubnets and
/// sagemaker:VpcSecurityGroupIds (ArrayOfString), sagemaker:VolumeKmsKey and sagemaker:OutputKmsKey
/// (ARN), sagemaker:MaxRuntimeInSeconds and sagemaker:KeepAlivePeriod (Numeric); aws:RequestTag
/// marks the job as the stack's.
/// </summary>
public static class TrainingJobConditions
{
    /// <summary>ResourceConfig.InstanceType (or the types of its instance groups).</summary>
    public const string InstanceTypes = "sagemaker:InstanceTypes";

    /// <summary>VpcConfig.Subnets.</summary>
    public const string VpcSubnets = "sagemaker:VpcSubnets";

    /// <summary>VpcConfig.SecurityGroupIds.</summary>
    public const string VpcSecurityGroupIds = "sagemaker:VpcSecurityGroupIds";

    /// <summary>ResourceConfig.VolumeKmsKeyId.</summary>
    public const string VolumeKmsKey = "sagemaker:VolumeKmsKey";

    /// <summary>OutputDataConfig.KmsKeyId.</summary>
    public const string OutputKmsKey = "sagemaker:OutputKmsKey";

    /// <summary>StoppingCondition.MaxRuntimeInSeconds.</summary>
    public const string MaxRuntimeInSeconds = "sagemaker:MaxRuntimeInSeconds";

    /// <summary>ResourceConfig.KeepAlivePeriodInSeconds, the warm pool's lifetime.</summary>
    public const string KeepAlivePeriod = "sagemaker:KeepAlivePeriod";

    /// <summary>
    /// The statements allowing this stack's jobs to start. Without a data key, one statement. With
    /// one, the instance types split in two: types with an EBS volume must name the key as their
    /// volume key, and types with local NVMe storage may name none, since CreateTrainingJob refuses a
    /// volume key for them (<see cref="TrainingInstanceTypes.HasLocalStorage"/>).
    /// </summary>
    public static IReadOnlyList<JsonObject> StartStatements(string jobArnPattern, IReadOnlyDictionary<string, string> ownershipTags, TrainingJobLimits limits)
    {
        ArgumentNullException.ThrowIfNull(ownershipTags);
        ArgumentNullException.ThrowIfNull(limits);
        if (limits.DataKeyArn is null)
        {
            return [Start("StartThisStacksTrainingJobs", jobArnPattern, ownershipTags, limits, limits.InstanceTypes, localStorage: false)];
        }

        var local = limits.InstanceTypes.Where(TrainingInstanceTypes.HasLocalStorage).ToList();
        var ebs = limits.InstanceTypes.Except(local, StringComparer.Ordinal).ToList();
        var statements = new List<JsonObject>();
        if (ebs.Count > 0)
        {
            statements.Add(Start("StartThisStacksTrainingJobsOnEncryptedVolumes", jobArnPattern, ownershipTags, limits, ebs, localStorage: false));
        }

        if (local.Count > 0)
        {
            statements.Add(Start("StartThisStacksTrainingJobsOnLocalStorage", jobArnPattern, ownershipTags, limits, local, localStorage: true));
        }

        return statements;
    }

    private static JsonObject Start(
        string sid, string jobArnPattern, IReadOnlyDictionary<string, string> ownershipTags, TrainingJobLimits limits, IReadOnlyList<string> types, bool localStorage)
    {
        var tags = new JsonObject();
        foreach (var (tagKey, value) in ownershipTags)
        {
            tags[$"aws:RequestTag/{tagKey}"] = value;
        }

        var condition = new JsonObject
        {
            ["StringEquals"] = tags,
            ["ForAllValues:StringEquals"] = new JsonObject
            {
                [InstanceTypes] = PolicyDocument.Strings(types),
                [VpcSubnets] = PolicyDocument.Strings(limits.SubnetIds),
                [VpcSecurityGroupIds] = PolicyDocument.Strings(limits.SecurityGroupIds),
            },
            // ForAllValues holds for a key the request does not carry at all: without these, a job
            // with no VpcConfig (on SageMaker's own network, internet included) would pass.
            ["Null"] = new JsonObject { [InstanceTypes] = "false", [VpcSubnets] = "false", [VpcSecurityGroupIds] = "false" },
            // Not IfExists: a request that states no run time gets SageMaker's default, so it must state one.
            ["NumericLessThanEquals"] = new JsonObject { [MaxRuntimeInSeconds] = Number(limits.MaxRuntimeSeconds) },
            // A job without a warm pool carries no keep-alive period.
            ["NumericLessThanEqualsIfExists"] = new JsonObject { [KeepAlivePeriod] = Number(limits.MaxKeepAliveSeconds) },
        };
        if (limits.DataKeyArn is { } key)
        {
            var arnEquals = new JsonObject { [OutputKmsKey] = key };
            if (localStorage)
            {
                condition["ArnEqualsIfExists"] = new JsonObject { [VolumeKmsKey] = key };
            }
            else
            {
                arnEquals[VolumeKmsKey] = key;
            }

            condition["ArnEquals"] = arnEquals;
        }

        return PolicyDocument.Allow(sid, ["sagemaker:CreateTrainingJob"], [jobArnPattern], condition);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

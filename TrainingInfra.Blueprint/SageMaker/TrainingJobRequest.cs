using System.Text.Json.Nodes;
using TrainingInfra.Blueprint.Config;

namespace TrainingInfra.Blueprint.SageMaker;

/// <summary>
/// The stack's part of a SageMaker CreateTrainingJob request: who the job runs as, managed spot
/// training with its stopping condition, where in the VPC it runs, and where its output and
/// checkpoints go. A user merges it with the job's own parts (name, image, instances, input
/// channels) and passes the result to <c>aws sagemaker create-training-job --cli-input-json</c>.
/// </summary>
/// <param name="Limits">Run and wait limits of a spot job.</param>
/// <param name="TrainingRoleArn">The role the job runs as.</param>
/// <param name="SecurityGroupId">The SageMaker security group.</param>
/// <param name="SubnetIds">The isolated subnets.</param>
/// <param name="ModelBucketName">The model-artifacts bucket.</param>
public sealed record TrainingJobRequest(
    TrainingSettings Limits, string TrainingRoleArn, string SecurityGroupId, IReadOnlyList<string> SubnetIds, string ModelBucketName)
{
    /// <summary>Key prefix of the model artifacts in the model bucket.</summary>
    public const string OutputPrefix = "output/";

    /// <summary>
    /// Key prefix of the checkpoints in the model bucket. Managed spot training without checkpoints
    /// starts again from zero after every interruption.
    /// </summary>
    public const string CheckpointPrefix = "checkpoints/";

    /// <summary>
    /// Tags the job is created with, or null for none. With them, a job started from the fragment
    /// belongs to the stack in the eyes of a scoped notebook role (see <see cref="NotebookSageMakerAccess"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>Where SageMaker writes the model artifacts.</summary>
    public string OutputPath => $"s3://{ModelBucketName}/{OutputPrefix}";

    /// <summary>Where SageMaker keeps the checkpoints it restores a job from after an interruption.</summary>
    public string CheckpointUri => $"s3://{ModelBucketName}/{CheckpointPrefix}";

    /// <summary>The request fragment as JSON, with the API's member names and nesting.</summary>
    public string ToJson()
    {
        ArgumentNullException.ThrowIfNull(Limits);
        ArgumentNullException.ThrowIfNull(SubnetIds);
        if (SubnetIds.Count == 0)
        {
            // SageMaker rejects a VpcConfig without subnets; an empty list here means the network
            // handed over nothing, which must not end up in an output that looks usable.
            throw new ArgumentException("a VPC-mode training job needs at least one subnet", nameof(SubnetIds));
        }

        if (Limits.MaxWaitSeconds < Limits.MaxRuntimeSeconds)
        {
            throw new ArgumentException(
                $"MaxWaitTimeInSeconds ({Limits.MaxWaitSeconds}) is less than MaxRuntimeInSeconds ({Limits.MaxRuntimeSeconds}), which SageMaker rejects",
                nameof(Limits));
        }

        var request = new JsonObject
        {
            ["RoleArn"] = TrainingRoleArn,
            ["EnableManagedSpotTraining"] = true,
            ["StoppingCondition"] = new JsonObject
            {
                ["MaxRuntimeInSeconds"] = Limits.MaxRuntimeSeconds,
                ["MaxWaitTimeInSeconds"] = Limits.MaxWaitSeconds,
            },
            ["VpcConfig"] = new JsonObject
            {
                ["SecurityGroupIds"] = new JsonArray(JsonValue.Create(SecurityGroupId)),
                ["Subnets"] = new JsonArray(SubnetIds.Select(id => (JsonNode)JsonValue.Create(id)).ToArray()),
            },
            ["OutputDataConfig"] = new JsonObject { ["S3OutputPath"] = OutputPath },
            ["CheckpointConfig"] = new JsonObject { ["S3Uri"] = CheckpointUri },
        };
        if (Tags is { Count: > 0 } tags)
        {
            // CreateTrainingJob names the member as this record names the property.
            request[nameof(Tags)] = new JsonArray(tags.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value }).ToArray());
        }

        return request.ToJsonString();
    }
}

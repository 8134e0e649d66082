using System.Text.Json.Nodes;
using TrainingInfra.Blueprint.Config;

namespace TrainingInfra.Blueprint.SageMaker;

/// <summary>
/// A SageMaker CreateTrainingJob request for this stack, complete except for the job's name: the
/// repository's image at the configured tag, the configured instances, the dataset bucket's training
/// channel, managed spot training with its stopping condition, the isolated subnets, and the model
/// bucket for output and checkpoints. A user adds <c>TrainingJobName</c> (and a checkpoint prefix of
/// the job's own, see <see cref="CheckpointUri"/>) and passes it to
/// <c>aws sagemaker create-training-job --cli-input-json</c>; <c>scripts/start-training-job.sh</c> does both.
/// </summary>
/// <param name="Training">The training settings: limits, instances and image tag.</param>
/// <param name="TrainingRoleArn">The role the job runs as.</param>
/// <param name="SecurityGroupId">The SageMaker security group.</param>
/// <param name="SubnetIds">The isolated subnets.</param>
/// <param name="ModelBucketName">The model-artifacts bucket.</param>
/// <param name="DatasetBucketName">The dataset bucket.</param>
/// <param name="RepositoryUrl">The training-container repository, registry host and name, without a tag.</param>
/// <param name="DataKeyArn">The stack's customer-managed data key, or null when it has none.</param>
public sealed record TrainingJobRequest(
    TrainingSettings Training,
    string TrainingRoleArn,
    string SecurityGroupId,
    IReadOnlyList<string> SubnetIds,
    string ModelBucketName,
    string DatasetBucketName,
    string RepositoryUrl,
    string? DataKeyArn)
{
    /// <summary>Key prefix of the model artifacts in the model bucket.</summary>
    public const string OutputPrefix = "output/";

    /// <summary>
    /// Key prefix of the checkpoints in the model bucket. Managed spot training without checkpoints
    /// starts again from zero after every interruption.
    /// </summary>
    public const string CheckpointPrefix = "checkpoints/";

    /// <summary>Key prefix in the dataset bucket that the training channel reads.</summary>
    public const string TrainingDataPrefix = "training/";

    /// <summary>Name of the input channel; the container finds it under /opt/ml/input/data/training.</summary>
    public const string TrainingChannel = "training";

    /// <summary>
    /// The values of AlgorithmSpecification.TrainingInputMode (SageMaker API reference,
    /// https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AlgorithmSpecification.html, read
    /// 2026-12-05). File copies the data onto the instance's volume before the container starts, the
    /// mode every container supports and the default; FastFile streams it from S3 as the container
    /// reads it, so a job starts without waiting for the download; Pipe needs an image built to read
    /// named pipes.
    /// </summary>
    public static IReadOnlyList<string> InputModes { get; } = ["File", "FastFile", "Pipe"];

    /// <summary>
    /// Tags the job is created with, or null for none. With them, a job started from the fragment
    /// belongs to the stack in the eyes of a scoped notebook role (see <see cref="NotebookSageMakerAccess"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>
    /// The stack's MLflow App, or null when it has none. With it the request carries
    /// <c>MlflowConfig</c>: the job's run is logged to this app, in <see cref="MlflowExperimentName"/>.
    /// </summary>
    public string? MlflowAppArn { get; init; }

    /// <summary>The MLflow experiment a job's run goes to; required with <see cref="MlflowAppArn"/>.</summary>
    public string? MlflowExperimentName { get; init; }

    /// <summary>
    /// The stack's model package group, or null. With it the request carries
    /// <c>ModelPackageConfig</c>: the job's model is registered as a package of this group.
    /// </summary>
    public string? ModelPackageGroupArn { get; init; }

    /// <summary>Where SageMaker writes the model artifacts; it adds the job's name.</summary>
    public string OutputPath => $"s3://{ModelBucketName}/{OutputPrefix}";

    /// <summary>
    /// Under which SageMaker keeps checkpoints. SageMaker copies everything under the job's
    /// CheckpointConfig.S3Uri into the job when it starts or resumes, so each job appends its own
    /// name: two jobs sharing one prefix would resume from, and overwrite, each other's checkpoints.
    /// </summary>
    public string CheckpointUri => $"s3://{ModelBucketName}/{CheckpointPrefix}";

    /// <summary>What the training channel reads.</summary>
    public string TrainingDataUri => $"s3://{DatasetBucketName}/{TrainingDataPrefix}";

    /// <summary>The image the job runs.</summary>
    public string ImageUri => $"{RepositoryUrl}:{Training.ImageTag}";

    /// <summary>The request as JSON, with the API's member names and nesting.</summary>
    public string ToJson()
    {
        ArgumentNullException.ThrowIfNull(Training);
        ArgumentNullException.ThrowIfNull(SubnetIds);
        if (SubnetIds.Count == 0)
        {
            // SageMaker rejects a VpcConfig without subnets; an empty list here means the network
            // handed over nothing, which must not end up in an output that looks usable.
            throw new ArgumentException("a VPC-mode training job needs at least one subnet", nameof(SubnetIds));
        }

        if (Training.MaxWaitSeconds < Training.MaxRuntimeSeconds)
        {
            throw new ArgumentException(
                $"MaxWaitTimeInSeconds ({Training.MaxWaitSeconds}) is less than MaxRuntimeInSeconds ({Training.MaxRuntimeSeconds}), which SageMaker rejects",
                nameof(Training));
        }

        var resources = new JsonObject
        {
            ["InstanceType"] = Training.InstanceType,
            ["InstanceCount"] = Training.InstanceCount,
            ["VolumeSizeInGB"] = Training.VolumeSizeGb,
        };

        // CreateTrainingJob refuses a volume key for types that train on local NVMe storage, which
        // the instance encrypts itself.
        if (DataKeyArn is not null && !TrainingInstanceTypes.HasLocalStorage(Training.InstanceType))
        {
            resources["VolumeKmsKeyId"] = DataKeyArn;
        }

        var output = new JsonObject { ["S3OutputPath"] = OutputPath };
        if (DataKeyArn is not null)
        {
            output["KmsKeyId"] = DataKeyArn;
        }

        var request = new JsonObject
        {
            ["AlgorithmSpecification"] = new JsonObject
            {
                ["TrainingImage"] = ImageUri,
                ["TrainingInputMode"] = Training.InputMode,
            },
            ["RoleArn"] = TrainingRoleArn,
            ["InputDataConfig"] = new JsonArray(new JsonObject
            {
                ["ChannelName"] = TrainingChannel,
                ["DataSource"] = new JsonObject
                {
                    ["S3DataSource"] = new JsonObject
                    {
                        ["S3DataType"] = "S3Prefix",
                        ["S3Uri"] = TrainingDataUri,
                        // Every instance gets the whole dataset; sharding is the training code's choice.
                        ["S3DataDistributionType"] = "FullyReplicated",
                    },
                },
            }),
            ["OutputDataConfig"] = output,
            ["ResourceConfig"] = resources,
            ["EnableManagedSpotTraining"] = true,
            ["StoppingCondition"] = new JsonObject
            {
                ["MaxRuntimeInSeconds"] = Training.MaxRuntimeSeconds,
                ["MaxWaitTimeInSeconds"] = Training.MaxWaitSeconds,
            },
            ["VpcConfig"] = new JsonObject
            {
                ["SecurityGroupIds"] = new JsonArray(JsonValue.Create(SecurityGroupId)),
                ["Subnets"] = new JsonArray(SubnetIds.Select(id => (JsonNode)JsonValue.Create(id)).ToArray()),
            },
            ["CheckpointConfig"] = new JsonObject { ["S3Uri"] = CheckpointUri },
        };
        if (MlflowAppArn is not null)
        {
            if (string.IsNullOrEmpty(MlflowExperimentName))
            {
                throw new ArgumentException("an MLflow App needs the experiment its runs go to", nameof(MlflowExperimentName));
            }

            // CreateTrainingJob's MlflowConfig (botocore sagemaker 2017-07-24 service-2.json, read
            // 2026-12-05): MlflowResourceArn required, MlflowExperimentName and MlflowRunName optional.
            // The run is named after the job when the job is started (start-training-job.sh).
            request["MlflowConfig"] = new JsonObject
            {
                ["MlflowResourceArn"] = MlflowAppArn,
                [nameof(MlflowExperimentName)] = MlflowExperimentName,
            };
        }

        if (ModelPackageGroupArn is not null)
        {
            // ModelPackageConfig: ModelPackageGroupArn required (same model).
            request["ModelPackageConfig"] = new JsonObject { [nameof(ModelPackageGroupArn)] = ModelPackageGroupArn };
        }

        if (Tags is { Count: > 0 } tags)
        {
            // CreateTrainingJob names the member as this record names the property.
            request[nameof(Tags)] = new JsonArray(tags.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value }).ToArray());
        }

        return request.ToJsonString();
    }
}

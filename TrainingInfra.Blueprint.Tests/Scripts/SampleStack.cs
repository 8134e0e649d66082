using System.Text.Json.Nodes;
using TrainingInfra.Blueprint.Naming;
using TrainingInfra.Blueprint.SageMaker;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests.Scripts;

/// <summary>
/// The outputs of a deployed dev stack as 'pulumi stack output --json' prints them, with the
/// TrainingJobConfig the blueprint really emits, so that the scripts are tested against its shape.
/// </summary>
internal static class SampleStack
{
    public const string Account = "111122223333";
    public const string Region = "us-east-1";
    public const string Datasets = "training-datasets-dev-111122223333";
    public const string Models = "model-artifacts-dev-111122223333";
    public const string ComputeEnvironment = "arn:aws:batch:us-east-1:111122223333:compute-environment/training-spot-dev";
    public const string Queue = "arn:aws:batch:us-east-1:111122223333:job-queue/inference-queue-dev";
    public const string JobDefinition = "arn:aws:batch:us-east-1:111122223333:job-definition/inference-job-dev:4";
    public const string Repository = "111122223333.dkr.ecr.us-east-1.amazonaws.com/training-containers-dev";
    public const string DataKey = "arn:aws:kms:us-east-1:111122223333:key/0f1e2d3c-data-key";
    public const string BatchFailureRule = "batch-job-failed-dev";
    public const string TrainingRole = "arn:aws:iam::111122223333:role/training-job-role-dev";
    public const string MlflowApp = "arn:aws:sagemaker:us-east-1:111122223333:mlflow-app/app-0a1b2c3d4e5f";

    /// <summary>The stack's names, as the program gives them for the suffix dev.</summary>
    public static ResourceNames Names { get; } = new("dev");

    public static string ModelPackageGroupArn => $"arn:aws:sagemaker:{Region}:{Account}:model-package-group/{Names.ModelPackageGroup}";

    /// <summary>What Batch's DescribeJobDefinitions answers for the stack's <see cref="JobDefinition"/>.</summary>
    public const string JobDefinitions = $$$"""
        {"jobDefinitions":[{"jobDefinitionName":"inference-job-dev","jobDefinitionArn":"{{{JobDefinition}}}","revision":4,
          "status":"ACTIVE","type":"container","platformCapabilities":["EC2"],"propagateTags":true,
          "retryStrategy":{"attempts":3,"evaluateOnExit":[{"onStatusReason":"Host EC2*","action":"RETRY"},{"onReason":"*","action":"EXIT"}]},
          "timeout":{"attemptDurationSeconds":3600},
          "containerProperties":{"image":"{{{Repository}}}:latest","command":[],"jobRoleArn":"arn:aws:iam::111122223333:role/batch-job-role-dev",
            "volumes":[],"environment":[],"mountPoints":[],"ulimits":[],
            "resourceRequirements":[{"value":"4","type":"VCPU"},{"value":"8192","type":"MEMORY"}],
            "logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/aws/sagemaker/training-jobs-dev"}},"secrets":[]}}]}
        """;

    /// <summary>
    /// The TrainingJobConfig output. With <paramref name="registry"/> (a stack with an MLflow App and
    /// a model package group) it carries MlflowConfig and ModelPackageConfig, as the program's does.
    /// </summary>
    public static string TrainingJobConfig(string? dataKey = null, params (string Key, string Value)[] config) =>
        TrainingJobConfig(dataKey, registry: true, config);

    public static string TrainingJobConfig(string? dataKey, bool registry, params (string Key, string Value)[] config) =>
        new TrainingJobRequest(
            Configs.Load(config).Training,
            TrainingRole,
            "sg-0123456789abcdef0",
            ["subnet-isolated-a", "subnet-isolated-b"],
            Models,
            Datasets,
            Repository,
            dataKey)
        {
            MlflowAppArn = registry ? MlflowApp : null,
            MlflowExperimentName = registry ? Names.MlflowExperiment : null,
            ModelPackageGroupArn = registry ? ModelPackageGroupArn : null,
        }.ToJson();

    /// <param name="dataKey">The stack's data key, or null.</param>
    /// <param name="registry">Whether TrainingJobConfig carries MlflowConfig and ModelPackageConfig.</param>
    public static JsonObject Outputs(string? dataKey = null, bool registry = true) => new()
    {
        ["EnvironmentSuffix"] = "dev",
        ["Region"] = Region,
        ["DatasetBucketName"] = Datasets,
        ["ModelBucketName"] = Models,
        ["ECRRepositoryUri"] = Repository,
        ["TrainingRoleArn"] = TrainingRole,
        ["TrainingJobConfig"] = TrainingJobConfig(dataKey, registry),
        ["ComputeEnvironmentArn"] = ComputeEnvironment,
        ["JobQueueArn"] = Queue,
        ["JobDefinitionArn"] = JobDefinition,
        ["LogGroupName"] = "/aws/sagemaker/training-jobs-dev",
        ["TrainingJobFailedRuleName"] = "training-job-failed-dev",
        ["BatchJobFailedRuleName"] = BatchFailureRule,
        ["ModelPackageGroupName"] = Names.ModelPackageGroup,
        ["ModelApprovalRuleName"] = Names.ModelApprovalRule,
        ["MlflowAppArn"] = MlflowApp,
        ["DataProtected"] = false,
    };
}

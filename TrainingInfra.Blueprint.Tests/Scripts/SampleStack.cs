using System.Text.Json.Nodes;
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

    public static string TrainingJobConfig(string? dataKey = null, params (string Key, string Value)[] config) =>
        new TrainingJobRequest(
            Configs.Load(config).Training,
            "arn:aws:iam::111122223333:role/training-job-role-dev",
            "sg-0123456789abcdef0",
            ["subnet-isolated-a", "subnet-isolated-b"],
            Models,
            Datasets,
            Repository,
            dataKey).ToJson();

    public static JsonObject Outputs(string? dataKey = null) => new()
    {
        ["EnvironmentSuffix"] = "dev",
        ["Region"] = Region,
        ["DatasetBucketName"] = Datasets,
        ["ModelBucketName"] = Models,
        ["ECRRepositoryUri"] = Repository,
        ["TrainingRoleArn"] = "arn:aws:iam::111122223333:role/training-job-role-dev",
        ["TrainingJobConfig"] = TrainingJobConfig(dataKey),
        ["ComputeEnvironmentArn"] = ComputeEnvironment,
        ["JobQueueArn"] = Queue,
        ["JobDefinitionArn"] = JobDefinition,
        ["LogGroupName"] = "/aws/sagemaker/training-jobs-dev",
        ["TrainingJobFailedRuleName"] = "training-job-failed-dev",
        ["BatchJobFailedRuleName"] = BatchFailureRule,
    };
}

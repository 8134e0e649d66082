using System.Text.Json.Nodes;

namespace TrainingInfra.Blueprint.Tests.Support;

/// <summary>
/// Events in the shape SageMaker and AWS Batch send them to EventBridge (trimmed to the fields
/// that matter here; the field names are those of the services' documented events).
/// </summary>
internal static class SampleEvents
{
    public const string Account = "111122223333";
    public const string TrainingRoleArn = "arn:aws:iam::111122223333:role/sagemaker-training-role-dev";
    public const string JobQueueArn = "arn:aws:batch:us-east-1:111122223333:job-queue/inference-queue-dev";

    public static string TrainingJob(
        string status, string roleArn = TrainingRoleArn, string name = "resnet-2024-06-01", string? failureReason = "AlgorithmError: ExecuteUserScriptError exit code 1") =>
        new JsonObject
        {
            ["version"] = "0",
            ["id"] = "0d9b3c5e-5f0e-4b9a-9c4e-1a2b3c4d5e6f",
            ["detail-type"] = "SageMaker Training Job State Change",
            ["source"] = "aws.sagemaker",
            ["account"] = Account,
            ["time"] = "2024-06-01T10:20:30Z",
            ["region"] = "us-east-1",
            ["resources"] = new JsonArray($"arn:aws:sagemaker:us-east-1:{Account}:training-job/{name}"),
            ["detail"] = new JsonObject
            {
                ["TrainingJobName"] = name,
                ["TrainingJobArn"] = $"arn:aws:sagemaker:us-east-1:{Account}:training-job/{name}",
                ["TrainingJobStatus"] = status,
                ["SecondaryStatus"] = status,
                ["FailureReason"] = failureReason,
                ["RoleArn"] = roleArn,
                ["EnableManagedSpotTraining"] = true,
            },
        }.ToJsonString();

    public static string BatchJob(
        string status, string jobQueue = JobQueueArn, string name = "nightly-scoring", string jobId = "4c7599ae-0a82-49aa-ba5a-4727fcce14a8",
        string statusReason = "Essential container in task exited") =>
        new JsonObject
        {
            ["version"] = "0",
            ["id"] = "c8f9c4b5-76e5-d76a-f980-7011e206042b",
            ["detail-type"] = "Batch Job State Change",
            ["source"] = "aws.batch",
            ["account"] = Account,
            ["time"] = "2024-06-01T10:20:30Z",
            ["region"] = "us-east-1",
            ["resources"] = new JsonArray($"arn:aws:batch:us-east-1:{Account}:job/{jobId}"),
            ["detail"] = new JsonObject
            {
                ["jobName"] = name,
                ["jobId"] = jobId,
                ["jobArn"] = $"arn:aws:batch:us-east-1:{Account}:job/{jobId}",
                ["jobQueue"] = jobQueue,
                ["status"] = status,
                ["statusReason"] = statusReason,
                ["attempts"] = new JsonArray(),
                ["jobDefinition"] = $"arn:aws:batch:us-east-1:{Account}:job-definition/inference-job-dev:1",
                ["container"] = new JsonObject { ["exitCode"] = 1 },
            },
        }.ToJsonString();
}

using System.Text.Json.Nodes;

namespace TrainingInfra.Blueprint.Tests.Scripts;

/// <summary>
/// SageMaker's answers about the sample stack's training jobs and model packages, in the shapes of
/// botocore's sagemaker 2017-07-24 model (DescribeTrainingJobResponse, ModelPackageSummary; read
/// 2026-12-05), with every member the model marks required.
/// </summary>
internal static class SampleModels
{
    public const string XgboostImage = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";

    public static string JobArn(string job) => $"arn:aws:sagemaker:{SampleStack.Region}:{SampleStack.Account}:training-job/{job}";

    public static string Artifact(string job) => $"s3://{SampleStack.Models}/output/{job}/output/model.tar.gz";

    public static string PackageArn(int version) =>
        $"arn:aws:sagemaker:{SampleStack.Region}:{SampleStack.Account}:model-package/{SampleStack.Names.ModelPackageGroup}/{version}";

    /// <summary>
    /// DescribeTrainingJob's answer for a job with this status, run as the stack's training role unless
    /// another is given; without an artifact, S3ModelArtifacts is empty, as for a job that wrote none.
    /// </summary>
    public static JsonObject TrainingJob(string job, string status, string role = SampleStack.TrainingRole, bool withArtifact = true, string? outputPackage = null)
    {
        var described = new JsonObject
        {
            ["TrainingJobName"] = job,
            ["TrainingJobArn"] = JobArn(job),
            ["ModelArtifacts"] = new JsonObject { ["S3ModelArtifacts"] = withArtifact ? Artifact(job) : "" },
            ["TrainingJobStatus"] = status,
            ["SecondaryStatus"] = status == "InProgress" ? "Training" : status,
            ["AlgorithmSpecification"] = new JsonObject { ["TrainingImage"] = XgboostImage, ["TrainingInputMode"] = "File" },
            ["RoleArn"] = role,
            ["StoppingCondition"] = new JsonObject { ["MaxRuntimeInSeconds"] = 900, ["MaxWaitTimeInSeconds"] = 1800 },
            ["CreationTime"] = 1796083200,
        };
        if (outputPackage is not null)
        {
            described["ModelPackageConfig"] = new JsonObject { ["ModelPackageGroupArn"] = SampleStack.ModelPackageGroupArn };
            described["OutputModelPackageArn"] = outputPackage;
        }

        return described;
    }

    /// <summary>DescribeModelPackageGroup's answer for the stack's group.</summary>
    public static JsonObject GroupDescription() => new()
    {
        ["ModelPackageGroupName"] = SampleStack.Names.ModelPackageGroup,
        ["ModelPackageGroupArn"] = SampleStack.ModelPackageGroupArn,
        ["CreationTime"] = 1796083200,
        ["CreatedBy"] = new JsonObject(),
        ["ModelPackageGroupStatus"] = "Completed",
    };

    /// <summary>One page of ListModelPackages for the stack's group: these versions, and the token of the next page.</summary>
    public static JsonObject PackagePage(string? nextToken, params int[] versions)
    {
        var page = new JsonObject
        {
            ["ModelPackageSummaryList"] = new JsonArray(versions.Select(v => (JsonNode)new JsonObject
            {
                ["ModelPackageGroupName"] = SampleStack.Names.ModelPackageGroup,
                ["ModelPackageVersion"] = v,
                ["ModelPackageArn"] = PackageArn(v),
                ["CreationTime"] = 1796083200 + v,
                ["ModelPackageStatus"] = "Completed",
                ["ModelApprovalStatus"] = "PendingManualApproval",
            }).ToArray()),
        };
        if (nextToken is not null)
        {
            page["NextToken"] = nextToken;
        }

        return page;
    }
}

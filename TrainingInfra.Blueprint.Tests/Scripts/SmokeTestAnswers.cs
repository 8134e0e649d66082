using System.Text.Json.Nodes;

namespace TrainingInfra.Blueprint.Tests.Scripts;

/// <summary>What the stand-in aws answers scripts/smoke-test.sh for the sample stack, step by step.</summary>
internal static class SmokeTestAnswers
{
    public const string SmokeDefinition = "arn:aws:batch:us-east-1:111122223333:job-definition/inference-job-dev-smoke-test:1";

    /// <summary>The training job's name in SageMaker's answers (the test names it after its run).</summary>
    public const string Job = "the-job";

    /// <summary>The version register-model.sh registers.</summary>
    public static string Package => SampleModels.PackageArn(1);

    /// <summary>The sample stack's outputs, and the answers of every step that does not vary between tests.</summary>
    public static void Prepare(ScriptSandbox sandbox, JsonObject? outputs = null)
    {
        sandbox.Outputs(outputs ?? SampleStack.Outputs());
        sandbox.Environment["SMOKE_TEST_ALERT_WAIT_SECONDS"] = "5";
        sandbox.Answer("batch", "describe-job-definitions", 1, JsonNode.Parse(SampleStack.JobDefinitions));
        sandbox.Answer("batch", "register-job-definition", 1, new JsonObject { ["jobDefinitionArn"] = SmokeDefinition });
        sandbox.Answer("batch", "submit-job", 1, new JsonObject { ["jobId"] = "job-ok" });
        sandbox.Answer("batch", "submit-job", 2, new JsonObject { ["jobId"] = "job-fail" });
        sandbox.Answer("s3api", "head-object", 1, new JsonObject { ["ContentLength"] = 1843 });
        sandbox.Answer("sagemaker", "create-model-package", 1, new JsonObject { ["ModelPackageArn"] = Package });
        sandbox.Answer("sagemaker", "update-model-package", 1, new JsonObject { ["ModelPackageArn"] = Package });
    }

    public static ScriptResult SmokeTest(ScriptSandbox sandbox) =>
        sandbox.Run("smoke-test.sh", "dev", "--outputs", sandbox.OutputsFile, "--timeout", "50");

    public static void TrainingEnds(ScriptSandbox sandbox, string status)
    {
        var described = SampleModels.TrainingJob(Job, status);
        if (status == "Failed")
        {
            described["FailureReason"] = "CapacityError: no spot capacity";
        }

        sandbox.Answer("sagemaker", "describe-training-job", 1, described);
    }

    public static void BatchJobsEnd(ScriptSandbox sandbox, string first, string second)
    {
        sandbox.Answer("batch", "describe-jobs", 1, JsonNode.Parse($$$"""{"jobs":[{"jobId":"job-ok","status":"{{{first}}}"}]}"""));
        sandbox.Answer("batch", "describe-jobs", 2, JsonNode.Parse($$$"""{"jobs":[{"jobId":"job-fail","status":"{{{second}}}","statusReason":"Essential container in task exited","container":{"exitCode":3}}]}"""));
    }

    /// <summary>The sums of AWS/Events Invocations CloudWatch reports, one answer per look (0 is no datapoint).</summary>
    public static void RuleInvocations(ScriptSandbox sandbox, params double[] sums)
    {
        for (var i = 0; i < sums.Length; i++)
        {
            var datapoints = sums[i] > 0 ? $$$"""[{"Timestamp":"2026-12-01T22:00:00Z","Sum":{{{sums[i]}}},"Unit":"Count"}]""" : "[]";
            sandbox.Answer("cloudwatch", "get-metric-statistics", i + 1, JsonNode.Parse("{\"Label\":\"Invocations\",\"Datapoints\":" + datapoints + "}"));
        }
    }

    public static void EveryStepPasses(ScriptSandbox sandbox)
    {
        TrainingEnds(sandbox, "Completed");
        BatchJobsEnd(sandbox, "SUCCEEDED", "FAILED");
        RuleInvocations(sandbox, 1);
    }

    /// <summary>The S3 prefixes the test removed.</summary>
    public static string[] Removed(ScriptSandbox sandbox) =>
        sandbox.CallsOf("s3", "rm").Select(c => c.First(a => a.StartsWith("s3://", StringComparison.Ordinal))).ToArray();
}

using System.Text.Json.Nodes;
using TrainingInfra.Blueprint.Aws;

namespace TrainingInfra.Blueprint.Tests.Scripts;

/// <summary>scripts/smoke-test.sh against the stand-in aws: the steps, their order, the cleanup.</summary>
public sealed class SmokeTestScriptTests : IDisposable
{
    private readonly ScriptSandbox _sandbox = new();

    public SmokeTestScriptTests() => SmokeTestAnswers.Prepare(_sandbox);

    public void Dispose() => _sandbox.Dispose();

    private ScriptResult SmokeTest() => SmokeTestAnswers.SmokeTest(_sandbox);

    private void TrainingEnds(string status) => SmokeTestAnswers.TrainingEnds(_sandbox, status);

    private void BatchJobsEnd(string first, string second) => SmokeTestAnswers.BatchJobsEnd(_sandbox, first, second);

    private void RuleInvocations(params double[] sums) => SmokeTestAnswers.RuleInvocations(_sandbox, sums);

    private void EveryStepPasses() => SmokeTestAnswers.EveryStepPasses(_sandbox);

    private string[] Removed() => SmokeTestAnswers.Removed(_sandbox);

    [Fact]
    public void HealthyStack_PassesEveryStepInOrder_AndRemovesWhatItMade()
    {
        TrainingEnds("Completed");
        BatchJobsEnd("SUCCEEDED", "FAILED");
        RuleInvocations(0, 1);

        var result = SmokeTest();

        Assert.True(result.ExitCode == 0, result.ToString());
        var operations = _sandbox.Calls.Select(c => $"{c[0]} {c[1]}").Distinct().ToList();
        Assert.Equal(
            ["service-quotas list-service-quotas", "service-quotas list-aws-default-service-quotas", "batch describe-compute-environments",
             "s3 cp", "sagemaker create-training-job", "sagemaker describe-training-job", "s3api head-object",
             "sagemaker create-model-package", "sagemaker update-model-package",
             "batch describe-job-definitions", "batch register-job-definition", "batch submit-job", "batch describe-jobs",
             "cloudwatch get-metric-statistics", "s3 rm", "sagemaker delete-model-package", "batch deregister-job-definition"],
            operations);
        Assert.Contains("smoke test of stack dev passed", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Dataset_IsUploadedUnderItsOwnPrefixOfTheDatasetBucket_AndRemoved()
    {
        EveryStepPasses();

        SmokeTest();

        var upload = Assert.Single(_sandbox.CallsOf("s3", "cp"));
        var target = upload.First(a => a.StartsWith("s3://", StringComparison.Ordinal));
        Assert.StartsWith($"s3://{SampleStack.Datasets}/smoke-test/", target, StringComparison.Ordinal);
        var prefix = target[..(target.IndexOf("/train/", StringComparison.Ordinal) + 1)];
        Assert.Contains(prefix, Removed());
    }

    [Fact]
    public void TrainingJob_CopiesItsDataAsFiles_EvenOnAStackThatStreamsThem()
    {
        // The built-in XGBoost image documents File and Pipe, not FastFile.
        EveryStepPasses();
        var outputs = SampleStack.Outputs();
        outputs["TrainingJobConfig"] = SampleStack.TrainingJobConfig(null, ("trainingInputMode", "FastFile"));
        _sandbox.Outputs(outputs);

        SmokeTest();

        var request = JsonNode.Parse(ScriptSandbox.Option(Assert.Single(_sandbox.CallsOf("sagemaker", "create-training-job")), "--cli-input-json"))!;
        Assert.Equal("File", (string?)request["AlgorithmSpecification"]!["TrainingInputMode"]);
    }

    [Fact]
    public void TrainingJob_IsAManagedSpotJobOfTheStack_RunningTheRegionsBuiltInXgboost_OnTheUploadedData()
    {
        EveryStepPasses();

        SmokeTest();

        var request = JsonNode.Parse(ScriptSandbox.Option(Assert.Single(_sandbox.CallsOf("sagemaker", "create-training-job")), "--cli-input-json"))!;
        var upload = _sandbox.CallsOf("s3", "cp")[0].First(a => a.StartsWith("s3://", StringComparison.Ordinal));
        var stack = JsonNode.Parse(SampleStack.TrainingJobConfig())!;
        Assert.Equal("683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1", (string?)request["AlgorithmSpecification"]!["TrainingImage"]);
        Assert.True((bool?)request["EnableManagedSpotTraining"]);
        Assert.True(JsonNode.DeepEquals(stack["RoleArn"], request["RoleArn"]));
        Assert.True(JsonNode.DeepEquals(stack["VpcConfig"], request["VpcConfig"]));
        Assert.True(JsonNode.DeepEquals(stack["OutputDataConfig"], request["OutputDataConfig"]));
        // The stack's config logs to MLflow and registers the model; the built-in image is no MLflow client.
        Assert.NotNull(stack["MlflowConfig"]);
        Assert.NotNull(stack["ModelPackageConfig"]);
        Assert.False(request.AsObject().ContainsKey("MlflowConfig"));
        Assert.False(request.AsObject().ContainsKey("ModelPackageConfig"));
        var channel = Assert.Single(request["InputDataConfig"]!.AsArray())!;
        Assert.Equal(upload[..(upload.LastIndexOf('/') + 1)], (string?)channel["DataSource"]!["S3DataSource"]!["S3Uri"]);
        var job = (string)request["TrainingJobName"]!;
        Assert.Contains($"s3://{SampleStack.Models}/checkpoints/{job}/", Removed());
        Assert.Contains($"s3://{SampleStack.Models}/output/{job}/", Removed());
    }

    [Fact]
    public void ModelArtifact_IsLookedForInTheModelBucket()
    {
        EveryStepPasses();

        SmokeTest();

        var head = Assert.Single(_sandbox.CallsOf("s3api", "head-object"));
        Assert.Equal((SampleStack.Models, "output/the-job/output/model.tar.gz"), (ScriptSandbox.Option(head, "--bucket"), ScriptSandbox.Option(head, "--key")));
    }

    [Fact]
    public void BatchJobs_RunOnTheStacksQueue_WithTheStacksDefinitionButAPublicImage_AndTheDefinitionIsRemoved()
    {
        EveryStepPasses();

        SmokeTest();

        var registered = JsonNode.Parse(ScriptSandbox.Option(Assert.Single(_sandbox.CallsOf("batch", "register-job-definition")), "--cli-input-json"))!;
        var container = registered["containerProperties"]!;
        Assert.StartsWith("public.ecr.aws/", (string?)container["image"], StringComparison.Ordinal);
        Assert.Equal("arn:aws:iam::111122223333:role/batch-job-role-dev", (string?)container["jobRoleArn"]);
        Assert.Equal(3, (int?)registered["retryStrategy"]!["attempts"]);
        var submits = _sandbox.CallsOf("batch", "submit-job");
        Assert.Equal(2, submits.Count);
        Assert.All(submits, s => Assert.Equal((SampleStack.Queue, SmokeTestAnswers.SmokeDefinition), (ScriptSandbox.Option(s, "--job-queue"), ScriptSandbox.Option(s, "--job-definition"))));
        Assert.Equal(SmokeTestAnswers.SmokeDefinition, ScriptSandbox.Option(Assert.Single(_sandbox.CallsOf("batch", "deregister-job-definition")), "--job-definition"));
    }

    [Fact]
    public void FailureRuleCheck_ReadsTheBatchRulesInvocations_UntilItCountsOne()
    {
        TrainingEnds("Completed");
        BatchJobsEnd("SUCCEEDED", "FAILED");
        RuleInvocations(0, 0, 2);

        var result = SmokeTest();

        Assert.True(result.ExitCode == 0, result.ToString());
        var reads = _sandbox.CallsOf("cloudwatch", "get-metric-statistics");
        // Three looks at the failure rule, then one at the approval rule, which counts at once.
        Assert.Equal(4, reads.Count);
        Assert.All(reads, r => Assert.Equal(("AWS/Events", "Invocations"), (ScriptSandbox.Option(r, "--namespace"), ScriptSandbox.Option(r, "--metric-name"))));
        Assert.All(reads.Take(3), r => Assert.Equal($"Name=RuleName,Value={SampleStack.BatchFailureRule}", ScriptSandbox.Option(r, "--dimensions")));
    }

    [Fact]
    public void FailedTrainingJob_StopsTheTestBeforeAnyBatchJob_AndStillCleansUp()
    {
        TrainingEnds("Failed");

        var result = SmokeTest();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FAILED: the training job did not complete", result.StdOut, StringComparison.Ordinal);
        Assert.Empty(_sandbox.CallsOf("batch", "submit-job"));
        Assert.Contains(Removed(), r => r.StartsWith($"s3://{SampleStack.Datasets}/smoke-test/", StringComparison.Ordinal));
    }

    [Fact]
    public void JobMeantToFail_ThatSucceeds_FailsTheTest()
    {
        TrainingEnds("Completed");
        BatchJobsEnd("SUCCEEDED", "SUCCEEDED");

        var result = SmokeTest();

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(_sandbox.CallsOf("cloudwatch", "get-metric-statistics"));
        Assert.Single(_sandbox.CallsOf("batch", "deregister-job-definition"));
    }

    [Fact]
    public void FailureRuleThatNeverFires_FailsTheTest_WithinItsBound()
    {
        TrainingEnds("Completed");
        BatchJobsEnd("SUCCEEDED", "FAILED");
        RuleInvocations(0);
        _sandbox.Environment["SMOKE_TEST_ALERT_WAIT_SECONDS"] = "1";

        var result = SmokeTest();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"FAILED: {SampleStack.BatchFailureRule} shows no Invocations", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void DeregisteredStackDefinition_FailsTheTest_WithoutRegisteringACopyOfIt()
    {
        EveryStepPasses();
        _sandbox.Answer("batch", "describe-job-definitions", 1, JsonNode.Parse(SampleStack.JobDefinitions.Replace("\"ACTIVE\"", "\"INACTIVE\"", StringComparison.Ordinal)));

        var result = SmokeTest();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"FAILED: the stack's job definition {SampleStack.JobDefinition} is INACTIVE", result.StdOut, StringComparison.Ordinal);
        Assert.Empty(_sandbox.CallsOf("batch", "register-job-definition"));
    }

    [Fact]
    public void UnlistedRegion_StopsBeforeAnythingIsUploaded()
    {
        var outputs = SampleStack.Outputs();
        outputs["Region"] = "xx-nowhere-1";
        _sandbox.Outputs(outputs);

        var result = SmokeTest();

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(_sandbox.Calls);
    }

    [Fact]
    public void RegistryTable_ListsOnlyRegionsTheStackAccepts_AndTheStackFilesRegion()
    {
        var rows = File.ReadAllLines(Path.Combine(ScriptSandbox.RepoRoot, "scripts", "data", "xgboost-registries.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .ToList();

        Assert.All(rows, row =>
        {
            Assert.Equal(2, row.Length);
            Assert.NotNull(AwsRegion.TryParse(row[0], out _));
            Assert.Matches("^[0-9]{12}$", row[1]);
        });
        Assert.Contains(rows, row => row[0] == TrainingInfra.Testing.StackConfigFiles.StackConfig("dev")["aws:region"]);
    }
}

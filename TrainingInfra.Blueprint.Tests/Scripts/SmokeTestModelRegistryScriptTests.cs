using System.Text.Json.Nodes;

namespace TrainingInfra.Blueprint.Tests.Scripts;

/// <summary>
/// scripts/smoke-test.sh's model-registry steps against the stand-in aws: the trained model is
/// registered with register-model.sh and approved, the approval rule must count an invocation, and
/// the cleanup deletes the registered version.
/// </summary>
public sealed class SmokeTestModelRegistryScriptTests : IDisposable
{
    private readonly ScriptSandbox _sandbox = new();

    public SmokeTestModelRegistryScriptTests()
    {
        SmokeTestAnswers.Prepare(_sandbox);
        SmokeTestAnswers.EveryStepPasses(_sandbox);
    }

    public void Dispose() => _sandbox.Dispose();

    private ScriptResult SmokeTest(params string[] options) =>
        options.Length == 0 ? SmokeTestAnswers.SmokeTest(_sandbox) : _sandbox.Run("smoke-test.sh", ["dev", "--outputs", _sandbox.OutputsFile, "--timeout", "50", .. options]);

    private List<string> Operations() => _sandbox.Calls.Select(c => $"{c[0]} {c[1]}").ToList();

    private List<string> DeletedPackages() =>
        _sandbox.CallsOf("sagemaker", "delete-model-package").Select(c => ScriptSandbox.Option(c, "--model-package-name")).ToList();

    [Fact]
    public void TrainedModel_IsRegisteredInTheStacksGroup_ThenApproved_AndTheApprovalRuleMustFire()
    {
        var result = SmokeTest();

        Assert.True(result.ExitCode == 0, result.ToString());
        var create = JsonNode.Parse(ScriptSandbox.Option(Assert.Single(_sandbox.CallsOf("sagemaker", "create-model-package")), "--cli-input-json"))!;
        Assert.Equal(SampleStack.Names.ModelPackageGroup, (string?)create["ModelPackageGroupName"]);
        Assert.Equal(SampleModels.Artifact(SmokeTestAnswers.Job), (string?)create["InferenceSpecification"]!["Containers"]![0]!["ModelDataUrl"]);
        var approve = Assert.Single(_sandbox.CallsOf("sagemaker", "update-model-package"));
        Assert.Equal((SmokeTestAnswers.Package, "Approved"),
            (ScriptSandbox.Option(approve, "--model-package-arn"), ScriptSandbox.Option(approve, "--model-approval-status")));
        var operations = Operations();
        Assert.True(operations.IndexOf("s3api head-object") < operations.IndexOf("sagemaker create-model-package"));
        Assert.True(operations.IndexOf("sagemaker create-model-package") < operations.IndexOf("sagemaker update-model-package"));
        Assert.True(operations.IndexOf("sagemaker update-model-package") < operations.IndexOf("batch submit-job"));
        var reads = _sandbox.CallsOf("cloudwatch", "get-metric-statistics");
        Assert.Equal($"Name=RuleName,Value={SampleStack.Names.ModelApprovalRule}", ScriptSandbox.Option(reads[^1], "--dimensions"));
        Assert.Contains($"[10/10] check that the approval rule {SampleStack.Names.ModelApprovalRule} fired", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("[1/10] upload", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void RegisteredVersion_IsDeletedWithTheRest_AfterTheTest()
    {
        var result = SmokeTest();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([SmokeTestAnswers.Package], DeletedPackages());
        Assert.True(Operations().IndexOf("sagemaker delete-model-package") > Operations().LastIndexOf("cloudwatch get-metric-statistics"));
        Assert.Contains(SmokeTestAnswers.Package, result.StdOut.Split('\n').Single(l => l.StartsWith("cleaned up: ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void RegisteredVersion_IsDeleted_EvenWhenALaterStepFails()
    {
        SmokeTestAnswers.BatchJobsEnd(_sandbox, "FAILED", "FAILED");

        var result = SmokeTest();

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([SmokeTestAnswers.Package], DeletedPackages());
    }

    [Fact]
    public void Keep_LeavesTheRegisteredVersion()
    {
        var result = SmokeTest("--keep");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(DeletedPackages());
        Assert.Contains(SmokeTestAnswers.Package, result.StdOut.Split('\n').Single(l => l.StartsWith("kept (--keep): ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void ApprovalRuleThatNeverFires_FailsTheTest_WithinItsBound()
    {
        SmokeTestAnswers.RuleInvocations(_sandbox, 1, 0);
        _sandbox.Environment["SMOKE_TEST_ALERT_WAIT_SECONDS"] = "1";

        var result = SmokeTest();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"FAILED: {SampleStack.Names.ModelApprovalRule} shows no Invocations", result.StdOut, StringComparison.Ordinal);
        Assert.Equal([SmokeTestAnswers.Package], DeletedPackages());
    }

    [Fact]
    public void FailedRegistration_StopsTheTestBeforeAnyBatchJob()
    {
        _sandbox.Answer("sagemaker", "create-model-package", 1, null, exitCode: 254,
            stderr: "An error occurred (AccessDeniedException) when calling the CreateModelPackage operation: not authorized");

        var result = SmokeTest();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FAILED: the model could not be registered", result.StdOut, StringComparison.Ordinal);
        Assert.Empty(_sandbox.CallsOf("sagemaker", "update-model-package"));
        Assert.Empty(_sandbox.CallsOf("batch", "submit-job"));
        Assert.Empty(DeletedPackages());
    }

    [Fact]
    public void StackWithoutTheApprovalRuleOutput_StopsBeforeAnythingIsMade()
    {
        var outputs = SampleStack.Outputs();
        outputs.Remove("ModelApprovalRuleName");
        _sandbox.Outputs(outputs);

        var result = SmokeTest();

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("ModelApprovalRuleName", result.StdErr, StringComparison.Ordinal);
        Assert.Empty(_sandbox.Calls);
    }
}

using System.Text.Json.Nodes;

namespace TrainingInfra.Blueprint.Tests.Scripts;

/// <summary>
/// scripts/register-model.sh against the stand-in aws: the CreateModelPackage request it sends for a
/// completed job of the stack, each job it refuses, and a job SageMaker registered already.
/// </summary>
public sealed class RegisterModelScriptTests : IDisposable
{
    private const string Job = "resnet-01";
    private readonly ScriptSandbox _sandbox = new();

    public RegisterModelScriptTests()
    {
        _sandbox.Outputs(SampleStack.Outputs());
        _sandbox.Answer("sagemaker", "create-model-package", 1, new JsonObject { ["ModelPackageArn"] = SampleModels.PackageArn(7) });
    }

    public void Dispose() => _sandbox.Dispose();

    private ScriptResult Register(params string[] options) =>
        _sandbox.Run("register-model.sh", ["dev", Job, "--outputs", _sandbox.OutputsFile, .. options]);

    private void JobIs(JsonObject described) => _sandbox.Answer("sagemaker", "describe-training-job", 1, described);

    private JsonObject SentRequest() =>
        JsonNode.Parse(ScriptSandbox.Option(Assert.Single(_sandbox.CallsOf("sagemaker", "create-model-package")), "--cli-input-json"))!.AsObject();

    [Fact]
    public void CompletedJobOfTheStack_IsRegisteredInTheStacksGroup_PendingApproval_AndItsArnPrinted()
    {
        JobIs(SampleModels.TrainingJob(Job, "Completed"));

        var result = Register();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(SampleModels.PackageArn(7), result.StdOut.Trim());
        Assert.Equal(Job, ScriptSandbox.Option(Assert.Single(_sandbox.CallsOf("sagemaker", "describe-training-job")), "--training-job-name"));
        Assert.Equal(SampleStack.Region, ScriptSandbox.Option(Assert.Single(_sandbox.CallsOf("sagemaker", "create-model-package")), "--region"));
        var request = SentRequest();
        Assert.Equal(SampleStack.Names.ModelPackageGroup, (string?)request["ModelPackageGroupName"]);
        Assert.Equal("PendingManualApproval", (string?)request["ModelApprovalStatus"]);
        var container = Assert.Single(request["InferenceSpecification"]!["Containers"]!.AsArray())!;
        Assert.Equal((SampleModels.XgboostImage, SampleModels.Artifact(Job)), ((string?)container["Image"], (string?)container["ModelDataUrl"]));
        Assert.Equal(["text/csv"], request["InferenceSpecification"]!["SupportedContentTypes"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(["text/csv"], request["InferenceSpecification"]!["SupportedResponseMIMETypes"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(SampleModels.JobArn(Job), (string?)request["MetadataProperties"]!["GeneratedBy"]);
        Assert.Equal((Job, "dev"), ((string?)request["CustomerMetadataProperties"]!["TrainingJobName"], (string?)request["CustomerMetadataProperties"]!["Stack"]));
        Assert.Contains(Job, (string?)request["ModelPackageDescription"], StringComparison.Ordinal);
        Assert.Contains($"/sagemaker/home?region={SampleStack.Region}#/model-registry/{SampleStack.Names.ModelPackageGroup}", result.StdErr, StringComparison.Ordinal);
        Assert.StartsWith($"https://{SampleStack.Region}.console.aws.amazon.com/", result.StdErr.Split("console: ")[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Options_SetTheServingImage_TheDescription_AndTheContentTypes()
    {
        JobIs(SampleModels.TrainingJob(Job, "Completed"));
        var serving = SampleStack.Repository + ":serve-2026.12.1";

        var result = Register("--inference-image", serving, "--description", "sweep winner", "--content-types", "application/json,text/csv",
            "--response-types", "application/json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var request = SentRequest();
        Assert.Equal(serving, (string?)request["InferenceSpecification"]!["Containers"]![0]!["Image"]);
        Assert.Equal("sweep winner", (string?)request["ModelPackageDescription"]);
        Assert.Equal(["application/json", "text/csv"], request["InferenceSpecification"]!["SupportedContentTypes"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(["application/json"], request["InferenceSpecification"]!["SupportedResponseMIMETypes"]!.AsArray().Select(t => (string?)t));
    }

    [Theory]
    [InlineData("InProgress", 2)]
    [InlineData("Stopping", 2)]
    [InlineData("Failed", 1)]
    [InlineData("Stopped", 1)]
    public void JobThatHasNotCompleted_IsRefused_AndNothingRegistered(string status, int exitCode)
    {
        JobIs(SampleModels.TrainingJob(Job, status));

        var result = Register();

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains($"training job {Job} is {status}", result.StdErr, StringComparison.Ordinal);
        Assert.Empty(_sandbox.CallsOf("sagemaker", "create-model-package"));
        Assert.Empty(result.StdOut);
    }

    [Fact]
    public void JobWithoutAModelArtifact_IsRefused()
    {
        JobIs(SampleModels.TrainingJob(Job, "Completed", withArtifact: false));

        var result = Register();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("has no model artifact", result.StdErr, StringComparison.Ordinal);
        Assert.Empty(_sandbox.CallsOf("sagemaker", "create-model-package"));
    }

    [Fact]
    public void JobThatRanAsAnotherRole_IsNotTheStacks_AndIsRefused()
    {
        var notebookRole = "arn:aws:iam::111122223333:role/" + SampleStack.Names.NotebookRole;
        JobIs(SampleModels.TrainingJob(Job, "Completed", role: notebookRole));

        var result = Register();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"ran as {notebookRole}, not as stack dev's training role {SampleStack.TrainingRole}", result.StdErr, StringComparison.Ordinal);
        Assert.Empty(_sandbox.CallsOf("sagemaker", "create-model-package"));
    }

    [Fact]
    public void JobThatSageMakerRegisteredAlready_PrintsThatPackage_AndCreatesNone()
    {
        JobIs(SampleModels.TrainingJob(Job, "Completed", outputPackage: SampleModels.PackageArn(3)));

        var result = Register();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(SampleModels.PackageArn(3), result.StdOut.Trim());
        Assert.Contains("nothing created", result.StdErr, StringComparison.Ordinal);
        Assert.Empty(_sandbox.CallsOf("sagemaker", "create-model-package"));
    }

    [Fact]
    public void StackThatRegistersEveryJob_WarnsWhenTheJobShowsNoModelPackageConfig_ThenRegisters()
    {
        JobIs(SampleModels.TrainingJob(Job, "Completed"));

        var withRegistry = Register();
        _sandbox.Outputs(SampleStack.Outputs(registry: false));
        var without = Register();

        Assert.True(withRegistry.ExitCode == 0, withRegistry.ToString());
        Assert.Contains("warning: the stack's TrainingJobConfig registers each job's model", withRegistry.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", without.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, _sandbox.CallsOf("sagemaker", "create-model-package").Count);
    }

    [Fact]
    public void StackWithoutAModelRegistry_IsNamedInTheError_BeforeAnyCall()
    {
        var outputs = SampleStack.Outputs();
        outputs.Remove("ModelPackageGroupName");
        _sandbox.Outputs(outputs);

        var result = Register();

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("ModelPackageGroupName", result.StdErr, StringComparison.Ordinal);
        Assert.Empty(_sandbox.Calls);
    }

    [Fact]
    public void RefusedCreateCall_ExitsThree_AndPrintsNoArn()
    {
        JobIs(SampleModels.TrainingJob(Job, "Completed"));
        _sandbox.Answer("sagemaker", "create-model-package", 1, null, exitCode: 254,
            stderr: "An error occurred (AccessDeniedException) when calling the CreateModelPackage operation: not authorized");

        var result = Register();

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("AccessDeniedException", result.StdErr, StringComparison.Ordinal);
        Assert.Empty(result.StdOut);
    }

    [Theory]
    [InlineData("resnet_01")]
    [InlineData("-resnet")]
    public void InvalidJobName_IsRefused_BeforeAnyCall(string job)
    {
        var result = _sandbox.Run("register-model.sh", "dev", job, "--outputs", _sandbox.OutputsFile);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(_sandbox.Calls);
    }
}

using System.Text.Json.Nodes;

namespace TrainingInfra.Blueprint.Tests.Scripts;

/// <summary>
/// scripts/smoke-test.sh on a private stack (NetworkMode private): its Batch hosts reach no public
/// registry, so the test job's image comes from the stack's own ECR repository, and a missing
/// image stops the test before anything is registered, saying how to push it.
/// </summary>
public sealed class PrivateStackSmokeTestScriptTests : IDisposable
{
    private const string PrivateImage = SampleStack.Repository + ":smoke-test-busybox";
    private readonly ScriptSandbox _sandbox = new();

    public PrivateStackSmokeTestScriptTests()
    {
        var outputs = SampleStack.Outputs();
        outputs["NetworkMode"] = "private";
        SmokeTestAnswers.Prepare(_sandbox, outputs);
        SmokeTestAnswers.EveryStepPasses(_sandbox);
    }

    public void Dispose() => _sandbox.Dispose();

    private ScriptResult SmokeTest() => SmokeTestAnswers.SmokeTest(_sandbox);

    [Fact]
    public void PrivateStack_RunsItsBatchJobs_WithAnImageFromItsOwnRepository()
    {
        _sandbox.Answer("ecr", "describe-images", 1, JsonNode.Parse("""{"imageDetails":[{"imageTags":["smoke-test-busybox"]}]}"""));

        var result = SmokeTest();

        Assert.True(result.ExitCode == 0, result.ToString());
        var lookup = Assert.Single(_sandbox.CallsOf("ecr", "describe-images"));
        Assert.Equal(("training-containers-dev", "imageTag=smoke-test-busybox"),
            (ScriptSandbox.Option(lookup, "--repository-name"), ScriptSandbox.Option(lookup, "--image-ids")));
        var registered = JsonNode.Parse(ScriptSandbox.Option(Assert.Single(_sandbox.CallsOf("batch", "register-job-definition")), "--cli-input-json"))!;
        Assert.Equal(PrivateImage, (string?)registered["containerProperties"]!["image"]);
    }

    [Fact]
    public void PrivateStack_WithoutTheImageInItsRepository_StopsBeforeRegistering_SayingHowToPushIt()
    {
        _sandbox.Answer("ecr", "describe-images", 1, null, exitCode: 254,
            stderr: "An error occurred (ImageNotFoundException) when calling the DescribeImages operation: The image with imageId {imageTag:'smoke-test-busybox'} does not exist");

        var result = SmokeTest();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"docker push {PrivateImage}", result.StdOut, StringComparison.Ordinal);
        Assert.Empty(_sandbox.CallsOf("batch", "register-job-definition"));
        Assert.Empty(_sandbox.CallsOf("batch", "submit-job"));
    }

    [Fact]
    public void PublicStack_KeepsThePublicImage_AndLooksUpNothingInEcr()
    {
        var outputs = SampleStack.Outputs();
        outputs["NetworkMode"] = "public";
        _sandbox.Outputs(outputs);

        var result = SmokeTest();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(_sandbox.CallsOf("ecr", "describe-images"));
        var registered = JsonNode.Parse(ScriptSandbox.Option(Assert.Single(_sandbox.CallsOf("batch", "register-job-definition")), "--cli-input-json"))!;
        Assert.StartsWith("public.ecr.aws/", (string?)registered["containerProperties"]!["image"], StringComparison.Ordinal);
    }
}

namespace TrainingInfra.Blueprint.Tests.Scripts.RealCli;

/// <summary>
/// scripts/smoke-test.sh through AWS CLI v2.9 and v1 when a step's AWS call fails or finds nothing:
/// the test stops at that step with that step's reason, sends nothing built from a missing answer,
/// and still removes what it made.
/// </summary>
public sealed class SmokeTestFailuresThroughRealCliTests
{
    private static void AssertCleanedUp(RealCliSandbox sandbox) =>
        Assert.Equal(3, sandbox.Aws.RequestsOf("s3", "ListObjectsV2").Count);

    // DescribeJobDefinitions describes a list, and its model (batch/2016-08-10/service-2.json) declares
    // no not-found error, only ClientException and ServerException: a definition Batch does not know is
    // left out of the answer. Copying "nothing" made a RegisterJobDefinition request without its
    // required "type", which both CLIs refuse.
    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    public void StacksJobDefinitionUnknownToBatch_FailsTheStep_WithoutRegisteringACopy(string cli)
    {
        using var sandbox = SmokeTestThroughRealCliTests.Sandbox(cli);
        sandbox.Aws.Answer("batch", "DescribeJobDefinitions", AwsReply.Of("""{"jobDefinitions": []}"""));

        var result = SmokeTestThroughRealCliTests.SmokeTest(sandbox);

        Assert.True(result.ExitCode == 1, sandbox.Report(result));
        Assert.Contains($"FAILED: Batch does not know the stack's job definition {SampleStack.JobDefinition}", result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("Missing required parameter", result.StdErr, StringComparison.Ordinal);
        Assert.Empty(sandbox.Aws.RequestsOf("batch", "RegisterJobDefinition"));
        AssertCleanedUp(sandbox);
    }

    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    public void FailingJobDefinitionLookup_StopsTheTest_WithBatchsError(string cli)
    {
        using var sandbox = SmokeTestThroughRealCliTests.Sandbox(cli);
        sandbox.Aws.Answer("batch", "DescribeJobDefinitions", AwsReply.Error(
            "AccessDeniedException", "User is not authorized to perform: batch:DescribeJobDefinitions", 403));

        var result = SmokeTestThroughRealCliTests.SmokeTest(sandbox);

        Assert.True(result.ExitCode == 3, sandbox.Report(result));
        Assert.Contains("AccessDeniedException", result.StdErr, StringComparison.Ordinal);
        Assert.EndsWith("error: aws batch describe-job-definitions failed (see the message above)", result.StdErr.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("register-job-definition", result.StdErr, StringComparison.Ordinal);
        Assert.Empty(sandbox.Aws.RequestsOf("batch", "RegisterJobDefinition"));
        AssertCleanedUp(sandbox);
    }
}

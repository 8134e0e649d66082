namespace TrainingInfra.Blueprint.Tests.Scripts;

/// <summary>
/// start-training-job.sh and smoke-test.sh run check-quotas.sh first: a quota below need stops them
/// before anything is created, with the preflight's lines and exit code.
/// </summary>
public sealed class QuotaPreflightScriptTests : IDisposable
{
    private const string Spot = "ml.m5.xlarge for spot training job usage";
    private readonly ScriptSandbox _sandbox = new();

    public QuotaPreflightScriptTests() => _sandbox.Outputs(SampleStack.Outputs());

    public void Dispose() => _sandbox.Dispose();

    private void SpotQuota(double value) =>
        _sandbox.Answer("service-quotas", "list-service-quotas", 1, CheckQuotasScriptTests.Quotas(null, (Spot, value)));

    private ScriptResult Start(params string[] arguments) =>
        _sandbox.Run("start-training-job.sh", ["dev", "resnet-01", .. arguments, "--outputs", _sandbox.OutputsFile]);

    [Fact]
    public void StartTrainingJob_QuotaBelowNeed_StopsBeforeTheJob_WithExit4()
    {
        SpotQuota(0);

        var result = Start();

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains("BELOW: SageMaker " + Spot, result.StdErr, StringComparison.Ordinal);
        Assert.Empty(_sandbox.CallsOf("sagemaker", "create-training-job"));
        Assert.Equal("", result.StdOut);
    }

    [Fact]
    public void StartTrainingJob_ChecksTheTypeAndCountOfTheRequest_WithoutBatch()
    {
        _sandbox.Answer("service-quotas", "list-service-quotas", 1, CheckQuotasScriptTests.Quotas(null,
            ("ml.c5.4xlarge for training job usage", 2), ("ml.c5.4xlarge for training warm pool usage", 2)));
        _sandbox.Answer("ec2", "describe-instance-types", 1, System.Text.Json.Nodes.JsonNode.Parse("""{"InstanceTypes":[]}"""));

        var result = Start("--instance-type", "ml.c5.4xlarge", "--on-demand", "--warm-pool", "600");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ok: SageMaker ml.c5.4xlarge for training warm pool usage: 2 instances (applied); needs 1", result.StdErr, StringComparison.Ordinal);
        Assert.Empty(_sandbox.CallsOf("batch", "describe-compute-environments"));
        Assert.Single(_sandbox.CallsOf("sagemaker", "create-training-job"));
    }

    [Fact]
    public void StartTrainingJob_SkipQuotaCheck_ReadsNoQuota()
    {
        SpotQuota(0);

        var result = Start("--skip-quota-check");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(_sandbox.CallsOf("service-quotas", "list-service-quotas"));
    }

    [Fact]
    public void SmokeTest_QuotaBelowNeed_StopsBeforeUploadingAnything()
    {
        SpotQuota(0);

        var result = _sandbox.Run("smoke-test.sh", "dev", "--outputs", _sandbox.OutputsFile);

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains("BELOW: SageMaker " + Spot, result.StdOut, StringComparison.Ordinal);
        Assert.Contains("FAILED: the quota preflight", result.StdOut, StringComparison.Ordinal);
        Assert.Empty(_sandbox.CallsOf("s3", "cp"));
        Assert.Empty(_sandbox.CallsOf("sagemaker", "create-training-job"));
    }
}

using System.Text.Json.Nodes;

namespace TrainingInfra.Blueprint.Tests.Scripts;

/// <summary>
/// scripts/check-quotas.sh against the stand-in aws: which quota it reads, where from (applied value,
/// else AWS's default), across pages, and when it stops a job.
/// </summary>
public sealed class CheckQuotasScriptTests : IDisposable
{
    private const string Script = "check-quotas.sh";
    private const string Spot = "ml.m5.xlarge for spot training job usage";
    private const string OnDemand = "ml.m5.xlarge for training job usage";
    private const string StandardSpot = "All Standard (A, C, D, H, I, M, R, T, Z) Spot Instance Requests";
    private readonly ScriptSandbox _sandbox = new();

    public CheckQuotasScriptTests() => _sandbox.Outputs(SampleStack.Outputs());

    public void Dispose() => _sandbox.Dispose();

    private ScriptResult Check(params string[] arguments) =>
        _sandbox.Run(Script, ["dev", .. arguments, "--outputs", _sandbox.OutputsFile]);

    // The shape Service Quotas answers, as the real-CLI tests script it.
    internal static JsonObject Quotas(string? nextToken, params (string Name, double Value)[] quotas) =>
        RealCli.SampleQuotas.Page(nextToken, quotas);

    private void Applied(int call, string? nextToken, params (string Name, double Value)[] quotas) =>
        _sandbox.Answer("service-quotas", "list-service-quotas", call, Quotas(nextToken, quotas));

    private void Defaults(params (string Name, double Value)[] quotas) =>
        _sandbox.Answer("service-quotas", "list-aws-default-service-quotas", 1, Quotas(null, quotas));

    private void BatchEnvironment(int maxVcpus, double? appliedSpotVcpus, double defaultSpotVcpus = 5)
    {
        _sandbox.Answer("batch", "describe-compute-environments", 1, JsonNode.Parse($$$"""
            {"computeEnvironments":[{"computeEnvironmentArn":"{{{SampleStack.ComputeEnvironment}}}","state":"ENABLED",
              "computeResources":{"type":"SPOT","minvCpus":0,"maxvCpus":{{{maxVcpus}}},"instanceTypes":["m5.xlarge"]}}]}
            """));
        if (appliedSpotVcpus is { } applied)
        {
            _sandbox.Answer("service-quotas", "get-service-quota", 1, new JsonObject
            {
                ["Quota"] = new JsonObject { ["QuotaCode"] = "L-34B43A08", ["QuotaName"] = StandardSpot, ["Value"] = applied },
            });
        }
        else
        {
            _sandbox.Answer("service-quotas", "get-service-quota", 1, null, 254,
                "An error occurred (NoSuchResourceException) when calling the GetServiceQuota operation: The request failed because the specified service quota does not exist.");
        }

        _sandbox.Answer("service-quotas", "get-aws-default-service-quota", 1, new JsonObject
        {
            ["Quota"] = new JsonObject { ["QuotaCode"] = "L-34B43A08", ["QuotaName"] = StandardSpot, ["Value"] = defaultSpotVcpus },
        });
    }

    private static string Line(ScriptResult result, string quota) =>
        Assert.Single(result.StdOut.Split('\n'), l => l.Contains(quota + ":", StringComparison.Ordinal));

    [Fact]
    public void AppliedValuesAtLeastTheNeed_OneLineEach_Exits0()
    {
        Applied(1, null, (Spot, 4), (OnDemand, 2), ("ml.m5.xlarge for training warm pool usage", 0));
        BatchEnvironment(maxVcpus: 256, appliedSpotVcpus: 512);

        var result = Check();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("ok: SageMaker ml.m5.xlarge for spot training job usage: 4 instances (applied); needs 1", Line(result, Spot), StringComparison.Ordinal);
        Assert.Contains("not needed", Line(result, OnDemand), StringComparison.Ordinal);
        Assert.Contains("ok: EC2 " + StandardSpot + " (L-34B43A08): 512 vCPUs (applied); needs 256", result.StdOut, StringComparison.Ordinal);
        Assert.Empty(_sandbox.CallsOf("service-quotas", "list-aws-default-service-quotas"));
        var call = Assert.Single(_sandbox.CallsOf("service-quotas", "list-service-quotas"));
        Assert.Equal(("sagemaker", SampleStack.Region), (ScriptSandbox.Option(call, "--service-code"), ScriptSandbox.Option(call, "--region")));
        Assert.Equal(SampleStack.ComputeEnvironment, ScriptSandbox.Option(Assert.Single(_sandbox.CallsOf("batch", "describe-compute-environments")), "--compute-environments"));
    }

    [Fact]
    public void NoAppliedValue_ReadsAwsDefaults_ForSageMakerAndEc2()
    {
        Applied(1, null);
        Defaults((Spot, 2), (OnDemand, 2));
        BatchEnvironment(maxVcpus: 4, appliedSpotVcpus: null, defaultSpotVcpus: 5);

        var result = Check();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("2 instances (AWS default); needs 1", Line(result, Spot), StringComparison.Ordinal);
        Assert.Contains("5 vCPUs (AWS default); needs 4", result.StdOut, StringComparison.Ordinal);
        Assert.Equal("L-34B43A08", ScriptSandbox.Option(Assert.Single(_sandbox.CallsOf("service-quotas", "get-aws-default-service-quota")), "--quota-code"));
    }

    [Fact]
    public void ZeroQuotaOnANewAccount_Exits4_NamingTheQuotaToRequest()
    {
        Applied(1, null);
        Defaults(("ml.g5.xlarge for spot training job usage", 0), ("ml.g5.xlarge for training job usage", 0));

        var result = Check("--instance-type", "ml.g5.xlarge", "--training-only");

        Assert.True(result.ExitCode == 4, result.ToString());
        var line = Line(result, "ml.g5.xlarge for spot training job usage");
        Assert.StartsWith("BELOW:", line, StringComparison.Ordinal);
        Assert.Contains("request an increase to at least 1", line, StringComparison.Ordinal);
        Assert.EndsWith("in Service Quotas, quota \"ml.g5.xlarge for spot training job usage\"", line, StringComparison.Ordinal);
        Assert.Empty(_sandbox.CallsOf("batch", "describe-compute-environments"));
    }

    [Fact]
    public void SpotVcpuQuotaBelowBatchMaxVcpus_Exits4()
    {
        Applied(1, null, (Spot, 1));
        BatchEnvironment(maxVcpus: 256, appliedSpotVcpus: 64);

        var result = Check();

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains("BELOW: EC2 " + StandardSpot + " (L-34B43A08): 64 vCPUs (applied); needs 256", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void AppliedValuesOnALaterPage_AreFound_ByFollowingNextToken()
    {
        Applied(1, "page-2", ("ml.c5.xlarge for spot training job usage", 30));
        Applied(2, null, (Spot, 3));
        Defaults((Spot, 0));

        var result = Check("--count", "3", "--training-only");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("3 instances (applied); needs 3", Line(result, Spot), StringComparison.Ordinal);
        var calls = _sandbox.CallsOf("service-quotas", "list-service-quotas");
        Assert.Equal(2, calls.Count);
        Assert.DoesNotContain("--next-token", calls[0]);
        Assert.Equal("page-2", ScriptSandbox.Option(calls[1], "--next-token"));
    }

    [Fact]
    public void OnDemandJobNeedsTheTrainingQuota_AndAWarmPoolItsOwn()
    {
        Applied(1, null, (Spot, 5), (OnDemand, 2), ("ml.m5.xlarge for training warm pool usage", 0));

        var result = Check("--on-demand", "--warm-pool", "--count", "2", "--training-only");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains("ok: SageMaker " + OnDemand + ": 2 instances (applied); needs 2", result.StdOut, StringComparison.Ordinal);
        Assert.StartsWith("BELOW:", Line(result, "ml.m5.xlarge for training warm pool usage"), StringComparison.Ordinal);
        Assert.Contains("not needed", Line(result, Spot), StringComparison.Ordinal);
    }

    [Fact]
    public void InstanceTypeServiceQuotasDoesNotList_IsReportedAsNotChecked_AndDoesNotStopTheJob()
    {
        Applied(1, null, (Spot, 4));
        Defaults((Spot, 4));

        var result = Check("--instance-type", "ml.p9.48xlarge", "--training-only");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("not checked: SageMaker ml.p9.48xlarge for spot training job usage: Service Quotas lists no such quota in us-east-1",
            Line(result, "ml.p9.48xlarge for spot training job usage"), StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceQuotasRefusingTheCall_Exits3_WithItsMessage()
    {
        _sandbox.Answer("service-quotas", "list-service-quotas", 1, null, 254,
            "An error occurred (AccessDeniedException) when calling the ListServiceQuotas operation: not authorized");

        var result = Check();

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("AccessDeniedException", result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--count", "0")]
    [InlineData("--instance-type", "g5.xlarge")]
    public void BadOptions_AreUsageErrors(string option, string value)
    {
        var result = Check(option, value);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(_sandbox.Calls);
    }
}

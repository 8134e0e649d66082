namespace TrainingInfra.Blueprint.Tests.Scripts.RealCli;

/// <summary>
/// scripts/check-quotas.sh through AWS CLI v2.9 and v1 against the loopback service: Service Quotas'
/// pages, its not-found error for a quota with no applied value, and a refused call.
/// </summary>
public sealed class CheckQuotasThroughRealCliTests
{
    private const string Spot = "ml.m5.xlarge for spot training job usage";

    private static ScriptResult Check(RealCliSandbox sandbox) =>
        sandbox.Run("check-quotas.sh", "dev", "--outputs", sandbox.OutputsFile);

    // GetServiceQuota answers NoSuchResourceException for a quota the account has no applied value for
    // (its errors in service-quotas/2019-06-24/service-2.json); the default then applies.
    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    public void AppliedValuesOverTwoPages_DefaultsForTheRest_AndTheEc2DefaultAfterNoSuchResource(string cli)
    {
        using var sandbox = new RealCliSandbox(cli);
        sandbox.Aws.Answer("servicequotas", "ListServiceQuotas",
            AwsReply.Of(SampleQuotas.Page("page-2", ("ml.c5.xlarge for spot training job usage", 30))),
            AwsReply.Of(SampleQuotas.Page(null, (Spot, 4))));
        sandbox.Aws.Answer("servicequotas", "ListAWSDefaultServiceQuotas",
            AwsReply.Of(SampleQuotas.Page(null, ("ml.m5.xlarge for training job usage", 2), ("ml.m5.xlarge for training warm pool usage", 0))));
        sandbox.Aws.BatchEnvironmentHas(256);
        sandbox.Aws.Answer("servicequotas", "GetServiceQuota",
            AwsReply.Error("NoSuchResourceException", "The request failed because the specified service quota does not exist."));
        sandbox.Aws.Answer("servicequotas", "GetAWSDefaultServiceQuota", SampleQuotas.Ec2SpotQuota(5));

        var result = Check(sandbox);

        Assert.True(result.ExitCode == 4, sandbox.Report(result));
        Assert.Contains($"ok: SageMaker {Spot}: 4 instances (applied); needs 1", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("ok: SageMaker ml.m5.xlarge for training job usage: 2 instances (AWS default); not needed", result.StdOut, StringComparison.Ordinal);
        Assert.Contains($"BELOW: EC2 {SampleQuotas.StandardSpot} (L-34B43A08): 5 vCPUs (AWS default); needs 256", result.StdOut, StringComparison.Ordinal);
        var pages = sandbox.Aws.RequestsOf("servicequotas", "ListServiceQuotas");
        Assert.Equal(2, pages.Count);
        Assert.Equal(("sagemaker", "page-2"), ((string?)pages[1].Json["ServiceCode"], (string?)pages[1].Json["NextToken"]));
        Assert.Equal("L-34B43A08", (string?)Assert.Single(sandbox.Aws.RequestsOf("servicequotas", "GetAWSDefaultServiceQuota")).Json["QuotaCode"]);
        Assert.All(sandbox.Aws.Requests, r => Assert.Equal(SampleStack.Region, r.Region));
    }

    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    public void ServiceQuotasRefusingTheListing_Exits3_WithItsError(string cli)
    {
        using var sandbox = new RealCliSandbox(cli);
        sandbox.Aws.Answer("servicequotas", "ListServiceQuotas", AwsReply.Error(
            "AccessDeniedException", "User is not authorized to perform: servicequotas:ListServiceQuotas", 403));

        var result = Check(sandbox);

        Assert.True(result.ExitCode == 3, sandbox.Report(result));
        Assert.Contains("AccessDeniedException", result.StdErr, StringComparison.Ordinal);
        Assert.EndsWith("error: aws service-quotas list-service-quotas failed (see the message above)", result.StdErr.Trim(), StringComparison.Ordinal);
        Assert.Single(sandbox.Aws.Requests);
    }
}

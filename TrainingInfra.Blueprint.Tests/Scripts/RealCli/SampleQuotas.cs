using System.Text.Json.Nodes;

namespace TrainingInfra.Blueprint.Tests.Scripts.RealCli;

/// <summary>
/// What Service Quotas (JSON 1.1, X-Amz-Target ServiceQuotasV20190624.*, signing name servicequotas in
/// service-quotas/2019-06-24/service-2.json, botocore 1.43) and Batch answer the quota preflight for
/// the sample stack's account.
/// </summary>
internal static class SampleQuotas
{
    public const string StandardSpot = "All Standard (A, C, D, H, I, M, R, T, Z) Spot Instance Requests";

    public static JsonObject Page(string? nextToken, params (string Name, double Value)[] quotas) => new()
    {
        ["Quotas"] = new JsonArray(quotas.Select(q => (JsonNode)new JsonObject
        {
            ["ServiceCode"] = "sagemaker",
            ["ServiceName"] = "Amazon SageMaker",
            ["QuotaName"] = q.Name,
            ["Value"] = q.Value,
            ["Unit"] = "None",
            ["Adjustable"] = true,
            ["GlobalQuota"] = false,
        }).ToArray()),
        ["NextToken"] = nextToken,
    };

    /// <summary>Batch describes the stack's compute environment with this maxvCpus.</summary>
    public static void BatchEnvironmentHas(this LoopbackAws aws, int maxVcpus) =>
        aws.Answer("batch", "DescribeComputeEnvironments", AwsReply.Of(new JsonObject
        {
            ["computeEnvironments"] = new JsonArray(new JsonObject
            {
                ["computeEnvironmentName"] = "training-spot-dev",
                ["computeEnvironmentArn"] = SampleStack.ComputeEnvironment,
                ["state"] = "ENABLED",
                ["computeResources"] = new JsonObject
                {
                    ["type"] = "SPOT", ["minvCpus"] = 0, ["maxvCpus"] = maxVcpus,
                    ["instanceTypes"] = new JsonArray("m5.xlarge"), ["subnets"] = new JsonArray("subnet-isolated-a"),
                },
            }),
        }));

    /// <summary>EC2's standard spot vCPU quota (L-34B43A08) as GetServiceQuota answers it.</summary>
    public static AwsReply Ec2SpotQuota(double vcpus) => AwsReply.Of(new JsonObject
    {
        ["Quota"] = new JsonObject
        {
            ["ServiceCode"] = "ec2", ["QuotaCode"] = "L-34B43A08", ["QuotaName"] = StandardSpot,
            ["Value"] = vcpus, ["Unit"] = "None", ["Adjustable"] = true, ["GlobalQuota"] = false,
        },
    });

    /// <summary>Every quota the smoke test checks is applied and above its need: one call each.</summary>
    public static void QuotasSuffice(this LoopbackAws aws)
    {
        aws.Answer("servicequotas", "ListServiceQuotas", AwsReply.Of(Page(null,
            ("ml.m5.xlarge for training job usage", 2), ("ml.m5.xlarge for spot training job usage", 2),
            ("ml.m5.xlarge for training warm pool usage", 0))));
        aws.BatchEnvironmentHas(256);
        aws.Answer("servicequotas", "GetServiceQuota", Ec2SpotQuota(512));
    }
}

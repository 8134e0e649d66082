using TrainingInfra.Blueprint.Planning;

namespace TrainingInfra.Blueprint.Pricing;

/// <summary>
/// What of the CDK design (shared/CDK-DESIGN.md) bills while idle, as the resources it declares:
/// a two-zone VPC without NAT gateways whose isolated subnets carry the SageMaker API and runtime
/// and ECR API and Docker interface endpoints, an ml.t3.medium notebook that runs around the clock
/// with SageMaker's default 5 GB volume, one dashboard and one alarm. The yardstick for this
/// program's own idle cost.
/// </summary>
public static class CdkDesignBaseline
{
    /// <summary>The CDK design's billable resources in a region.</summary>
    public static IReadOnlyList<PlannedResource> Resources(string region)
    {
        string[] isolatedSubnets = ["isolated-a", "isolated-b"];
        var resources = new List<PlannedResource>
        {
            new(ResourceTypes.AwsxVpc, "VPC", Inputs(("numberOfAvailabilityZones", 2.0), ("natGateways", Inputs(("strategy", "None"))))),
            new(ResourceTypes.NotebookInstance, "NotebookInstance", Inputs(("instanceType", "ml.t3.medium"))),
            new(ResourceTypes.Dashboard, "TrainingDashboard", Inputs()),
            new(ResourceTypes.MetricAlarm, "TrainingJobFailureAlarm", Inputs()),
        };
        string[] endpointServices = ["sagemaker.api", "sagemaker.runtime", "ecr.api", "ecr.dkr"];
        resources.AddRange(endpointServices.Select(service =>
            new PlannedResource(ResourceTypes.VpcEndpoint, service, Inputs(
                ("vpcEndpointType", "Interface"), ("serviceName", $"com.amazonaws.{region}.{service}"), ("subnetIds", isolatedSubnets)))));
        return resources;
    }

    private static Dictionary<string, object?> Inputs(params (string Key, object? Value)[] inputs) =>
        inputs.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal);
}

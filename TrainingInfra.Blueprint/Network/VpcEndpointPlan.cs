using TrainingInfra.Blueprint.Aws;

namespace TrainingInfra.Blueprint.Network;

/// <summary>
/// The VPC endpoints that let training jobs in the isolated subnets, which have no route to the
/// internet, reach the AWS services they use.
/// </summary>
public static class VpcEndpointPlan
{
    /// <summary>Endpoint type of S3's free gateway endpoint.</summary>
    public const string Gateway = "Gateway";

    /// <summary>Endpoint type of the hourly-billed interface endpoints.</summary>
    public const string Interface = "Interface";

    /// <summary>The only port the interface endpoints' security group admits.</summary>
    public const int HttpsPort = 443;

    private static readonly (string Service, string Type, string Reason)[] Endpoints =
    [
        ("s3", Gateway, "datasets, checkpoints, model artifacts and ECR image layers (stored in S3) are read and written without leaving the VPC; gateway endpoints are free"),
        ("sagemaker.api", Interface, "the SageMaker API (CreateTrainingJob, DescribeTrainingJob) from inside the VPC"),
        ("sagemaker.runtime", Interface, "invoking SageMaker endpoints from inside the VPC"),
        ("ecr.api", Interface, "ECR authorisation and image manifests, needed to pull training containers"),
        ("ecr.dkr", Interface, "the Docker registry protocol that pulls the training containers"),
        ("logs", Interface, "CloudWatch Logs: without it training logs cannot leave the isolated subnets"),
        ("monitoring", Interface, "CloudWatch metrics: without it training metrics cannot leave the isolated subnets"),
        ("sts", Interface, "STS: role credentials for code running in the VPC"),
    ];

    /// <summary>The endpoints for a region; the interface ones only when switched on.</summary>
    public static IReadOnlyList<VpcEndpoint> For(AwsRegion region, bool interfaceEndpoints)
    {
        ArgumentNullException.ThrowIfNull(region);
        return Endpoints
            .Where(e => interfaceEndpoints || e.Type == Gateway)
            .Select(e => new VpcEndpoint(e.Service, region.EndpointServiceName(e.Service), e.Type, e.Reason))
            .ToList();
    }
}

namespace TrainingInfra.Blueprint.Aws;

/// <summary>
/// The AWS regions a second copy of the data may go to. A pattern alone would accept a region
/// that does not exist (us-east-9), which S3 reports only when the replica bucket is created,
/// after the source buckets already changed.
/// </summary>
public static class AwsRegions
{
    /// <summary>
    /// Region codes of the aws and aws-us-gov partitions, from the AWS General Reference's list of
    /// regions (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html,
    /// as of 2026-12-01). China regions are left out, as everywhere in the platform.
    /// </summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2",
        "af-south-1",
        "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2",
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
        "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
        "ca-central-1", "ca-west-1",
        "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1",
        "il-central-1", "me-south-1", "me-central-1", "mx-central-1", "sa-east-1",
        "us-gov-east-1", "us-gov-west-1",
    ];
}

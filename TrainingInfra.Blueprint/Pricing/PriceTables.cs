namespace TrainingInfra.Blueprint.Pricing;

/// <summary>
/// The dated price tables the cost model uses. Only us-east-1 is priced: its figures were checked
/// against more than one source on 2026-12-01 (AWS's own pages where their tables could be read,
/// the AWS price list's SageMaker offer of 2026-09-24 for notebook instances). Another region gets
/// no table, so a cost report there says that it has no prices instead of showing $0.
/// </summary>
public static class PriceTables
{
    /// <summary>Hours in the month AWS bills by (365 × 24 / 12).</summary>
    public const decimal HoursPerMonth = 730m;

    private static readonly PriceTable UsEast1 = new(
        Region: "us-east-1",
        ReadOn: new DateOnly(2026, 12, 1),
        InterfaceEndpointPerAzHour: 0.01m,
        NatGatewayPerHour: 0.045m,
        NotebookPerHour: new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["ml.t3.medium"] = 0.05m,
            ["ml.m5.xlarge"] = 0.23m,
        },
        NotebookStoragePerGbMonth: 0.14m,
        KmsKeyPerMonth: 1.00m,
        DashboardPerMonth: 3.00m,
        StandardAlarmPerMonth: 0.10m,
        VendedLogsPerGb: 0.50m,
        S3StandardPerGbMonth: 0.023m,
        CrossAzPerGb: 0.01m,
        // Read 2026-12-05 (as of 2026-12), with the rest of the table's date for the others.
        CodeArtifactStoragePerGbMonth: 0.05m,
        CodeArtifactPer10kRequests: 0.05m,
        Sources: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["interface endpoint"] = "https://aws.amazon.com/privatelink/pricing/",
            ["NAT gateway"] = "https://aws.amazon.com/vpc/pricing/",
            ["notebook instance"] = "https://aws.amazon.com/sagemaker/ai/pricing/ (AWS price list, offer AmazonSageMaker, 2026-09-24)",
            ["notebook storage"] = "https://aws.amazon.com/sagemaker/ai/pricing/",
            ["KMS key"] = "https://aws.amazon.com/kms/pricing/",
            ["dashboard"] = "https://aws.amazon.com/cloudwatch/pricing/",
            ["alarm"] = "https://aws.amazon.com/cloudwatch/pricing/",
            ["flow logs"] = "https://aws.amazon.com/cloudwatch/pricing/",
            ["S3 storage"] = "https://aws.amazon.com/s3/pricing/",
            ["cross-zone data"] = "https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer_within_the_same_AWS_Region",
            ["CodeArtifact"] = "https://aws.amazon.com/codeartifact/pricing/ (read 2026-12-05)",
            ["MLflow App"] = "https://aws.amazon.com/blogs/machine-learning/scaling-mlflow-for-enterprise-ai-whats-new-in-sagemaker-ai-with-mlflow/ (\"at no additional cost\", read 2026-12-05)",
        });

    /// <summary>Every region that has a table.</summary>
    public static IReadOnlyList<PriceTable> All { get; } = [UsEast1];

    /// <summary>The table of a region, or null when this program has no prices for it.</summary>
    public static PriceTable? For(string region) => All.FirstOrDefault(t => t.Region == region);
}

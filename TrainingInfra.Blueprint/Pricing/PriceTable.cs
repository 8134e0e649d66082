namespace TrainingInfra.Blueprint.Pricing;

/// <summary>
/// List prices in one region, in US dollars, as read on <paramref name="ReadOn"/> from the pages in
/// <paramref name="Sources"/>. A price that is not in the table is unknown, never zero.
/// </summary>
/// <param name="Region">The region code.</param>
/// <param name="ReadOn">When the prices were read.</param>
/// <param name="InterfaceEndpointPerAzHour">An interface endpoint, per zone it is in, per hour.</param>
/// <param name="NatGatewayPerHour">A NAT gateway, per hour.</param>
/// <param name="NotebookPerHour">SageMaker notebook instances, by type, per hour while running.</param>
/// <param name="NotebookStoragePerGbMonth">A notebook's ML storage volume, per GB-month.</param>
/// <param name="KmsKeyPerMonth">A customer managed KMS key, per month.</param>
/// <param name="DashboardPerMonth">A CloudWatch dashboard beyond the account's three free ones, per month.</param>
/// <param name="StandardAlarmPerMonth">A standard-resolution CloudWatch alarm, per month.</param>
/// <param name="VendedLogsPerGb">Flow-log (vended) ingestion into CloudWatch Logs, per GB (first 10 TB).</param>
/// <param name="S3StandardPerGbMonth">S3 Standard storage, per GB-month (first 50 TB).</param>
/// <param name="CrossAzPerGb">Data between zones of the region, per GB in each direction.</param>
/// <param name="CodeArtifactStoragePerGbMonth">CodeArtifact storage, per GB-month (the account's first 2 GB a month are free).</param>
/// <param name="CodeArtifactPer10kRequests">CodeArtifact requests, per 10,000 (the account's first 100,000 a month are free).</param>
/// <param name="Sources">Each price's page.</param>
public sealed record PriceTable(
    string Region,
    DateOnly ReadOn,
    decimal InterfaceEndpointPerAzHour,
    decimal NatGatewayPerHour,
    IReadOnlyDictionary<string, decimal> NotebookPerHour,
    decimal NotebookStoragePerGbMonth,
    decimal KmsKeyPerMonth,
    decimal DashboardPerMonth,
    decimal StandardAlarmPerMonth,
    decimal VendedLogsPerGb,
    decimal S3StandardPerGbMonth,
    decimal CrossAzPerGb,
    decimal CodeArtifactStoragePerGbMonth,
    decimal CodeArtifactPer10kRequests,
    IReadOnlyDictionary<string, string> Sources);

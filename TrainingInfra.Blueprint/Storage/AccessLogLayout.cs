namespace TrainingInfra.Blueprint.Storage;

/// <summary>
/// Where S3 server access logs land in an access-log bucket: one prefix per logged bucket, then
/// S3's partitioned key format, <c>{prefix}{account}/{region}/{bucket}/{yyyy}/{mm}/{dd}/{log object}</c>,
/// which lets Athena or a lifecycle rule select a bucket and a day by prefix.
/// </summary>
public static class AccessLogLayout
{
    /// <summary>Prefix of the dataset bucket's logs.</summary>
    public const string DatasetPrefix = "datasets/";

    /// <summary>Prefix of the model bucket's logs.</summary>
    public const string ModelPrefix = "models/";

    /// <summary>
    /// The partition date of the key: the time of the requests in the log object (EventTime),
    /// rather than the time S3 delivered it, so that a day's prefix holds that day's requests.
    /// </summary>
    public const string PartitionDateSource = "EventTime";

    /// <summary>Rule id of the lifecycle rule that expires log objects.</summary>
    public const string ExpireLogsRuleId = "expire-access-logs";
}

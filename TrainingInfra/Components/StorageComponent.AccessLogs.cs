using Pulumi;
using Pulumi.Aws.S3;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Storage;
using S3Inputs = Pulumi.Aws.S3.Inputs;

namespace TrainingInfra.Components;

public sealed partial class StorageComponent
{
    /// <summary>
    /// The access-log bucket of a region and the logging of the given buckets into it, each under
    /// its own prefix. Log delivery supports only S3-managed keys on the destination bucket (AWS,
    /// "Enabling Amazon S3 server access logging",
    /// https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html, as of
    /// 2026-12-01: default encryption with SSE-KMS is not supported there), so the log bucket is
    /// SSE-S3 even where the data buckets use the customer-managed key; it is
    /// versioned, so that a deleted log object stays recoverable for noncurrentVersionDays, and
    /// its logs expire after accessLogRetentionDays. It logs nothing itself: logging a log bucket
    /// into itself would log its own deliveries without end.
    /// </summary>
    private Output<string> LogAccess(
        string logicalName, Output<string> bucketName, PlatformSettings settings, Output<string> accountId, ProviderResource? provider,
        BucketParts dataset, BucketParts model)
    {
        var sources = Output.Tuple(dataset.Bucket.Arn, model.Bucket.Arn)
            .Apply(arns => new[]
            {
                new AccessLogSource(arns.Item1, AccessLogLayout.DatasetPrefix),
                new AccessLogSource(arns.Item2, AccessLogLayout.ModelPrefix),
            });
        var logs = CreateBucket(logicalName, bucketName, new BucketShape(
            EncryptionKey: null,
            Provider: provider,
            Policy: logBucketArn => Output.Tuple(logBucketArn, accountId, sources)
                .Apply(t => BucketPolicies.AccessLogDelivery(t.Item1, t.Item2, t.Item3)),
            ExpireAfterDays: settings.Storage.AccessLogs.RetentionDays));

        // Logging is switched on only once the log bucket's policy admits the delivery.
        foreach (var (source, prefix) in new[] { (dataset, AccessLogLayout.DatasetPrefix), (model, AccessLogLayout.ModelPrefix) })
        {
            _ = new BucketLogging($"{source.Bucket.GetResourceName()}-access-logging", new BucketLoggingArgs
            {
                Bucket = source.Bucket.Id,
                TargetBucket = logs.Bucket.Id,
                TargetPrefix = prefix,
                TargetObjectKeyFormat = new S3Inputs.BucketLoggingTargetObjectKeyFormatArgs
                {
                    PartitionedPrefix = new S3Inputs.BucketLoggingTargetObjectKeyFormatPartitionedPrefixArgs
                    {
                        PartitionDateSource = AccessLogLayout.PartitionDateSource,
                    },
                },
            }, RegionalDataOptions(provider, source.Bucket, logs.Policy));
        }

        return logs.Bucket.BucketName;
    }
}

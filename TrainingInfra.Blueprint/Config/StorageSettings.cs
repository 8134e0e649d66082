using TrainingInfra.Blueprint.Aws;

namespace TrainingInfra.Blueprint.Config;

/// <summary>Buckets and image repository.</summary>
/// <param name="ModelArchiveDays">Days before model artifacts move to GLACIER.</param>
/// <param name="NoncurrentVersionDays">Days replaced or deleted object versions stay recoverable.</param>
/// <param name="EcrMaxImageCount">Images the repository keeps.</param>
/// <param name="ImmutableTags">Whether an image tag, once pushed, can never name another image.</param>
/// <param name="CustomerManagedKey">Whether data at rest is encrypted with a key the stack owns.</param>
/// <param name="AccessLogs">S3 server access logging of the buckets.</param>
/// <param name="ReplicaRegion">The region both buckets replicate to, or null for none.</param>
public sealed record StorageSettings(
    int ModelArchiveDays, int NoncurrentVersionDays, int EcrMaxImageCount, bool ImmutableTags, bool CustomerManagedKey,
    AccessLogSettings AccessLogs, AwsRegion? ReplicaRegion);

namespace TrainingInfra.Blueprint.Config;

public static partial class SettingKeys
{
    /// <summary>Days before model artifacts move to Glacier.</summary>
    public static readonly SettingKey ModelArchiveDays = new(
        "modelArchiveDays", SettingType.Integer, "180",
        "Days after which objects in the model-artifacts bucket move to the GLACIER storage class.");

    /// <summary>How long replaced or deleted object versions stay recoverable.</summary>
    public static readonly SettingKey NoncurrentVersionDays = new(
        "noncurrentVersionDays", SettingType.Integer, "90",
        "Days a replaced or deleted object version stays recoverable in either bucket before it expires; without a limit every overwritten checkpoint is billed forever.");

    /// <summary>How many images the repository keeps.</summary>
    public static readonly SettingKey EcrMaxImageCount = new(
        "ecrMaxImageCount", SettingType.Integer, "50",
        "Number of images the training-container repository keeps; older ones expire.");

    /// <summary>Whether image tags may be moved once pushed.</summary>
    public static readonly SettingKey EcrImmutableTags = new(
        "ecrImmutableTags", SettingType.Boolean, "false",
        "Make the repository's image tags immutable, so that a tag always names the image first pushed under it; jobImageTag must then name a version, not latest.");

    /// <summary>Whether data at rest uses a key the stack owns.</summary>
    public static readonly SettingKey CustomerManagedKey = new(
        "customerManagedKey", SettingType.Boolean, "false",
        "Encrypt both buckets, the image repository, the platform's log groups and the notebook volume with a customer-managed KMS key made for the stack (rotation on). Decide when the stack is created; switching it later replaces the repository, which a protected stack refuses.");

    /// <summary>Whether reads and writes of both buckets are recorded as S3 server access logs.</summary>
    public static readonly SettingKey BucketAccessLogs = new(
        "bucketAccessLogs", SettingType.Boolean, "false",
        "Record every request to both buckets as S3 server access logs in a per-stack access-log bucket (access-logs-{suffix}-{account}, one key prefix per source bucket).");

    /// <summary>How long access logs are kept.</summary>
    public static readonly SettingKey AccessLogRetentionDays = new(
        "accessLogRetentionDays", SettingType.Integer, "365",
        "Days the access-log bucket keeps a log object before it expires (1 to 3650).");

    /// <summary>Where both buckets are replicated to, if anywhere.</summary>
    public static readonly SettingKey ReplicaRegion = new(
        "replicaRegion", SettingType.String, "",
        "Region that both buckets replicate their new objects to (cross-region replication into replica buckets there); empty means no replication. A known region of the stack's partition, not the stack's own.");
}

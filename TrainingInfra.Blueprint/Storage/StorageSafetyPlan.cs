using TrainingInfra.Blueprint.Config;

namespace TrainingInfra.Blueprint.Storage;

/// <summary>The outputs of the optional access-log and replica buckets when a stack has none.</summary>
public static class StorageSafetyPlan
{
    /// <summary>
    /// The AccessLogBucketName output of a stack without access logs: a sentence naming the
    /// switch, so that a script reading it fails with a reason rather than on an empty string.
    /// </summary>
    public static string NoAccessLogs => $"none: {SettingKeys.BucketAccessLogs.Name} is false";

    /// <summary>The replica-bucket outputs of a stack that does not replicate.</summary>
    public static string NoReplica => $"none: {SettingKeys.ReplicaRegion.Name} is not set";
}

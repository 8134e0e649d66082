using TrainingInfra.Blueprint.Aws;

namespace TrainingInfra.Blueprint.Config;

public static partial class SettingsLoader
{
    /// <summary>The longest the access-log bucket keeps a log object: ten years.</summary>
    public const int MaxAccessLogRetentionDays = 3650;

    private static StorageSettings ReadStorage(Reader reader, AwsRegion? region)
    {
        return new StorageSettings(
            reader.Integer(SettingKeys.ModelArchiveDays, min: 1) ?? 0,
            reader.Integer(SettingKeys.NoncurrentVersionDays, min: 1) ?? 0,
            reader.Integer(SettingKeys.EcrMaxImageCount, min: 1) ?? 0,
            reader.Boolean(SettingKeys.EcrImmutableTags),
            reader.Boolean(SettingKeys.CustomerManagedKey),
            ReadAccessLogs(reader),
            ReadReplicaRegion(reader, region));
    }

    private static AccessLogSettings ReadAccessLogs(Reader reader) =>
        new(reader.Boolean(SettingKeys.BucketAccessLogs),
            reader.Integer(SettingKeys.AccessLogRetentionDays, min: 1, max: MaxAccessLogRetentionDays) ?? 0);

    /// <summary>
    /// The replica region: unset means no replication. A region S3 does not have, the stack's own
    /// region (cross-region replication needs a second one) or one in another partition (a role of
    /// one partition cannot write to buckets of another) is refused before anything is created.
    /// </summary>
    private static AwsRegion? ReadReplicaRegion(Reader reader, AwsRegion? stackRegion)
    {
        var key = SettingKeys.ReplicaRegion;
        var text = reader.Text(key);
        if (text.Length == 0)
        {
            return null;
        }

        var replica = AwsRegion.TryParse(text, out var rule);
        if (replica is null || !AwsRegions.Known.Contains(text))
        {
            reader.Problem(key.Qualified, text, rule ?? $"is not an AWS region this program knows; one of {string.Join(", ", AwsRegions.Known)}");
            return null;
        }

        if (stackRegion is null)
        {
            return replica;
        }

        if (replica.Name == stackRegion.Name)
        {
            reader.Problem(key.Qualified, text,
                $"is the stack's own region (aws:region); cross-region replication needs another region, or leave {key.Qualified} empty");
            return null;
        }

        if (replica.Partition != stackRegion.Partition)
        {
            reader.Problem(key.Qualified, text,
                $"is in the {replica.Partition} partition but the stack's region {stackRegion.Name} is in {stackRegion.Partition}; S3 replicates only within one partition");
            return null;
        }

        return replica;
    }
}

using System.Text.Json.Nodes;
using TrainingInfra.Blueprint.Aws;
using TrainingInfra.Blueprint.Policies;

namespace TrainingInfra.Blueprint.Storage;

/// <summary>
/// Cross-region replication of the platform's buckets: the role S3 replicates as, and the
/// decisions of the replication rule.
/// </summary>
public static class BucketReplication
{
    /// <summary>The service that assumes the replication role.</summary>
    public const string ServicePrincipal = "s3.amazonaws.com";

    /// <summary>Name of the replication role's inline policy.</summary>
    public const string PolicyName = "replicate-platform-buckets";

    /// <summary>Id of each bucket's replication rule.</summary>
    public const string RuleId = "replicate-everything-new";

    /// <summary>
    /// Delete markers are not replicated: a delete in the stack's region (a mistake, or someone
    /// with the notebook's write access) hides the object there but leaves the replica readable.
    /// The replica keeps its own noncurrent-version expiry. Deletes of a specific version are
    /// never replicated by S3 in any case.
    /// </summary>
    public const string DeleteMarkerReplication = "Disabled";

    private static readonly string[] SourceBucketActions = ["s3:GetReplicationConfiguration", "s3:ListBucket"];
    private static readonly string[] SourceObjectActions = ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"];

    // No s3:ReplicateDelete: delete markers are not replicated (see DeleteMarkerReplication).
    private static readonly string[] ReplicaObjectActions = ["s3:ReplicateObject", "s3:ReplicateTags"];

    /// <summary>Lets S3, and nothing else, assume the replication role.</summary>
    public static string Trust() => PolicyDocument.TrustService(ServicePrincipal);

    /// <summary>
    /// What S3 needs to replicate, from the replication configuration guide
    /// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/setting-repl-config-perm-overview.html,
    /// as of 2026-12-01): read the configuration and object versions of the source buckets, write
    /// replicas into the replica buckets. With customer-managed keys, decrypt with the source key
    /// and encrypt with the replica key, each only through S3 in its region and only for the
    /// platform's buckets (the encryption context names the object, or the bucket when S3 Bucket
    /// Keys are on, so both forms are listed).
    /// </summary>
    public static string Permissions(
        IReadOnlyList<ReplicatedBucket> buckets, AwsRegion sourceRegion, AwsRegion replicaRegion, string? sourceKeyArn, string? replicaKeyArn)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        ArgumentNullException.ThrowIfNull(sourceRegion);
        ArgumentNullException.ThrowIfNull(replicaRegion);
        var statements = new List<JsonObject>
        {
            PolicyDocument.Allow("ReadSourceReplicationConfiguration", SourceBucketActions, buckets.Select(b => b.SourceArn)),
            PolicyDocument.Allow("ReadSourceObjectVersions", SourceObjectActions, buckets.Select(b => b.SourceArn + "/*")),
            PolicyDocument.Allow("WriteReplicas", ReplicaObjectActions, buckets.Select(b => b.ReplicaArn + "/*")),
        };
        if (sourceKeyArn is not null)
        {
            statements.Add(KeyUse("DecryptSourceObjects", "kms:Decrypt", sourceKeyArn, sourceRegion, buckets.Select(b => b.SourceArn)));
        }

        if (replicaKeyArn is not null)
        {
            statements.Add(KeyUse("EncryptReplicas", "kms:Encrypt", replicaKeyArn, replicaRegion, buckets.Select(b => b.ReplicaArn)));
        }

        return PolicyDocument.Create([.. statements]);
    }

    private static JsonObject KeyUse(string sid, string action, string keyArn, AwsRegion region, IEnumerable<string> bucketArns) =>
        PolicyDocument.Allow(sid, [action], [keyArn], new JsonObject
        {
            ["StringEquals"] = new JsonObject { ["kms:ViaService"] = $"s3.{region.Name}.amazonaws.com" },
            ["StringLike"] = new JsonObject
            {
                ["kms:EncryptionContext:aws:s3:arn"] = PolicyDocument.Strings(bucketArns.SelectMany(arn => new[] { arn, arn + "/*" })),
            },
        });
}

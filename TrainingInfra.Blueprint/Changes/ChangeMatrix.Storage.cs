using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Planning;

namespace TrainingInfra.Blueprint.Changes;

/// <summary>The storage keys' rows.</summary>
public static partial class ChangeMatrix
{
    private const string LifecycleSource = "terraform-provider-aws internal/service/s3/bucket_lifecycle_configuration.go (`rule` not ForceNew)";

    private static IEnumerable<ConfigChange> Storage() =>
    [
        new(SettingKeys.ModelArchiveDays, BucketLifecycle, ChangeEffect.InPlace, "the rule applies to objects from then on", LifecycleSource),
        new(SettingKeys.NoncurrentVersionDays, BucketLifecycle, ChangeEffect.InPlace,
            "a shorter limit expires older versions at S3's next lifecycle run", LifecycleSource),
        new(SettingKeys.EcrMaxImageCount, EcrLifecyclePolicy, ChangeEffect.ReplacedOldDeletedFirst,
            "`policy` is ForceNew and a repository has one policy: the old one is removed first (create-first would put the new one, then delete it with the old), leaving the repository a moment without expiry. A protected stack protects the policy too: `pulumi state unprotect` it for the change",
            "terraform-provider-aws internal/service/ecr/lifecycle_policy.go (no Update; `policy` ForceNew)"),
        new(SettingKeys.EcrImmutableTags, Repository, ChangeEffect.InPlace,
            "pushes that move an existing tag fail from then on",
            "terraform-provider-aws internal/service/ecr/repository.go (`image_tag_mutability` not ForceNew)"),
        new(SettingKeys.CustomerManagedKey, Repository, ChangeEffect.ReplacedOldDeletedFirst,
            "the repository's name is fixed: an ephemeral stack deletes it with its images first, a protected stack's `protect` stops the update. Decide when the stack is created",
            "terraform-provider-aws internal/service/ecr/repository.go (`encryption_configuration` ForceNew); " + Bridge)
        { From = "false", To = "true" },
        new(SettingKeys.CustomerManagedKey, ResourceTypes.NotebookInstance, ChangeEffect.ReplacedOldDeletedFirst,
            NotebookLost + " (`kms_key_id` is ForceNew)", NotebookSource + "; " + Bridge)
        { From = "false", To = "true" },
        new(SettingKeys.CustomerManagedKey, ResourceTypes.Bucket, ChangeEffect.InPlace,
            "bucket encryption and log groups switch keys for new data; what is stored keeps its old encryption",
            "terraform-provider-aws internal/service/s3/bucket_server_side_encryption_configuration.go, internal/service/logs/group.go (`kms_key_id` not ForceNew)"),
        new(SettingKeys.BucketAccessLogs, ResourceTypes.Bucket, ChangeEffect.CreatedOrDeleted,
            "off deletes the access-log bucket with its logs (ephemeral) or leaves it in place (protected)", "the program (StorageComponent)"),
        new(SettingKeys.AccessLogRetentionDays, BucketLifecycle, ChangeEffect.InPlace, "applies at S3's next lifecycle run", LifecycleSource),
        new(SettingKeys.ReplicaRegion, ResourceTypes.Bucket, ChangeEffect.ReplacedOldDeletedFirst,
            "empty to a region creates the replicas; another region re-creates them there under the same fixed names, so the old replicas are deleted first (ephemeral) or `protect` stops the update (protected); the copies are made again from new writes only",
            "pulumi-aws 7 `region` of the replica provider; terraform-provider-aws internal/service/s3/bucket.go (`bucket` ForceNew); " + Bridge)
        { From = "us-west-2", To = "eu-west-1" },
    ];
}

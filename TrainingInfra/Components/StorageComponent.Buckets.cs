using Pulumi;
using Pulumi.Aws.Kms;
using Pulumi.Aws.S3;
using TrainingInfra.Blueprint.Storage;
using S3Inputs = Pulumi.Aws.S3.Inputs;

namespace TrainingInfra.Components;

public sealed partial class StorageComponent
{
    private BucketParts CreateBucket(string logicalName, Output<string> bucketName, BucketShape shape)
    {
        var provider = shape.Provider;
        var bucket = new Bucket(logicalName, new BucketArgs
        {
            BucketName = bucketName,
            ForceDestroy = _protection.ForceDestroy,
            Tags = _tags,
        }, RegionalDataOptions(provider, parent: null));

        var ownership = new BucketOwnershipControls($"{logicalName}-ownership", new BucketOwnershipControlsArgs
        {
            Bucket = bucket.Id,
            Rule = new S3Inputs.BucketOwnershipControlsRuleArgs { ObjectOwnership = BucketLifecycle.ObjectOwnership },
        }, RegionalDataOptions(provider, bucket));

        var publicAccess = new BucketPublicAccessBlock($"{logicalName}-public-access", new BucketPublicAccessBlockArgs
        {
            Bucket = bucket.Id,
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        }, RegionalDataOptions(provider, bucket));

        var versioning = new BucketVersioning($"{logicalName}-versioning", new BucketVersioningArgs
        {
            Bucket = bucket.Id,
            VersioningConfiguration = new S3Inputs.BucketVersioningVersioningConfigurationArgs { Status = "Enabled" },
        }, RegionalDataOptions(provider, bucket));

        _ = new BucketServerSideEncryptionConfiguration($"{logicalName}-encryption", new BucketServerSideEncryptionConfigurationArgs
        {
            Bucket = bucket.Id,
            Rules =
            {
                new S3Inputs.BucketServerSideEncryptionConfigurationRuleArgs
                {
                    ApplyServerSideEncryptionByDefault = shape.EncryptionKey is null
                        ? new S3Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                        {
                            SseAlgorithm = BucketLifecycle.SseAlgorithm,
                        }
                        : new S3Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                        {
                            SseAlgorithm = BucketLifecycle.KmsSseAlgorithm,
                            KmsMasterKeyId = shape.EncryptionKey.Arn,
                        },
                    // With a customer key, S3 Bucket Keys cut KMS requests (and their cost) by
                    // deriving object keys from a short-lived bucket-level key.
                    BucketKeyEnabled = shape.EncryptionKey is not null,
                },
            },
        }, RegionalDataOptions(provider, bucket));

        // S3 rejects concurrent changes to one bucket's configuration, so the policy waits for
        // the ownership and public-access settings.
        var policy = new BucketPolicy($"{logicalName}-tls-only", new BucketPolicyArgs
        {
            Bucket = bucket.Id,
            Policy = shape.Policy?.Invoke(bucket.Arn) ?? bucket.Arn.Apply(BucketPolicies.TlsOnly),
        }, RegionalDataOptions(provider, bucket, ownership, publicAccess));

        var rules = new List<S3Inputs.BucketLifecycleConfigurationRuleArgs>
        {
            new()
            {
                Id = BucketLifecycle.AbortIncompleteUploadsRuleId,
                Status = "Enabled",
                Filter = new S3Inputs.BucketLifecycleConfigurationRuleFilterArgs { Prefix = "" },
                AbortIncompleteMultipartUpload = new S3Inputs.BucketLifecycleConfigurationRuleAbortIncompleteMultipartUploadArgs
                {
                    DaysAfterInitiation = BucketLifecycle.AbortIncompleteMultipartUploadDays,
                },
            },
            new()
            {
                Id = BucketLifecycle.ExpireNoncurrentRuleId,
                Status = "Enabled",
                Filter = new S3Inputs.BucketLifecycleConfigurationRuleFilterArgs { Prefix = "" },
                NoncurrentVersionExpiration = new S3Inputs.BucketLifecycleConfigurationRuleNoncurrentVersionExpirationArgs
                {
                    NoncurrentDays = _noncurrentVersionDays,
                },
            },
        };
        if (shape.ArchiveAfterDays is { } days)
        {
            rules.Add(new()
            {
                Id = BucketLifecycle.ArchiveRuleId,
                Status = "Enabled",
                Filter = new S3Inputs.BucketLifecycleConfigurationRuleFilterArgs { Prefix = "" },
                Transitions =
                {
                    new S3Inputs.BucketLifecycleConfigurationRuleTransitionArgs { Days = days, StorageClass = BucketLifecycle.ArchiveStorageClass },
                },
            });
        }

        if (shape.ExpireAfterDays is { } expiry)
        {
            rules.Add(new()
            {
                Id = AccessLogLayout.ExpireLogsRuleId,
                Status = "Enabled",
                Filter = new S3Inputs.BucketLifecycleConfigurationRuleFilterArgs { Prefix = "" },
                Expiration = new S3Inputs.BucketLifecycleConfigurationRuleExpirationArgs { Days = expiry },
            });
        }

        // Lifecycle rules on a versioned bucket are applied after versioning, as AWS documents.
        _ = new BucketLifecycleConfiguration($"{logicalName}-lifecycle", new BucketLifecycleConfigurationArgs
        {
            Bucket = bucket.Id,
            Rules = rules,
        }, RegionalDataOptions(provider, bucket, versioning));

        return new BucketParts(bucket, versioning, policy);
    }

    /// <summary>A bucket, the versioning that replication waits for, and the policy that log delivery waits for.</summary>
    private sealed record BucketParts(Bucket Bucket, BucketVersioning Versioning, BucketPolicy Policy);

    /// <summary>
    /// How a bucket differs from the others: its default encryption key (null: SSE-S3), its region
    /// (null: the stack's), its policy beyond TLS-only, and its lifecycle beyond the shared rules.
    /// </summary>
    private sealed record BucketShape(
        Key? EncryptionKey,
        ProviderResource? Provider = null,
        Func<Output<string>, Output<string>>? Policy = null,
        int? ArchiveAfterDays = null,
        int? ExpireAfterDays = null);
}

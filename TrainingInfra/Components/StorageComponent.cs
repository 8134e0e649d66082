using System.Collections.Immutable;
using Pulumi;
using Pulumi.Aws.Ecr;
using Pulumi.Aws.Ecr.Inputs;
using Pulumi.Aws.Iam;
using Pulumi.Aws.Kms;
using Pulumi.Aws.S3;
using TrainingInfra.Blueprint.Aws;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Encryption;
using TrainingInfra.Blueprint.Safety;
using TrainingInfra.Blueprint.Storage;
using S3Inputs = Pulumi.Aws.S3.Inputs;

namespace TrainingInfra.Components;

/// <summary>
/// The dataset and model-artifact buckets and the training-container repository. Every bucket is
/// versioned, encrypted, closed to the public and to plain HTTP, with ACLs off; what happens to
/// the data on destroy follows <see cref="DataProtection"/>. From config: an access-log bucket that
/// receives both buckets' server access logs, and replicas of both buckets in a second region.
/// </summary>
public sealed class StorageComponent : ComponentResource
{
    private readonly DataProtection _protection;
    private readonly ImmutableDictionary<string, string> _tags;
    private readonly Key? _dataKey;
    private readonly int _noncurrentVersionDays;

    /// <summary>Creates the buckets and the repository.</summary>
    public StorageComponent(string name, StorageComponentArgs args, ComponentResourceOptions? options = null)
        : base("training-infra:components:Storage", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = args.Settings;
        _protection = DataProtection.For(settings);
        _tags = settings.Tags;
        _noncurrentVersionDays = settings.Storage.NoncurrentVersionDays;
        _dataKey = settings.Storage.CustomerManagedKey ? CreateDataKey(settings, args.AccountId) : null;

        var datasetParts = CreateBucket("dataset-bucket", args.AccountId.Apply(settings.Names.DatasetBucket), new BucketShape(_dataKey));
        var modelParts = CreateBucket("model-bucket", args.AccountId.Apply(settings.Names.ModelBucket), new BucketShape(_dataKey, ArchiveAfterDays: settings.Storage.ModelArchiveDays));
        var dataset = datasetParts.Bucket;
        var model = modelParts.Bucket;

        AccessLogBucketName = settings.Storage.AccessLogs.Enabled
            ? LogAccess("access-logs", args.AccountId.Apply(settings.Names.AccessLogBucket), settings, args.AccountId, provider: null, datasetParts, modelParts)
            : Output.Create(StorageSafetyPlan.NoAccessLogs);

        if (settings.Storage.ReplicaRegion is { } replicaRegion)
        {
            var (datasetReplica, modelReplica) = Replicate(settings, replicaRegion, args.AccountId, datasetParts, modelParts);
            DatasetReplicaBucketName = datasetReplica;
            ModelReplicaBucketName = modelReplica;
        }
        else
        {
            DatasetReplicaBucketName = Output.Create(StorageSafetyPlan.NoReplica);
            ModelReplicaBucketName = Output.Create(StorageSafetyPlan.NoReplica);
        }

        var repository = new Repository("training-repository", new RepositoryArgs
        {
            Name = settings.Names.Repository,
            ImageScanningConfiguration = new RepositoryImageScanningConfigurationArgs { ScanOnPush = true },
            // Mutable by default: jobs run the image tag named in config (by default "latest"), which
            // a push moves; with immutable tags, config must name a version instead.
            ImageTagMutability = settings.Storage.ImmutableTags ? "IMMUTABLE" : "MUTABLE",
            EncryptionConfigurations =
            {
                _dataKey is null
                    ? new RepositoryEncryptionConfigurationArgs { EncryptionType = "AES256" }
                    : new RepositoryEncryptionConfigurationArgs { EncryptionType = "KMS", KmsKey = _dataKey.Arn },
            },
            ForceDelete = _protection.ForceDestroy,
            Tags = _tags,
        }, DataOptions());

        // Delete-first: `policy` is ForceNew and a repository holds one policy, so a new one put
        // first would be removed with the old (terraform-provider-aws ecr/lifecycle_policy.go).
        var lifecycleOptions = DataOptions(repository);
        lifecycleOptions.DeleteBeforeReplace = true;
        _ = new LifecyclePolicy("training-repository-lifecycle", new LifecyclePolicyArgs
        {
            Repository = repository.Name,
            Policy = EcrLifecyclePolicy.KeepNewest(settings.Storage.EcrMaxImageCount),
        }, lifecycleOptions);

        DatasetBucketName = dataset.BucketName;
        DatasetBucketArn = dataset.Arn;
        ModelBucketName = model.BucketName;
        ModelBucketArn = model.Arn;
        RepositoryUrl = repository.RepositoryUrl;
        RepositoryArn = repository.Arn;
        DataKeyArn = _dataKey?.Arn;

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["datasetBucketName"] = DatasetBucketName,
            ["modelBucketName"] = ModelBucketName,
            ["repositoryUrl"] = RepositoryUrl,
            ["accessLogBucketName"] = AccessLogBucketName,
            ["datasetReplicaBucketName"] = DatasetReplicaBucketName,
            ["modelReplicaBucketName"] = ModelReplicaBucketName,
        });
    }

    /// <summary>Name of the dataset bucket.</summary>
    public Output<string> DatasetBucketName { get; }

    /// <summary>ARN of the dataset bucket.</summary>
    public Output<string> DatasetBucketArn { get; }

    /// <summary>Name of the model-artifacts bucket.</summary>
    public Output<string> ModelBucketName { get; }

    /// <summary>ARN of the model-artifacts bucket.</summary>
    public Output<string> ModelBucketArn { get; }

    /// <summary>URL of the training-container repository (registry/name).</summary>
    public Output<string> RepositoryUrl { get; }

    /// <summary>ARN of the training-container repository.</summary>
    public Output<string> RepositoryArn { get; }

    /// <summary>ARN of the stack's customer-managed data key, when the stack has one.</summary>
    public Output<string>? DataKeyArn { get; }

    /// <summary>The bucket the buckets' server access logs go to, or a sentence saying that the stack has none.</summary>
    public Output<string> AccessLogBucketName { get; }

    /// <summary>The dataset bucket's replica in the replica region, or a sentence saying that the stack does not replicate.</summary>
    public Output<string> DatasetReplicaBucketName { get; }

    /// <summary>The model bucket's replica in the replica region, or a sentence saying that the stack does not replicate.</summary>
    public Output<string> ModelReplicaBucketName { get; }

    /// <summary>
    /// The key that encrypts the stack's data when config asks for one. It is a data resource
    /// itself: deleting it makes every object encrypted with it unreadable, so it is protected
    /// and retained like the buckets.
    /// </summary>
    private Key CreateDataKey(PlatformSettings settings, Output<string> accountId) =>
        CreateRotatingKey(
            "data-key",
            $"Encrypts the data of the training platform's {settings.EnvironmentSuffix} stack",
            accountId.Apply(account => DataKeyPolicy.For(settings, account)),
            settings.Names.DataKeyAlias,
            provider: null);

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

    /// <summary>
    /// Options of every resource that holds data or configures it: protected and retained in
    /// protected stacks, so that neither the data nor its safeguards (public-access block, TLS
    /// policy, versioning) disappear in a destroy.
    /// </summary>
    private CustomResourceOptions DataOptions(Resource? parent = null, params Resource[] dependsOn) =>
        RegionalDataOptions(provider: null, parent, dependsOn);

    /// <summary><see cref="DataOptions"/> for a resource in the region of <paramref name="provider"/> (null: the stack's).</summary>
    private CustomResourceOptions RegionalDataOptions(ProviderResource? provider, Resource? parent, params Resource[] dependsOn) => new()
    {
        Parent = parent ?? this,
        Provider = provider,
        Protect = _protection.Protect,
        RetainOnDelete = _protection.RetainOnDelete,
        DependsOn = dependsOn,
    };

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

    /// <summary>
    /// Replica buckets in the replica region, hardened and protected like their sources (with a key
    /// of that region when the stack has a customer-managed key, and access logs of their own when
    /// the sources have them), the role S3 replicates as, and each source's replication rule.
    /// </summary>
    private (Output<string> Dataset, Output<string> Model) Replicate(
        PlatformSettings settings, AwsRegion replicaRegion, Output<string> accountId, BucketParts dataset, BucketParts model)
    {
        var provider = new Pulumi.Aws.Provider("replica-region", new Pulumi.Aws.ProviderArgs
        {
            Region = replicaRegion.Name,
        }, new CustomResourceOptions { Parent = this });

        var replicaKey = _dataKey is null ? null : CreateReplicaKey(settings, replicaRegion, accountId, provider);
        var datasetReplica = CreateBucket("dataset-replica-bucket", accountId.Apply(settings.Names.DatasetReplicaBucket),
            new BucketShape(replicaKey, provider));
        var modelReplica = CreateBucket("model-replica-bucket", accountId.Apply(settings.Names.ModelReplicaBucket),
            new BucketShape(replicaKey, provider, ArchiveAfterDays: settings.Storage.ModelArchiveDays));
        if (settings.Storage.AccessLogs.Enabled)
        {
            _ = LogAccess("replica-access-logs", accountId.Apply(settings.Names.ReplicaAccessLogBucket), settings, accountId, provider,
                datasetReplica, modelReplica);
        }

        var role = PlatformRoles.Create("replication-role", new RoleArgs
        {
            Name = settings.Names.ReplicationRole,
            Description = $"Replicates the training platform's {settings.EnvironmentSuffix} buckets to {replicaRegion.Name}",
            AssumeRolePolicy = BucketReplication.Trust(),
            Tags = _tags,
        }, settings, accountId, this);

        var sourceKeyArn = _dataKey?.Arn.Apply(arn => (string?)arn) ?? Output.Create((string?)null);
        var replicaKeyArn = replicaKey?.Arn.Apply(arn => (string?)arn) ?? Output.Create((string?)null);
        var permissions = new RolePolicy("replication-role-access", new RolePolicyArgs
        {
            Role = role.Name,
            Name = BucketReplication.PolicyName,
            Policy = Output.Tuple(dataset.Bucket.Arn, datasetReplica.Bucket.Arn, model.Bucket.Arn, modelReplica.Bucket.Arn, sourceKeyArn, replicaKeyArn)
                .Apply(t => BucketReplication.Permissions(
                    [new ReplicatedBucket(t.Item1, t.Item2), new ReplicatedBucket(t.Item3, t.Item4)],
                    settings.Region, replicaRegion, t.Item5, t.Item6)),
        }, new CustomResourceOptions { Parent = role });

        ConfigureReplication(dataset, datasetReplica, role, permissions, replicaKey);
        ConfigureReplication(model, modelReplica, role, permissions, replicaKey);
        return (datasetReplica.Bucket.BucketName, modelReplica.Bucket.BucketName);
    }

    /// <summary>
    /// One rule for the whole bucket: every new object and every new version is copied; delete
    /// markers are not (see <see cref="BucketReplication.DeleteMarkerReplication"/>). Objects that
    /// existed before replication was switched on are not copied: that takes S3 Batch Replication.
    /// </summary>
    private void ConfigureReplication(BucketParts source, BucketParts replica, Role role, RolePolicy permissions, Key? replicaKey)
    {
        var destination = new S3Inputs.BucketReplicationConfigRuleDestinationArgs { Bucket = replica.Bucket.Arn };
        S3Inputs.BucketReplicationConfigRuleSourceSelectionCriteriaArgs? selection = null;
        if (replicaKey is not null)
        {
            // S3 skips SSE-KMS objects unless the rule selects them and names the key that
            // re-encrypts them in the replica region.
            selection = new S3Inputs.BucketReplicationConfigRuleSourceSelectionCriteriaArgs
            {
                SseKmsEncryptedObjects = new S3Inputs.BucketReplicationConfigRuleSourceSelectionCriteriaSseKmsEncryptedObjectsArgs
                {
                    Status = "Enabled",
                },
            };
            destination.EncryptionConfiguration = new S3Inputs.BucketReplicationConfigRuleDestinationEncryptionConfigurationArgs
            {
                ReplicaKmsKeyId = replicaKey.Arn,
            };
        }

        var rule = new S3Inputs.BucketReplicationConfigRuleArgs
        {
            Id = BucketReplication.RuleId,
            Status = "Enabled",
            Priority = 1,
            Filter = new S3Inputs.BucketReplicationConfigRuleFilterArgs { Prefix = "" },
            DeleteMarkerReplication = new S3Inputs.BucketReplicationConfigRuleDeleteMarkerReplicationArgs
            {
                Status = BucketReplication.DeleteMarkerReplication,
            },
            Destination = destination,
        };
        if (selection is not null)
        {
            rule.SourceSelectionCriteria = selection;
        }

        // S3 refuses a replication configuration unless both buckets are versioned, and the first
        // replications fail unless the role can already act.
        _ = new BucketReplicationConfig($"{source.Bucket.GetResourceName()}-replication", new BucketReplicationConfigArgs
        {
            Bucket = source.Bucket.Id,
            Role = role.Arn,
            Rules = { rule },
        }, DataOptions(source.Bucket, source.Versioning, replica.Versioning, permissions));
    }

    /// <summary>The replica region's data key: KMS keys are regional, and replicas are re-encrypted there.</summary>
    private Key CreateReplicaKey(PlatformSettings settings, AwsRegion replicaRegion, Output<string> accountId, ProviderResource provider) =>
        CreateRotatingKey(
            "replica-data-key",
            $"Encrypts the {replicaRegion.Name} replicas of the training platform's {settings.EnvironmentSuffix} buckets",
            accountId.Apply(account => DataKeyPolicy.ForReplica(replicaRegion, account)),
            settings.Names.DataKeyAlias,
            provider);

    /// <summary>
    /// A rotating customer-managed key with its alias, protected and retained like the data it
    /// encrypts, in the region of <paramref name="provider"/> (null: the stack's).
    /// </summary>
    private Key CreateRotatingKey(string logicalName, string description, Output<string> policy, string alias, ProviderResource? provider)
    {
        var key = new Key(logicalName, new KeyArgs
        {
            Description = description,
            EnableKeyRotation = true,
            DeletionWindowInDays = DataKeyPolicy.DeletionWindowDays,
            Policy = policy,
            Tags = _tags,
        }, RegionalDataOptions(provider, parent: null));

        _ = new Pulumi.Aws.Kms.Alias($"{logicalName}-alias", new AliasArgs
        {
            Name = alias,
            TargetKeyId = key.KeyId,
        }, new CustomResourceOptions { Parent = key, Provider = provider });

        return key;
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

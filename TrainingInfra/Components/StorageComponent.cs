using System.Collections.Immutable;
using Pulumi;
using Pulumi.Aws.Ecr;
using Pulumi.Aws.Ecr.Inputs;
using Pulumi.Aws.Kms;
using Pulumi.Aws.S3;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Encryption;
using TrainingInfra.Blueprint.Safety;
using TrainingInfra.Blueprint.Storage;
using S3Inputs = Pulumi.Aws.S3.Inputs;

namespace TrainingInfra.Components;

/// <summary>
/// The dataset and model-artifact buckets and the training-container repository. Every bucket is
/// versioned, encrypted, closed to the public and to plain HTTP, with ACLs off; what happens to
/// the data on destroy follows <see cref="DataProtection"/>.
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

        var dataset = CreateBucket("dataset-bucket", args.AccountId.Apply(settings.Names.DatasetBucket), archiveAfterDays: null);
        var model = CreateBucket("model-bucket", args.AccountId.Apply(settings.Names.ModelBucket), settings.Storage.ModelArchiveDays);

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

        _ = new LifecyclePolicy("training-repository-lifecycle", new LifecyclePolicyArgs
        {
            Repository = repository.Name,
            Policy = EcrLifecyclePolicy.KeepNewest(settings.Storage.EcrMaxImageCount),
        }, DataOptions(repository));

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

    /// <summary>
    /// The key that encrypts the stack's data when config asks for one. It is a data resource
    /// itself: deleting it makes every object encrypted with it unreadable, so it is protected
    /// and retained like the buckets.
    /// </summary>
    private Key CreateDataKey(PlatformSettings settings, Output<string> accountId)
    {
        var key = new Key("data-key", new KeyArgs
        {
            Description = $"Encrypts the data of the training platform's {settings.EnvironmentSuffix} stack",
            EnableKeyRotation = true,
            DeletionWindowInDays = DataKeyPolicy.DeletionWindowDays,
            Policy = accountId.Apply(account => DataKeyPolicy.For(settings, account)),
            Tags = _tags,
        }, DataOptions());

        _ = new Pulumi.Aws.Kms.Alias("data-key-alias", new AliasArgs
        {
            Name = settings.Names.DataKeyAlias,
            TargetKeyId = key.KeyId,
        }, new CustomResourceOptions { Parent = key });

        return key;
    }

    private Bucket CreateBucket(string logicalName, Output<string> bucketName, int? archiveAfterDays)
    {
        var bucket = new Bucket(logicalName, new BucketArgs
        {
            BucketName = bucketName,
            ForceDestroy = _protection.ForceDestroy,
            Tags = _tags,
        }, DataOptions());

        var ownership = new BucketOwnershipControls($"{logicalName}-ownership", new BucketOwnershipControlsArgs
        {
            Bucket = bucket.Id,
            Rule = new S3Inputs.BucketOwnershipControlsRuleArgs { ObjectOwnership = BucketLifecycle.ObjectOwnership },
        }, DataOptions(bucket));

        var publicAccess = new BucketPublicAccessBlock($"{logicalName}-public-access", new BucketPublicAccessBlockArgs
        {
            Bucket = bucket.Id,
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        }, DataOptions(bucket));

        var versioning = new BucketVersioning($"{logicalName}-versioning", new BucketVersioningArgs
        {
            Bucket = bucket.Id,
            VersioningConfiguration = new S3Inputs.BucketVersioningVersioningConfigurationArgs { Status = "Enabled" },
        }, DataOptions(bucket));

        _ = new BucketServerSideEncryptionConfiguration($"{logicalName}-encryption", new BucketServerSideEncryptionConfigurationArgs
        {
            Bucket = bucket.Id,
            Rules =
            {
                new S3Inputs.BucketServerSideEncryptionConfigurationRuleArgs
                {
                    ApplyServerSideEncryptionByDefault = _dataKey is null
                        ? new S3Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                        {
                            SseAlgorithm = BucketLifecycle.SseAlgorithm,
                        }
                        : new S3Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                        {
                            SseAlgorithm = BucketLifecycle.KmsSseAlgorithm,
                            KmsMasterKeyId = _dataKey.Arn,
                        },
                    // With a customer key, S3 Bucket Keys cut KMS requests (and their cost) by
                    // deriving object keys from a short-lived bucket-level key.
                    BucketKeyEnabled = _dataKey is not null,
                },
            },
        }, DataOptions(bucket));

        // S3 rejects concurrent changes to one bucket's configuration, so the policy waits for
        // the ownership and public-access settings.
        _ = new BucketPolicy($"{logicalName}-tls-only", new BucketPolicyArgs
        {
            Bucket = bucket.Id,
            Policy = bucket.Arn.Apply(BucketPolicies.TlsOnly),
        }, DataOptions(bucket, ownership, publicAccess));

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
        if (archiveAfterDays is { } days)
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

        // Lifecycle rules on a versioned bucket are applied after versioning, as AWS documents.
        _ = new BucketLifecycleConfiguration($"{logicalName}-lifecycle", new BucketLifecycleConfigurationArgs
        {
            Bucket = bucket.Id,
            Rules = rules,
        }, DataOptions(bucket, versioning));

        return bucket;
    }

    /// <summary>
    /// Options of every resource that holds data or configures it: protected and retained in
    /// protected stacks, so that neither the data nor its safeguards (public-access block, TLS
    /// policy, versioning) disappear in a destroy.
    /// </summary>
    private CustomResourceOptions DataOptions(Resource? parent = null, params Resource[] dependsOn) => new()
    {
        Parent = parent ?? this,
        Protect = _protection.Protect,
        RetainOnDelete = _protection.RetainOnDelete,
        DependsOn = dependsOn,
    };
}

using System.Collections.Immutable;
using Pulumi;
using Pulumi.Aws.Ecr;
using Pulumi.Aws.Ecr.Inputs;
using Pulumi.Aws.S3;
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

    /// <summary>Creates the buckets and the repository.</summary>
    public StorageComponent(string name, StorageComponentArgs args, ComponentResourceOptions? options = null)
        : base("training-infra:components:Storage", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = args.Settings;
        _protection = DataProtection.For(settings);
        _tags = settings.Tags;

        var dataset = CreateBucket("dataset-bucket", args.AccountId.Apply(settings.Names.DatasetBucket), archiveAfterDays: null);
        var model = CreateBucket("model-bucket", args.AccountId.Apply(settings.Names.ModelBucket), settings.Storage.ModelArchiveDays);

        var repository = new Repository("training-repository", new RepositoryArgs
        {
            Name = settings.Names.Repository,
            ImageScanningConfiguration = new RepositoryImageScanningConfigurationArgs { ScanOnPush = true },
            // Mutable tags: jobs run the image tagged in config (by default "latest"), which a push moves.
            ImageTagMutability = "MUTABLE",
            EncryptionConfigurations = { new RepositoryEncryptionConfigurationArgs { EncryptionType = "AES256" } },
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
                    ApplyServerSideEncryptionByDefault = new S3Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                    {
                        SseAlgorithm = BucketLifecycle.SseAlgorithm,
                    },
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

using System.Collections.Immutable;
using Pulumi;
using Pulumi.Aws.Kms;
using TrainingInfra.Blueprint.Safety;
using TrainingInfra.Blueprint.Storage;

namespace TrainingInfra.Components;

/// <summary>
/// The dataset and model-artifact buckets and the training-container repository. Every bucket is
/// versioned, encrypted, closed to the public and to plain HTTP, with ACLs off; what happens to
/// the data on destroy follows <see cref="DataProtection"/>. From config: an access-log bucket that
/// receives both buckets' server access logs, and replicas of both buckets in a second region.
/// </summary>
public sealed partial class StorageComponent : ComponentResource
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

        var repository = CreateRepository(settings);

        DatasetBucketName = dataset.BucketName;
        DatasetBucketArn = dataset.Arn;
        ModelBucketName = model.BucketName;
        ModelBucketArn = model.Arn;
        RepositoryUrl = repository.RepositoryUrl;
        RepositoryArn = repository.Arn;
        DataKeyArn = _dataKey?.Arn;
        if (settings.PackageMirror)
        {
            var (domainArn, repositoryArn) = CreatePackageMirror(settings);
            PackageDomainArn = domainArn;
            PackageRepositoryArn = repositoryArn;
        }

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

    /// <summary>The package mirror's CodeArtifact domain, when the stack has the mirror.</summary>
    public Output<string>? PackageDomainArn { get; }

    /// <summary>The package mirror's repository, when the stack has the mirror.</summary>
    public Output<string>? PackageRepositoryArn { get; }

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
    /// Options of every resource that holds data or configures it: protected and retained in
    /// protected stacks, so that neither the data nor its safeguards (public-access block, TLS
    /// policy, versioning) disappear in a destroy.
    /// </summary>
    private CustomResourceOptions DataOptions(Resource? parent = null, params Resource[] dependsOn) =>
        RegionalDataOptions(provider: null, parent, dependsOn);

    /// <summary><see cref="DataOptions"/> for a resource in the region of <paramref name="provider"/> (null: the stack's).</summary>
    private CustomResourceOptions RegionalDataOptions(ProviderResource? provider, Resource? parent, params Resource[] dependsOn) =>
        _protection.Keep(new() { Parent = parent ?? this, Provider = provider, DependsOn = dependsOn });
}

using Pulumi.Aws.Ecr;
using Pulumi.Aws.Ecr.Inputs;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Storage;

namespace TrainingInfra.Components;

public sealed partial class StorageComponent
{
    /// <summary>The training-container repository, kept like the data, and the lifecycle policy that expires its oldest images.</summary>
    private Repository CreateRepository(PlatformSettings settings)
    {
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

        return repository;
    }
}

using Pulumi;
using Pulumi.Aws.Kms;
using TrainingInfra.Blueprint.Aws;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Encryption;

namespace TrainingInfra.Components;

public sealed partial class StorageComponent
{
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
}

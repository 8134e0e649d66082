using Pulumi;
using Pulumi.Aws.Iam;
using Pulumi.Aws.Kms;
using Pulumi.Aws.S3;
using TrainingInfra.Blueprint.Aws;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Storage;
using S3Inputs = Pulumi.Aws.S3.Inputs;

namespace TrainingInfra.Components;

public sealed partial class StorageComponent
{
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

        var sourceKeyArn = OptionalOutput.Of(_dataKey?.Arn);
        var replicaKeyArn = OptionalOutput.Of(replicaKey?.Arn);
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
}

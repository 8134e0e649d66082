using System.Text.Json.Nodes;
using TrainingInfra.Blueprint.Aws;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Naming;
using TrainingInfra.Blueprint.Policies;

namespace TrainingInfra.Blueprint.Encryption;

/// <summary>
/// The key policy of the stack's customer-managed data key, and the grant a role needs to read
/// and write objects encrypted with it.
/// </summary>
public static class DataKeyPolicy
{
    /// <summary>Days a deleted key stays recoverable: the longest KMS allows, since losing it loses the data.</summary>
    public const int DeletionWindowDays = 30;

    /// <summary>
    /// The account administers the key and its IAM policies decide who uses it (S3, ECR and
    /// SageMaker use it on behalf of principals that IAM allows); CloudWatch Logs, which acts as
    /// itself, may use it only for the platform's own log groups.
    /// </summary>
    public static string For(PlatformSettings settings, string accountId)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var region = settings.Region;
        var logGroupArns = EncryptedLogGroups(settings.Names)
            .Select(name => $"arn:{region.Partition}:logs:{region.Name}:{accountId}:log-group:{name}");
        return PolicyDocument.Create(
            PolicyDocument.Statement(
                "AccountAdministersAndIamDelegates", "Allow", ["kms:*"], ["*"],
                principal: new JsonObject { ["AWS"] = $"arn:{region.Partition}:iam::{accountId}:root" },
                condition: null),
            PolicyDocument.Statement(
                "CloudWatchLogsForPlatformLogGroups", "Allow",
                ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                ["*"],
                principal: new JsonObject { ["Service"] = $"logs.{region.Name}.amazonaws.com" },
                condition: new JsonObject
                {
                    ["ArnEquals"] = new JsonObject { ["kms:EncryptionContext:aws:logs:arn"] = PolicyDocument.Strings(logGroupArns) },
                }));
    }

    /// <summary>
    /// The policy of the replica region's data key, which encrypts only the replica buckets: the
    /// account administers it and IAM decides who uses it (the replication role, through S3).
    /// </summary>
    public static string ForReplica(AwsRegion replicaRegion, string accountId)
    {
        ArgumentNullException.ThrowIfNull(replicaRegion);
        return PolicyDocument.Create(
            PolicyDocument.Statement(
                "AccountAdministersAndIamDelegates", "Allow", ["kms:*"], ["*"],
                principal: new JsonObject { ["AWS"] = $"arn:{replicaRegion.Partition}:iam::{accountId}:root" },
                condition: null));
    }

    /// <summary>The platform's log groups, which the data key encrypts when the stack has one.</summary>
    public static IReadOnlyList<string> EncryptedLogGroups(ResourceNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return [names.LogGroup, names.FlowLogGroup];
    }

    /// <summary>
    /// What a role needs to read (Decrypt) and write (GenerateDataKey) objects in buckets encrypted
    /// with the key, on that key alone.
    /// </summary>
    public static JsonObject UseForObjects(string keyArn) =>
        PolicyDocument.Allow("UseDataKeyForObjects", ["kms:Decrypt", "kms:GenerateDataKey"], [keyArn]);
}

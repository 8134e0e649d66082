using TrainingInfra.Blueprint.Aws;
using TrainingInfra.Blueprint.Encryption;
using TrainingInfra.Blueprint.Storage;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

public class AccessLogAndReplicationPolicyTests
{
    private const string Account = "111122223333";
    private const string LogBucket = "arn:aws:s3:::access-logs-dev-111122223333";
    private const string Dataset = "arn:aws:s3:::training-datasets-dev-111122223333";
    private const string Model = "arn:aws:s3:::model-artifacts-dev-111122223333";
    private const string DatasetReplica = "arn:aws:s3:::datasets-replica-dev-111122223333";
    private const string ModelReplica = "arn:aws:s3:::models-replica-dev-111122223333";
    private const string SourceKey = "arn:aws:kms:us-east-1:111122223333:key/source";
    private const string ReplicaKey = "arn:aws:kms:us-west-2:111122223333:key/replica";

    private static readonly AwsRegion UsEast1 = AwsRegion.TryParse("us-east-1", out _)!;
    private static readonly AwsRegion UsWest2 = AwsRegion.TryParse("us-west-2", out _)!;

    private static readonly string LogPolicy = BucketPolicies.AccessLogDelivery(
        LogBucket, Account, [new(Dataset, AccessLogLayout.DatasetPrefix), new(Model, AccessLogLayout.ModelPrefix)]);

    private static Dictionary<string, string> Delivery(string sourceArn, string account = Account) => new()
    {
        ["aws:SourceArn"] = sourceArn,
        ["aws:SourceAccount"] = account,
        ["aws:SecureTransport"] = "true",
        ["s3:TlsVersion"] = "1.3",
    };

    private static bool LogServiceMayWrite(string key, Dictionary<string, string> context) =>
        PolicyEvaluator.IsAllowed([LogPolicy], "s3:PutObject", $"{LogBucket}/{key}", context, principal: BucketPolicies.LogDeliveryPrincipal);

    [Fact]
    public void LogDelivery_WritesEachBucketsLogsUnderItsOwnPrefix()
    {
        Assert.True(LogServiceMayWrite("datasets/111122223333/us-east-1/training-datasets-dev-111122223333/2026/12/01/log", Delivery(Dataset)));
        Assert.True(LogServiceMayWrite("models/111122223333/us-east-1/model-artifacts-dev-111122223333/2026/12/01/log", Delivery(Model)));
        Assert.False(LogServiceMayWrite("models/forged", Delivery(Dataset)));
    }

    [Fact]
    public void LogDelivery_RefusesOtherBucketsAndOtherAccounts()
    {
        Assert.False(LogServiceMayWrite("datasets/x", Delivery("arn:aws:s3:::someone-elses-bucket")));
        Assert.False(LogServiceMayWrite("datasets/x", Delivery(Dataset, account: "999999999999")));
    }

    [Fact]
    public void LogBucket_RefusesPlainHttp_EvenToLogDelivery()
    {
        var insecure = Delivery(Dataset);
        insecure["aws:SecureTransport"] = "false";

        Assert.Equal(
            PolicyDecision.ExplicitlyDenied,
            PolicyEvaluator.Decide([LogPolicy], "s3:PutObject", $"{LogBucket}/datasets/x", insecure, principal: BucketPolicies.LogDeliveryPrincipal));
    }

    private static string ReplicationPolicy(bool keys) => BucketReplication.Permissions(
        [new(Dataset, DatasetReplica), new(Model, ModelReplica)], UsEast1, UsWest2, keys ? SourceKey : null, keys ? ReplicaKey : null);

    [Fact]
    public void ReplicationRole_ReadsSourceVersions_AndWritesReplicas()
    {
        string[] policy = [ReplicationPolicy(keys: false)];

        Assert.True(PolicyEvaluator.IsAllowed(policy, "s3:GetReplicationConfiguration", Dataset));
        Assert.True(PolicyEvaluator.IsAllowed(policy, "s3:GetObjectVersionForReplication", Model + "/output/m.tar.gz"));
        Assert.True(PolicyEvaluator.IsAllowed(policy, "s3:ReplicateObject", DatasetReplica + "/images/1.png"));
    }

    [Fact]
    public void ReplicationRole_CannotReplicateDeletes_NorWriteTheSources_NorReadOtherBuckets()
    {
        string[] policy = [ReplicationPolicy(keys: false)];

        Assert.False(PolicyEvaluator.IsAllowed(policy, "s3:ReplicateDelete", DatasetReplica + "/images/1.png"));
        Assert.False(PolicyEvaluator.IsAllowed(policy, "s3:ReplicateObject", Dataset + "/images/1.png"));
        Assert.False(PolicyEvaluator.IsAllowed(policy, "s3:PutObject", DatasetReplica + "/images/1.png"));
        Assert.False(PolicyEvaluator.IsAllowed(policy, "s3:GetObjectVersionForReplication", "arn:aws:s3:::training-datasets-prod-111122223333/x"));
    }

    [Fact]
    public void ReplicationRole_UsesEachKeyOnlyThroughS3InItsRegion_ForThePlatformsBuckets()
    {
        string[] policy = [ReplicationPolicy(keys: true)];

        Assert.True(PolicyEvaluator.IsAllowed(policy, "kms:Decrypt", SourceKey, new Dictionary<string, string>
        {
            ["kms:ViaService"] = "s3.us-east-1.amazonaws.com", ["kms:EncryptionContext:aws:s3:arn"] = Dataset + "/images/1.png",
        }));
        // With S3 Bucket Keys on, the encryption context is the bucket itself.
        Assert.True(PolicyEvaluator.IsAllowed(policy, "kms:Encrypt", ReplicaKey, new Dictionary<string, string>
        {
            ["kms:ViaService"] = "s3.us-west-2.amazonaws.com", ["kms:EncryptionContext:aws:s3:arn"] = ModelReplica,
        }));
        Assert.False(PolicyEvaluator.IsAllowed(policy, "kms:Decrypt", SourceKey, new Dictionary<string, string>
        {
            ["kms:ViaService"] = "s3.us-east-1.amazonaws.com", ["kms:EncryptionContext:aws:s3:arn"] = "arn:aws:s3:::other/x",
        }));
        Assert.False(PolicyEvaluator.IsAllowed(policy, "kms:Decrypt", SourceKey, new Dictionary<string, string>
        {
            ["kms:ViaService"] = "sqs.us-east-1.amazonaws.com", ["kms:EncryptionContext:aws:s3:arn"] = Dataset + "/x",
        }));
        Assert.False(PolicyEvaluator.IsAllowed(policy, "kms:Decrypt", ReplicaKey, new Dictionary<string, string>
        {
            ["kms:ViaService"] = "s3.us-west-2.amazonaws.com", ["kms:EncryptionContext:aws:s3:arn"] = ModelReplica,
        }));
    }

    [Fact]
    public void ReplicationRole_IsAssumableOnlyByS3()
    {
        var statement = Assert.Single(System.Text.Json.JsonDocument.Parse(BucketReplication.Trust()).RootElement.GetProperty("Statement").EnumerateArray());

        Assert.Equal("s3.amazonaws.com", statement.GetProperty("Principal").GetProperty("Service").GetString());
    }

    [Fact]
    public void ReplicaKey_IsAdministeredByTheAccountInTheReplicasPartition()
    {
        var statement = Assert.Single(System.Text.Json.JsonDocument.Parse(DataKeyPolicy.ForReplica(UsWest2, Account)).RootElement.GetProperty("Statement").EnumerateArray());

        Assert.Equal("arn:aws:iam::111122223333:root", statement.GetProperty("Principal").GetProperty("AWS").GetString());
    }
}

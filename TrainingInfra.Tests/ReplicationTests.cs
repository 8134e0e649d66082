using System.Text.Json;
using Pulumi.Testing;
using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests;

/// <summary>Cross-region replication of both buckets, on a dev stack and on the prod stack file, each with replicaRegion set.</summary>
[Collection(MockRuntimeSuite.Name)]
public class ReplicationTests(StackRuns runs)
{
    private const string Bucket = "aws:s3/bucket:Bucket";
    private const string Replication = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
    private const string ReplicaRegion = "us-west-2";

    public static TheoryData<string> Stacks() => new("dev", "prod");

    private Task<StackRun> Run(string stack, params (string Key, string Value)[] more) =>
        runs.Get(stack, [("replicaRegion", ReplicaRegion), .. more]);

    private static MockResourceArgs ConfigOf(StackRun run, string type, string bucket) =>
        Assert.Single(run.OfType(type), r => r.Text("bucket") == $"{bucket}_id");

    private static string ArnOf(StackRun run, string bucket) => $"arn:aws:s3:::{run.Named(Bucket, bucket).Text("bucket")}";

    private static bool InReplicaRegion(MockResourceArgs resource) =>
        resource.Provider?.Contains("pulumi:providers:aws::replica-region::", StringComparison.Ordinal) == true;

    private static readonly (string Source, string Replica)[] Pairs = [("dataset-bucket", "dataset-replica-bucket"), ("model-bucket", "model-replica-bucket")];

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task ReplicaBuckets_AreCreatedInTheReplicaRegion_AndAreOutputs(string stack)
    {
        var run = await Run(stack);

        var provider = Assert.Single(run.OfType("pulumi:providers:aws"), p => p.Name == "replica-region");
        Assert.Equal(ReplicaRegion, provider.Text("region"));
        Assert.Equal($"datasets-replica-{stack}-{CloudMocks.AccountId}", run.Named(Bucket, "dataset-replica-bucket").Text("bucket"));
        Assert.Equal($"models-replica-{stack}-{CloudMocks.AccountId}", run.Named(Bucket, "model-replica-bucket").Text("bucket"));
        Assert.True(InReplicaRegion(run.Named(Bucket, "dataset-replica-bucket")));
        Assert.True(InReplicaRegion(run.Named(Bucket, "model-replica-bucket")));
        Assert.False(InReplicaRegion(run.Named(Bucket, "dataset-bucket")));
        Assert.Equal($"datasets-replica-{stack}-{CloudMocks.AccountId}", await StackRun.Value(run.Stack.DatasetReplicaBucketName));
        Assert.Equal($"models-replica-{stack}-{CloudMocks.AccountId}", await StackRun.Value(run.Stack.ModelReplicaBucketName));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task ReplicaBuckets_AreHardenedLikeTheirSources_InTheReplicaRegion(string stack)
    {
        var run = await Run(stack);

        foreach (var (_, replica) in Pairs)
        {
            var block = ConfigOf(run, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", replica);
            Assert.True(block.Flag("blockPublicAcls") == true && block.Flag("blockPublicPolicy") == true
                && block.Flag("ignorePublicAcls") == true && block.Flag("restrictPublicBuckets") == true);
            Assert.Equal("Enabled", ConfigOf(run, "aws:s3/bucketVersioning:BucketVersioning", replica).Map("versioningConfiguration")["status"]);
            Assert.Equal("BucketOwnerEnforced", ConfigOf(run, "aws:s3/bucketOwnershipControls:BucketOwnershipControls", replica).Map("rule")["objectOwnership"]);
            var policy = ConfigOf(run, "aws:s3/bucketPolicy:BucketPolicy", replica).Json("policy");
            Assert.Contains(policy.GetProperty("Statement").EnumerateArray(), s => s.GetProperty("Effect").GetString() == "Deny"
                && s.GetProperty("Condition").TryGetProperty("Bool", out var b) && b.GetProperty("aws:SecureTransport").GetString() == "false");
            var rules = ConfigOf(run, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", replica).List("rules").Select(r => r.AsMap()).ToList();
            Assert.Contains(rules, r => r.ContainsKey("abortIncompleteMultipartUpload"));
            Assert.Contains(rules, r => r.ContainsKey("noncurrentVersionExpiration"));
            Assert.All(run.Registered.Where(r => r.Text("bucket") == $"{replica}_id"), r => Assert.True(InReplicaRegion(r), r.Name));
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task EachSourceBucket_ReplicatesEveryNewObjectAndVersion_ToItsReplica_ButNotDeleteMarkers(string stack)
    {
        var run = await Run(stack);
        var roleArn = $"arn:aws:iam::{CloudMocks.AccountId}:role/bucket-replication-role-{stack}";

        foreach (var (source, replica) in Pairs)
        {
            var config = ConfigOf(run, Replication, source);
            Assert.Equal(roleArn, config.Text("role"));
            var rule = Assert.Single(config.List("rules")).AsMap();
            Assert.Equal("Enabled", rule["status"]);
            Assert.Equal("", rule["filter"].AsMap()["prefix"]);
            Assert.Equal("Disabled", rule["deleteMarkerReplication"].AsMap()["status"]);
            Assert.Equal(ArnOf(run, replica), rule["destination"].AsMap()["bucket"]);
            Assert.False(InReplicaRegion(config));
        }

        Assert.Equal(2, run.OfType(Replication).Count);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task ReplicationRole_IsAssumableOnlyByS3_AndReachesOnlyThePlatformsBuckets(string stack)
    {
        var run = await Run(stack);
        var role = run.Named("aws:iam/role:Role", "replication-role");
        var trust = Assert.Single(role.Json("assumeRolePolicy").GetProperty("Statement").EnumerateArray());
        Assert.Equal("s3.amazonaws.com", trust.GetProperty("Principal").GetProperty("Service").GetString());

        var policy = Assert.Single(run.OfType("aws:iam/rolePolicy:RolePolicy"), p => p.Text("role") == role.Text("name"));
        string[] buckets = [.. Pairs.SelectMany(p => new[] { ArnOf(run, p.Source), ArnOf(run, p.Replica) })];
        var s3Resources = policy.Json("policy").GetProperty("Statement").EnumerateArray()
            .Where(s => s.GetProperty("Action").EnumerateArray().Any(a => a.GetString()!.StartsWith("s3:", StringComparison.Ordinal)))
            .SelectMany(s => s.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()!))
            .ToList();
        Assert.NotEmpty(s3Resources);
        Assert.All(s3Resources, r => Assert.Contains(r.EndsWith("/*", StringComparison.Ordinal) ? r[..^2] : r, buckets));
    }

    [Fact]
    public async Task WithTheCustomerKey_ReplicasAreEncryptedWithAKeyInTheReplicaRegion_AndKmsObjectsAreReplicated()
    {
        var run = await Run("dev", ("customerManagedKey", "true"));
        var replicaKey = run.Named("aws:kms/key:Key", "replica-data-key");
        var replicaKeyArn = $"arn:aws:kms:{CloudMocks.Region}:{CloudMocks.AccountId}:key/replica-data-key-key-id";
        var sourceKeyArn = $"arn:aws:kms:{CloudMocks.Region}:{CloudMocks.AccountId}:key/data-key-key-id";

        Assert.True(InReplicaRegion(replicaKey));
        Assert.True(replicaKey.Flag("enableKeyRotation"));
        foreach (var (source, replica) in Pairs)
        {
            var encryption = Assert.Single(ConfigOf(run, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", replica).List("rules")).AsMap();
            Assert.Equal(("aws:kms", replicaKeyArn), ((string)encryption["applyServerSideEncryptionByDefault"].AsMap()["sseAlgorithm"],
                (string)encryption["applyServerSideEncryptionByDefault"].AsMap()["kmsMasterKeyId"]));
            var rule = Assert.Single(ConfigOf(run, Replication, source).List("rules")).AsMap();
            Assert.Equal("Enabled", rule["sourceSelectionCriteria"].AsMap()["sseKmsEncryptedObjects"].AsMap()["status"]);
            Assert.Equal(replicaKeyArn, rule["destination"].AsMap()["encryptionConfiguration"].AsMap()["replicaKmsKeyId"]);
        }

        var role = run.Named("aws:iam/role:Role", "replication-role");
        var statements = Assert.Single(run.OfType("aws:iam/rolePolicy:RolePolicy"), p => p.Text("role") == role.Text("name"))
            .Json("policy").GetProperty("Statement").EnumerateArray().ToList();
        Assert.Contains(statements, s => Grants(s, "kms:Decrypt", sourceKeyArn));
        Assert.Contains(statements, s => Grants(s, "kms:Encrypt", replicaKeyArn));
        Assert.DoesNotContain(statements, s => Grants(s, "kms:Decrypt", replicaKeyArn));
    }

    private static bool Grants(JsonElement statement, string action, string resource) =>
        statement.GetProperty("Action").EnumerateArray().Any(a => a.GetString() == action)
        && statement.GetProperty("Resource").EnumerateArray().Any(r => r.GetString() == resource);

    [Fact]
    public async Task ProtectedStack_ProtectsAndRetainsTheReplicas_TheirKey_AndTheReplication()
    {
        var run = await Run("prod");

        var replicaData = run.Options.Where(o => o.Key.Name.Contains("replica", StringComparison.Ordinal)
            && (o.Key.Type.StartsWith("aws:s3/", StringComparison.Ordinal) || o.Key.Type == "aws:kms/key:Key")).ToList();
        Assert.Contains(replicaData, o => o.Key == (Bucket, "dataset-replica-bucket"));
        Assert.Contains(replicaData, o => o.Key == ("aws:kms/key:Key", "replica-data-key"));
        Assert.All(replicaData.Concat(run.Options.Where(o => o.Key.Type == Replication)),
            o => Assert.True(o.Value.Protect == true && o.Value.RetainOnDelete == true, o.Key.Name));
        Assert.All(Pairs, p => Assert.False(run.Named(Bucket, p.Replica).Flag("forceDestroy")));
    }

    [Fact]
    public async Task WithAccessLogs_ReplicasLogIntoALogBucketOfTheReplicaRegion()
    {
        var run = await Run("prod");

        var logBucket = run.Named(Bucket, "replica-access-logs");
        Assert.Equal($"replica-logs-prod-{CloudMocks.AccountId}", logBucket.Text("bucket"));
        Assert.True(InReplicaRegion(logBucket));
        foreach (var (_, replica) in Pairs)
        {
            var logging = ConfigOf(run, "aws:s3/bucketLogging:BucketLogging", replica);
            Assert.Equal("replica-access-logs_id", logging.Text("targetBucket"));
            Assert.True(InReplicaRegion(logging));
        }
    }

    [Fact]
    public async Task WithoutAReplicaRegion_NothingIsReplicated_AndTheOutputsSaySo()
    {
        var run = await runs.Get("prod");

        Assert.Empty(run.OfType(Replication));
        Assert.DoesNotContain(run.OfType("pulumi:providers:aws"), p => p.Name == "replica-region");
        Assert.Equal("none: replicaRegion is not set", await StackRun.Value(run.Stack.DatasetReplicaBucketName));
    }
}

using System.Text.Json;
using Pulumi.Testing;
using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests;

/// <summary>S3 server access logs of both buckets, under the prod stack file and a dev stack with the switch on.</summary>
[Collection(MockRuntimeSuite.Name)]
public class AccessLogTests(StackRuns runs)
{
    private const string Bucket = "aws:s3/bucket:Bucket";
    private const string Logging = "aws:s3/bucketLogging:BucketLogging";

    private static readonly string[] PublicAccessFlags = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

    public static TheoryData<string> StacksWithAccessLogs() => new("prod", "dev");

    private Task<StackRun> Run(string stack) => stack == "prod"
        ? runs.Get("prod")
        : runs.Get(stack, ("bucketAccessLogs", "true"));

    private static MockResourceArgs ConfigOf(StackRun run, string type, string bucket) =>
        Assert.Single(run.OfType(type), r => r.Text("bucket") == $"{bucket}_id");

    private static string ArnOf(StackRun run, string bucket) => $"arn:aws:s3:::{run.Named(Bucket, bucket).Text("bucket")}";

    [Theory]
    [MemberData(nameof(StacksWithAccessLogs))]
    public async Task AccessLogBucket_IsNamedAfterSuffixAndAccount_AndIsAnOutput(string stack)
    {
        var run = await Run(stack);

        Assert.Equal($"access-logs-{stack}-{CloudMocks.AccountId}", run.Named(Bucket, "access-logs").Text("bucket"));
        Assert.Equal($"access-logs-{stack}-{CloudMocks.AccountId}", await StackRun.Value(run.Stack.AccessLogBucketName));
    }

    [Theory]
    [MemberData(nameof(StacksWithAccessLogs))]
    public async Task BothBuckets_LogIntoTheAccessLogBucket_EachUnderItsOwnPrefix_PartitionedByEventTime(string stack)
    {
        var run = await Run(stack);

        foreach (var (bucket, prefix) in new[] { ("dataset-bucket", "datasets/"), ("model-bucket", "models/") })
        {
            var logging = ConfigOf(run, Logging, bucket);
            Assert.Equal(("access-logs_id", prefix), (logging.Text("targetBucket"), logging.Text("targetPrefix")));
            var format = logging.Map("targetObjectKeyFormat");
            Assert.Equal("EventTime", format["partitionedPrefix"].AsMap()["partitionDateSource"]);
        }

        Assert.Equal(2, run.OfType(Logging).Count);
    }

    [Fact]
    public async Task AccessLogBucket_UsesS3ManagedKeys_EvenWhereTheDataBucketsUseTheCustomerKey()
    {
        var run = await runs.Get("prod");

        var rule = Assert.Single(ConfigOf(run, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "access-logs").List("rules")).AsMap();
        Assert.Equal("AES256", rule["applyServerSideEncryptionByDefault"].AsMap()["sseAlgorithm"]);
        Assert.False(rule["applyServerSideEncryptionByDefault"].AsMap().ContainsKey("kmsMasterKeyId"));
        var dataRule = Assert.Single(ConfigOf(run, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "dataset-bucket").List("rules")).AsMap();
        Assert.Equal("aws:kms", dataRule["applyServerSideEncryptionByDefault"].AsMap()["sseAlgorithm"]);
    }

    [Theory]
    [MemberData(nameof(StacksWithAccessLogs))]
    public async Task AccessLogBucket_BlocksPublicAccess_HasNoAcls_AndIsVersioned(string stack)
    {
        var run = await Run(stack);

        var block = ConfigOf(run, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "access-logs");
        Assert.All(PublicAccessFlags, flag => Assert.True(block.Flag(flag), flag));
        Assert.Equal("BucketOwnerEnforced", ConfigOf(run, "aws:s3/bucketOwnershipControls:BucketOwnershipControls", "access-logs").Map("rule")["objectOwnership"]);
        Assert.Equal("Enabled", ConfigOf(run, "aws:s3/bucketVersioning:BucketVersioning", "access-logs").Map("versioningConfiguration")["status"]);
        Assert.Empty(run.OfType("aws:s3/bucketAcl:BucketAcl"));
    }

    [Theory]
    [MemberData(nameof(StacksWithAccessLogs))]
    public async Task AccessLogBucket_AdmitsLogDelivery_OnlyFromTheTwoBuckets_OfThisAccount_AndOnlyOverTls(string stack)
    {
        var run = await Run(stack);
        var statements = ConfigOf(run, "aws:s3/bucketPolicy:BucketPolicy", "access-logs").Json("policy").GetProperty("Statement").EnumerateArray().ToList();

        var delivery = statements.Where(s => s.TryGetProperty("Principal", out var p) && p.ValueKind == JsonValueKind.Object
            && p.TryGetProperty("Service", out var service) && service.GetString() == "logging.s3.amazonaws.com").ToList();
        Assert.Equal(2, delivery.Count);
        Assert.All(delivery, s =>
        {
            Assert.Equal("Allow", s.GetProperty("Effect").GetString());
            Assert.Equal(["s3:PutObject"], s.GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal(CloudMocks.AccountId, s.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:SourceAccount").GetString());
        });
        Assert.Equal(
            new[] { ArnOf(run, "dataset-bucket"), ArnOf(run, "model-bucket") }.Order(StringComparer.Ordinal),
            delivery.Select(s => s.GetProperty("Condition").GetProperty("ArnEquals").GetProperty("aws:SourceArn").GetString()!).Order(StringComparer.Ordinal));
        Assert.Contains(statements, s => s.GetProperty("Effect").GetString() == "Deny"
            && s.GetProperty("Condition").TryGetProperty("Bool", out var b) && b.GetProperty("aws:SecureTransport").GetString() == "false");
    }

    [Theory]
    [InlineData("prod", null, 365.0)]
    [InlineData("dev", "30", 30.0)]
    public async Task AccessLogs_ExpireAfterTheConfiguredDays(string stack, string? days, double expected)
    {
        var run = days is null ? await Run(stack) : await runs.Get(stack, ("bucketAccessLogs", "true"), ("accessLogRetentionDays", days));

        var rules = ConfigOf(run, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "access-logs").List("rules").Select(r => r.AsMap());
        Assert.Contains(rules, r => (string)r["status"] == "Enabled" && r.TryGetValue("expiration", out var e) && (double)e.AsMap()["days"] == expected);
        var dataRules = ConfigOf(run, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "dataset-bucket").List("rules").Select(r => r.AsMap());
        Assert.DoesNotContain(dataRules, r => r.ContainsKey("expiration"));
    }

    [Fact]
    public async Task ProtectedStack_ProtectsAndRetainsTheLogBucket_AndTheLogging()
    {
        var run = await runs.Get("prod");

        var logResources = run.Options.Where(o => o.Key.Name.StartsWith("access-logs", StringComparison.Ordinal) || o.Key.Type == Logging).ToList();
        Assert.Contains(logResources, o => o.Key.Type == Bucket);
        Assert.All(logResources, o => Assert.True(o.Value.Protect == true && o.Value.RetainOnDelete == true, o.Key.Name));
        Assert.False(run.Named(Bucket, "access-logs").Flag("forceDestroy"));
    }

    [Fact]
    public async Task WithoutTheSwitch_NoBucketIsLogged_AndTheOutputSaysSo()
    {
        var run = await runs.Get("dev");

        Assert.Empty(run.OfType(Logging));
        Assert.DoesNotContain(run.OfType(Bucket), b => b.Name == "access-logs");
        Assert.Equal("none: bucketAccessLogs is false", await StackRun.Value(run.Stack.AccessLogBucketName));
    }
}

using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests;

[Collection(MockRuntimeSuite.Name)]
public class StorageTests(StackRuns runs)
{
    private const string Bucket = "aws:s3/bucket:Bucket";

    public static TheoryData<string, string> StacksAndBuckets() => new()
    {
        { "dev", "dataset-bucket" }, { "dev", "model-bucket" }, { "prod", "dataset-bucket" }, { "prod", "model-bucket" },
    };

    private static string BucketId(string bucket) => $"{bucket}_id";

    private static Pulumi.Testing.MockResourceArgs ConfigOf(StackRun run, string type, string bucket) =>
        Assert.Single(run.OfType(type), r => r.Text("bucket") == BucketId(bucket));

    [Fact]
    public async Task Buckets_AreNamedAfterSuffixAndAccount_AsInTheCdkDesign()
    {
        var run = await runs.Get("dev");

        Assert.Equal("training-datasets-dev-111122223333", run.Named(Bucket, "dataset-bucket").Text("bucket"));
        Assert.Equal("model-artifacts-dev-111122223333", run.Named(Bucket, "model-bucket").Text("bucket"));
    }

    [Theory]
    [MemberData(nameof(StacksAndBuckets))]
    public async Task Bucket_BlocksAllPublicAccess(string stack, string bucket)
    {
        var block = ConfigOf(await runs.Get(stack), "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", bucket);

        Assert.True(block.Flag("blockPublicAcls"));
        Assert.True(block.Flag("blockPublicPolicy"));
        Assert.True(block.Flag("ignorePublicAcls"));
        Assert.True(block.Flag("restrictPublicBuckets"));
    }

    [Theory]
    [MemberData(nameof(StacksAndBuckets))]
    public async Task Bucket_CannotBeReadOverPlainHttp(string stack, string bucket)
    {
        var run = await runs.Get(stack);
        var arn = $"arn:aws:s3:::{run.Named(Bucket, bucket).Text("bucket")}";
        var policy = ConfigOf(run, "aws:s3/bucketPolicy:BucketPolicy", bucket).Json("policy");

        Assert.Contains(policy.GetProperty("Statement").EnumerateArray(), s =>
            s.GetProperty("Effect").GetString() == "Deny"
            && s.GetProperty("Principal").GetString() == "*"
            && s.GetProperty("Action").EnumerateArray().Any(a => a.GetString() == "s3:*")
            && s.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()).SequenceEqual([arn, arn + "/*"])
            && s.GetProperty("Condition").GetProperty("Bool").GetProperty("aws:SecureTransport").GetString() == "false");
    }

    [Theory]
    [MemberData(nameof(StacksAndBuckets))]
    public async Task Bucket_IsVersionedEncryptedAndHasNoAcls(string stack, string bucket)
    {
        var run = await runs.Get(stack);

        Assert.Equal("Enabled", ConfigOf(run, "aws:s3/bucketVersioning:BucketVersioning", bucket).Map("versioningConfiguration")["status"]);
        var rule = Assert.Single(ConfigOf(run, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", bucket).List("rules")).AsMap();
        Assert.Equal(run.Settings.Storage.CustomerManagedKey ? "aws:kms" : "AES256", rule["applyServerSideEncryptionByDefault"].AsMap()["sseAlgorithm"]);
        Assert.Equal("BucketOwnerEnforced", ConfigOf(run, "aws:s3/bucketOwnershipControls:BucketOwnershipControls", bucket).Map("rule")["objectOwnership"]);
    }

    [Theory]
    [MemberData(nameof(StacksAndBuckets))]
    public async Task Bucket_AbortsIncompleteMultipartUploadsAfterSevenDays(string stack, string bucket)
    {
        var rules = ConfigOf(await runs.Get(stack), "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", bucket)
            .List("rules").Select(r => r.AsMap());

        Assert.Contains(rules, r => (string)r["status"] == "Enabled"
            && r.TryGetValue("abortIncompleteMultipartUpload", out var abort) && (double)abort.AsMap()["daysAfterInitiation"] == 7.0);
    }

    [Theory]
    [MemberData(nameof(StacksAndBuckets))]
    public async Task Bucket_KeepsReplacedVersionsRecoverableFor90Days_ThenExpiresThem(string stack, string bucket)
    {
        var rules = ConfigOf(await runs.Get(stack), "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", bucket)
            .List("rules").Select(r => r.AsMap());

        Assert.Contains(rules, r => (string)r["status"] == "Enabled"
            && r.TryGetValue("noncurrentVersionExpiration", out var expiry) && (double)expiry.AsMap()["noncurrentDays"] == 90.0);
    }

    [Fact]
    public async Task ModelBucket_MovesObjectsToGlacierAfter180Days_DatasetBucketDoesNot()
    {
        var run = await runs.Get("dev");

        static IEnumerable<(string, double)> Transitions(Pulumi.Testing.MockResourceArgs lifecycle) => lifecycle.List("rules")
            .Select(r => r.AsMap())
            .Where(r => r.ContainsKey("transitions"))
            .SelectMany(r => ((System.Collections.Immutable.ImmutableArray<object>)r["transitions"]).Select(t => t.AsMap()))
            .Select(t => ((string)t["storageClass"], (double)t["days"]));

        Assert.Equal([("GLACIER", 180.0)], Transitions(ConfigOf(run, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "model-bucket")));
        Assert.Empty(Transitions(ConfigOf(run, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "dataset-bucket")));
    }

    [Theory]
    [InlineData("dev", true)]
    [InlineData("pr", true)]
    [InlineData("prod", false)]
    public async Task OnlyEphemeralStacks_LetDestroyEmptyBucketsAndRepository(string stack, bool forced)
    {
        var run = await runs.Get(stack);

        Assert.All(run.OfType(Bucket), b => Assert.Equal(forced, b.Flag("forceDestroy")));
        Assert.Equal(forced, Assert.Single(run.OfType("aws:ecr/repository:Repository")).Flag("forceDelete"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Repository_ScansOnPush_AndKeepsTheNewest50Images(string stack)
    {
        var run = await runs.Get(stack);
        var repository = Assert.Single(run.OfType("aws:ecr/repository:Repository"));
        var lifecycle = Assert.Single(run.OfType("aws:ecr/lifecyclePolicy:LifecyclePolicy"));

        Assert.Equal($"training-containers-{stack}", repository.Text("name"));
        Assert.True((bool)repository.Map("imageScanningConfiguration")["scanOnPush"]);
        Assert.Equal($"training-containers-{stack}", lifecycle.Text("repository"));
        var selection = Assert.Single(lifecycle.Json("policy").GetProperty("rules").EnumerateArray()).GetProperty("selection");
        Assert.Equal(50, selection.GetProperty("countNumber").GetInt32());
    }

    public static TheoryData<string> DataResourceTypes() => new()
    {
        "aws:s3/bucket:Bucket",
        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
        "aws:s3/bucketPolicy:BucketPolicy",
        "aws:s3/bucketVersioning:BucketVersioning",
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
        "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
        "aws:ecr/repository:Repository",
        "aws:ecr/lifecyclePolicy:LifecyclePolicy",
    };

    [Theory]
    [MemberData(nameof(DataResourceTypes))]
    public async Task ProtectedStack_ProtectsAndRetainsItsDataAndItsSafeguards(string type)
    {
        var run = await runs.Get("prod");

        var resources = run.Options.Where(o => o.Key.Type == type).ToList();
        Assert.NotEmpty(resources);
        Assert.All(resources, r =>
        {
            Assert.True(r.Value.Protect, $"{r.Key.Name} is not protected");
            Assert.True(r.Value.RetainOnDelete, $"{r.Key.Name} is not retained on delete");
        });
    }

    [Fact]
    public async Task EphemeralStack_LeavesNothingBehindOnDestroy()
    {
        var run = await runs.Get("dev");

        Assert.All(run.Options, r =>
        {
            Assert.NotEqual(true, r.Value.Protect);
            Assert.NotEqual(true, r.Value.RetainOnDelete);
        });
    }

    [Fact]
    public async Task CustomerManagedKey_EncryptsBothBucketsAndTheRepository_AndRotates()
    {
        var run = await runs.Get("dev", ("customerManagedKey", "true"));
        var key = Assert.Single(run.OfType("aws:kms/key:Key"), k => k.Name == "data-key");
        var keyArn = $"arn:aws:kms:us-east-1:{CloudMocks.AccountId}:key/data-key-key-id";

        Assert.True(key.Flag("enableKeyRotation"));
        Assert.All(run.OfType("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"), c =>
        {
            var rule = Assert.Single(c.List("rules")).AsMap();
            Assert.Equal("aws:kms", rule["applyServerSideEncryptionByDefault"].AsMap()["sseAlgorithm"]);
            Assert.Equal(keyArn, rule["applyServerSideEncryptionByDefault"].AsMap()["kmsMasterKeyId"]);
            Assert.Equal(true, rule["bucketKeyEnabled"]);
        });
        var encryption = Assert.Single(Assert.Single(run.OfType("aws:ecr/repository:Repository")).List("encryptionConfigurations")).AsMap();
        Assert.Equal(("KMS", keyArn), ((string)encryption["encryptionType"], (string)encryption["kmsKey"]));
    }

    [Fact]
    public async Task CustomerManagedKey_IsUsableByTheRolesThatReadAndWriteTheBuckets_AndByLogsForThePlatformsGroups()
    {
        var run = await runs.Get("prod");
        var keyArn = $"arn:aws:kms:us-east-1:{CloudMocks.AccountId}:key/data-key-key-id";

        foreach (var policy in run.OfType("aws:iam/rolePolicy:RolePolicy").Where(p => p.Text("policy")!.Contains("s3:PutObject", StringComparison.Ordinal)))
        {
            Assert.Contains(policy.Json("policy").GetProperty("Statement").EnumerateArray(), s =>
                s.GetProperty("Action").EnumerateArray().Any(a => a.GetString() == "kms:GenerateDataKey")
                && s.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()).SequenceEqual([keyArn]));
        }

        Assert.All(run.OfType("aws:cloudwatch/logGroup:LogGroup"), g => Assert.Equal(keyArn, g.Text("kmsKeyId")));
        Assert.Equal(keyArn, Assert.Single(run.OfType("aws:sagemaker/notebookInstance:NotebookInstance")).Text("kmsKeyId"));
        var logsStatement = Assert.Single(run.Named("aws:kms/key:Key", "data-key").Json("policy").GetProperty("Statement").EnumerateArray(),
            s => s.GetProperty("Principal").TryGetProperty("Service", out _));
        Assert.Equal("logs.us-east-1.amazonaws.com", logsStatement.GetProperty("Principal").GetProperty("Service").GetString());
        // Losing the key loses every object encrypted with it: it is kept like the data.
        var options = run.Options[("aws:kms/key:Key", "data-key")];
        Assert.True(options.Protect == true && options.RetainOnDelete == true);
    }

    [Fact]
    public async Task WithoutCustomerManagedKey_NoDataKeyExists()
    {
        Assert.DoesNotContain((await runs.Get("dev")).OfType("aws:kms/key:Key"), k => k.Name == "data-key");
    }

    [Fact]
    public async Task ImmutableTags_WhenConfigured_MakeTheRepositoryTagsImmutable()
    {
        var run = await runs.Get("dev", ("ecrImmutableTags", "true"), ("jobImageTag", "v1.4.2"), ("trainingImageTag", "v1.4.2"));

        Assert.Equal("IMMUTABLE", Assert.Single(run.OfType("aws:ecr/repository:Repository")).Text("imageTagMutability"));
    }
}

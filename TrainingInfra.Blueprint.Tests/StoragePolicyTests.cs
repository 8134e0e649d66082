using System.Text.Json;
using TrainingInfra.Blueprint.Storage;

namespace TrainingInfra.Blueprint.Tests;

public class StoragePolicyTests
{
    private const string BucketArn = "arn:aws:s3:::training-datasets-dev-111122223333";

    private static List<JsonElement> Statements(string policy) =>
        JsonDocument.Parse(policy).RootElement.GetProperty("Statement").EnumerateArray().ToList();

    [Fact]
    public void TlsOnlyPolicy_DeniesPlainHttpToEveryoneOnTheBucketAndItsObjects()
    {
        var denyHttp = Assert.Single(Statements(BucketPolicies.TlsOnly(BucketArn)), s =>
            s.TryGetProperty("Condition", out var c) && c.TryGetProperty("Bool", out _));

        Assert.Equal("Deny", denyHttp.GetProperty("Effect").GetString());
        Assert.Equal("*", denyHttp.GetProperty("Principal").GetString());
        Assert.Equal("s3:*", Assert.Single(denyHttp.GetProperty("Action").EnumerateArray()).GetString());
        Assert.Equal([BucketArn, BucketArn + "/*"], denyHttp.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("false", denyHttp.GetProperty("Condition").GetProperty("Bool").GetProperty("aws:SecureTransport").GetString());
    }

    [Fact]
    public void TlsOnlyPolicy_DeniesTlsOlderThan12()
    {
        var denyOldTls = Assert.Single(Statements(BucketPolicies.TlsOnly(BucketArn)), s =>
            s.GetProperty("Condition").TryGetProperty("NumericLessThan", out _));

        Assert.Equal("Deny", denyOldTls.GetProperty("Effect").GetString());
        Assert.Equal("1.2", denyOldTls.GetProperty("Condition").GetProperty("NumericLessThan").GetProperty("s3:TlsVersion").GetString());
    }

    [Fact]
    public void TlsOnlyPolicy_GrantsNothing()
    {
        Assert.All(Statements(BucketPolicies.TlsOnly(BucketArn)), s => Assert.Equal("Deny", s.GetProperty("Effect").GetString()));
    }

    [Theory]
    [InlineData(50)]
    [InlineData(7)]
    public void EcrLifecyclePolicy_ExpiresEveryImageBeyondTheNewestCount(int count)
    {
        var rule = Assert.Single(JsonDocument.Parse(EcrLifecyclePolicy.KeepNewest(count)).RootElement.GetProperty("rules").EnumerateArray());

        Assert.Equal(1, rule.GetProperty("rulePriority").GetInt32());
        var selection = rule.GetProperty("selection");
        Assert.Equal("any", selection.GetProperty("tagStatus").GetString());
        Assert.Equal("imageCountMoreThan", selection.GetProperty("countType").GetString());
        Assert.Equal(count, selection.GetProperty("countNumber").GetInt32());
        Assert.Equal("expire", rule.GetProperty("action").GetProperty("type").GetString());
    }
}

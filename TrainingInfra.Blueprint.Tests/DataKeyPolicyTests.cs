using System.Text.Json;
using TrainingInfra.Blueprint.Aws;
using TrainingInfra.Blueprint.Batch;
using TrainingInfra.Blueprint.Encryption;
using TrainingInfra.Blueprint.SageMaker;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

public class DataKeyPolicyTests
{
    private const string Account = "111122223333";
    private const string KeyArn = "arn:aws:kms:us-east-1:111122223333:key/0000";
    private static readonly AwsRegion Region = AwsRegion.TryParse("us-east-1", out _)!;
    private static readonly Config.PlatformSettings Dev = Configs.Load();

    private static List<JsonElement> Statements(string policy) =>
        JsonDocument.Parse(policy).RootElement.GetProperty("Statement").EnumerateArray().ToList();

    [Fact]
    public void DataKey_IsAdministeredByTheAccount_AndNamesNoWildcardPrincipal()
    {
        var statements = Statements(DataKeyPolicy.For(Dev, Account));

        Assert.Contains(statements, s => s.GetProperty("Principal").TryGetProperty("AWS", out var aws)
            && aws.GetString() == $"arn:aws:iam::{Account}:root");
        Assert.All(statements, s => Assert.NotEqual(JsonValueKind.String, s.GetProperty("Principal").ValueKind));
    }

    [Fact]
    public void DataKey_LetsCloudWatchLogsUseItOnlyForThePlatformsLogGroups()
    {
        var logs = Assert.Single(Statements(DataKeyPolicy.For(Dev, Account)),
            s => s.GetProperty("Principal").TryGetProperty("Service", out _));

        Assert.Equal("logs.us-east-1.amazonaws.com", logs.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal(
            [$"arn:aws:logs:us-east-1:{Account}:log-group:/aws/sagemaker/training-jobs-dev", $"arn:aws:logs:us-east-1:{Account}:log-group:/aws/vpc/flow-logs/training-vpc-dev"],
            logs.GetProperty("Condition").GetProperty("ArnEquals").GetProperty("kms:EncryptionContext:aws:logs:arn").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void BatchJobRole_GetsTheDataKey_OnlyWhenTheBucketUsesIt()
    {
        const string bucket = "arn:aws:s3:::model-artifacts-dev-111122223333";

        Assert.DoesNotContain("kms:", BatchPolicies.JobRole(bucket), StringComparison.Ordinal);
        var grant = Assert.Single(Statements(BatchPolicies.JobRole(bucket, KeyArn)), s => s.GetProperty("Action").EnumerateArray().Any(a => a.GetString()!.StartsWith("kms:", StringComparison.Ordinal)));
        Assert.Equal([KeyArn], grant.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["kms:Decrypt", "kms:GenerateDataKey"], grant.GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void SageMakerRoles_GetTheDataKey_OnlyWhenTheBucketsUseIt()
    {
        var without = new SageMakerResources("arn:aws:s3:::d", "arn:aws:s3:::m", "arn:aws:ecr:us-east-1:111122223333:repository/r");
        var with = without with { DataKeyArn = KeyArn };

        Assert.DoesNotContain("kms:", SageMakerPolicies.Training(without, Region, Account), StringComparison.Ordinal);
        Assert.DoesNotContain("kms:", SageMakerPolicies.Notebook(without, "arn:aws:iam::111122223333:role/t"), StringComparison.Ordinal);
        Assert.Contains(Statements(SageMakerPolicies.Training(with, Region, Account)), s => s.GetProperty("Resource").EnumerateArray().Any(r => r.GetString() == KeyArn));
        Assert.Contains(Statements(SageMakerPolicies.Notebook(with, "arn:aws:iam::111122223333:role/t")), s => s.GetProperty("Resource").EnumerateArray().Any(r => r.GetString() == KeyArn));
    }

    [Fact]
    public void TrainingRole_MayEncryptJobOutputAndVolumesWithTheDataKey_GrantingItOnlyToAwsServices()
    {
        var resources = new SageMakerResources("arn:aws:s3:::d", "arn:aws:s3:::m", "arn:aws:ecr:us-east-1:111122223333:repository/r", KeyArn);

        var statements = Statements(SageMakerPolicies.Training(resources, Region, Account));

        static IEnumerable<string?> Values(JsonElement s, string member) => s.GetProperty(member).EnumerateArray().Select(e => e.GetString());
        Assert.Contains(statements, s => Values(s, "Action").Contains("kms:Encrypt") && Values(s, "Resource").SequenceEqual([KeyArn]));
        var grant = Assert.Single(statements, s => Values(s, "Action").Contains("kms:CreateGrant"));
        Assert.Equal([KeyArn], Values(grant, "Resource"));
        Assert.Equal("true", grant.GetProperty("Condition").GetProperty("Bool").GetProperty("kms:GrantIsForAWSResource").GetString());
    }

    [Fact]
    public void ImmutableTags_RefuseTheMovingLatestTag()
    {
        var problem = Assert.Single(Configs.Problems(("ecrImmutableTags", "true"), ("trainingImageTag", "2026.11.1")));

        Assert.Equal("training-infra:jobImageTag", problem.Key);
        Assert.Contains("training-infra:ecrImmutableTags", problem.Rule, StringComparison.Ordinal);
        Assert.True(Configs.Load(("ecrImmutableTags", "true"), ("jobImageTag", "2026.11.1"), ("trainingImageTag", "2026.11.1")).Storage.ImmutableTags);
    }

    [Fact]
    public void CustomerManagedKey_IsOffByDefault_AndOnInProd()
    {
        Assert.False(Configs.Load().Storage.CustomerManagedKey);
        Assert.Equal("true", TrainingInfra.Testing.StackConfigFiles.ProjectConfig("prod", "training-infra")["customerManagedKey"]);
    }
}

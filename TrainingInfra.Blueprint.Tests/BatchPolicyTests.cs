using System.Text.Json;
using TrainingInfra.Blueprint.Aws;
using TrainingInfra.Blueprint.Batch;

namespace TrainingInfra.Blueprint.Tests;

public class BatchPolicyTests
{
    private const string ModelBucketArn = "arn:aws:s3:::model-artifacts-dev-111122223333";

    private static List<JsonElement> Statements(string policy) =>
        JsonDocument.Parse(policy).RootElement.GetProperty("Statement").EnumerateArray().ToList();

    private static IEnumerable<string> Strings(JsonElement statement, string name) =>
        statement.GetProperty(name).EnumerateArray().Select(e => e.GetString()!);

    private static IEnumerable<(string Action, string Resource)> Grants(string policy) =>
        Statements(policy)
            .Where(s => s.GetProperty("Effect").GetString() == "Allow")
            .SelectMany(s => Strings(s, "Action").SelectMany(a => Strings(s, "Resource").Select(r => (a, r))));

    [Fact]
    public void JobRole_CanReadWriteAndDeleteModelObjects()
    {
        var grants = Grants(BatchPolicies.JobRole(ModelBucketArn)).ToHashSet();

        Assert.Contains(("s3:GetObject", ModelBucketArn + "/*"), grants);
        Assert.Contains(("s3:PutObject", ModelBucketArn + "/*"), grants);
        Assert.Contains(("s3:DeleteObject", ModelBucketArn + "/*"), grants);
        Assert.Contains(("s3:ListBucket", ModelBucketArn), grants);
    }

    [Fact]
    public void JobRole_CannotTouchAnotherBucket()
    {
        Assert.All(Grants(BatchPolicies.JobRole(ModelBucketArn)), grant =>
            Assert.Contains(grant.Resource, new[] { ModelBucketArn, ModelBucketArn + "/*" }));
    }

    [Fact]
    public void JobRole_GrantsObjectActionsOnObjects_AndBucketActionsOnTheBucket()
    {
        // An object action on the bucket ARN, or ListBucket on objects, is silently useless.
        Assert.All(Grants(BatchPolicies.JobRole(ModelBucketArn)), grant =>
            Assert.Equal(grant.Action is "s3:ListBucket" or "s3:GetBucketLocation" or "s3:ListBucketMultipartUploads", grant.Resource == ModelBucketArn));
    }

    [Fact]
    public void JobRole_GrantsNoWildcardAction()
    {
        Assert.All(Grants(BatchPolicies.JobRole(ModelBucketArn)), grant => Assert.DoesNotContain("*", grant.Action, StringComparison.Ordinal));
    }

    [Fact]
    public void JobRole_HoldsNoImagePullOrLogPermissions_WhichTheInstanceRoleCarries()
    {
        Assert.All(Grants(BatchPolicies.JobRole(ModelBucketArn)), grant => Assert.StartsWith("s3:", grant.Action, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("us-east-1", "arn:aws:iam::aws:policy/service-role/")]
    [InlineData("us-gov-west-1", "arn:aws-us-gov:iam::aws:policy/service-role/")]
    public void ManagedPolicies_AreTheAwsServiceRolePolicies_InTheStacksPartition(string regionName, string prefix)
    {
        var region = AwsRegion.TryParse(regionName, out _)!;

        Assert.Equal(prefix + "AmazonEC2ContainerServiceforEC2Role", BatchPolicies.InstanceRolePolicyArn(region));
        Assert.Equal(prefix + "AmazonEC2SpotFleetTaggingRole", BatchPolicies.SpotFleetRolePolicyArn(region));
    }

    [Theory]
    [InlineData("instance", "ec2.amazonaws.com")]
    [InlineData("job", "ecs-tasks.amazonaws.com")]
    [InlineData("spot fleet", "spotfleet.amazonaws.com")]
    public void Roles_TrustOnlyTheServiceThatUsesThem(string role, string service)
    {
        var trust = role switch
        {
            "instance" => BatchPolicies.InstanceTrust,
            "job" => BatchPolicies.JobTrust,
            _ => BatchPolicies.SpotFleetTrust,
        };

        var statement = Assert.Single(Statements(trust));
        Assert.Equal(service, statement.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal("sts:AssumeRole", statement.GetProperty("Action").GetString());
    }
}

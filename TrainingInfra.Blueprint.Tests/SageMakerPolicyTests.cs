using System.Text.Json;
using TrainingInfra.Blueprint.Aws;
using TrainingInfra.Blueprint.SageMaker;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

public class SageMakerPolicyTests
{
    private const string Account = "111122223333";
    private const string DatasetBucket = "arn:aws:s3:::training-datasets-dev-111122223333";
    private const string ModelBucket = "arn:aws:s3:::model-artifacts-dev-111122223333";
    private const string Repository = "arn:aws:ecr:us-east-1:111122223333:repository/training-containers-dev";
    private const string TrainingRole = "arn:aws:iam::111122223333:role/training-job-role-dev";

    private static readonly SageMakerResources Resources = new(DatasetBucket, ModelBucket, Repository);
    private static readonly AwsRegion UsEast1 = AwsRegion.TryParse("us-east-1", out _)!;

    /// <summary>
    /// The only actions AWS authorises on "*" alone (no resource type, or a resource that does not
    /// exist before the call), which the design allows to stay on "*".
    /// </summary>
    private static readonly HashSet<string> StarOnlyActions =
    [
        "ecr:GetAuthorizationToken",
        "cloudwatch:PutMetricData",
        "ec2:CreateNetworkInterface", "ec2:CreateNetworkInterfacePermission", "ec2:DeleteNetworkInterface",
        "ec2:DeleteNetworkInterfacePermission", "ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs",
        "ec2:DescribeDhcpOptions", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups",
    ];

    private static IReadOnlyList<PolicyStatement> NotebookPolicy() => PolicyStatement.Parse(SageMakerPolicies.Notebook(Resources, TrainingRole));

    private static IReadOnlyList<PolicyStatement> TrainingPolicy() => PolicyStatement.Parse(SageMakerPolicies.Training(Resources, UsEast1, Account));

    public static TheoryData<string> Roles() => new("notebook", "training");

    private static IReadOnlyList<PolicyStatement> PolicyOf(string role) => role == "notebook" ? NotebookPolicy() : TrainingPolicy();

    private static bool Covers(PolicyStatement statement, string action, string resource) =>
        statement.Allows(action) && statement.Resources.Contains(resource);

    [Fact]
    public void Trust_LetsOnlySageMakerAssumeTheRoles()
    {
        var statement = Assert.Single(JsonDocument.Parse(SageMakerPolicies.Trust()).RootElement.GetProperty("Statement").EnumerateArray());

        Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
        Assert.Equal("sts:AssumeRole", statement.GetProperty("Action").GetString());
        var principal = Assert.Single(statement.GetProperty("Principal").EnumerateObject());
        Assert.Equal(("Service", "sagemaker.amazonaws.com"), (principal.Name, principal.Value.GetString()));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Policy_OnlyAllows(string role)
    {
        Assert.All(PolicyOf(role), s => Assert.True(s.IsAllow, s.Name));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Policy_NamesNoWildcardAction(string role)
    {
        Assert.All(PolicyOf(role).SelectMany(s => s.Actions), action =>
        {
            Assert.NotEqual("*", action);
            Assert.DoesNotContain("*", action, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Policy_GrantsOnStarOnlyTheActionsThatHaveNoResourceToName(string role)
    {
        var onStar = PolicyOf(role).Where(s => s.Resources.Contains("*")).ToList();

        Assert.All(onStar, s => Assert.Equal(["*"], s.Resources));
        Assert.All(onStar.SelectMany(s => s.Actions), action => Assert.Contains(action, StarOnlyActions));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Policy_GrantsS3OnlyOnThePlatformsTwoBuckets(string role)
    {
        string[] platformBuckets = [DatasetBucket, DatasetBucket + "/*", ModelBucket, ModelBucket + "/*"];

        Assert.All(PolicyOf(role).Where(s => s.Actions.Any(a => a.StartsWith("s3:", StringComparison.Ordinal))), s =>
            Assert.All(s.Resources, r => Assert.Contains(r, platformBuckets)));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Policy_GrantsRepositoryActionsOnlyOnThePlatformsRepository(string role)
    {
        var repositoryStatements = PolicyOf(role)
            .Where(s => s.Actions.Any(a => a.StartsWith("ecr:", StringComparison.Ordinal) && a != "ecr:GetAuthorizationToken"))
            .ToList();

        Assert.NotEmpty(repositoryStatements);
        Assert.All(repositoryStatements, s => Assert.Equal([Repository], s.Resources));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Policy_CanLogInToEcr(string role)
    {
        Assert.Contains(PolicyOf(role), s => Covers(s, "ecr:GetAuthorizationToken", "*"));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Policy_CanPullTheTrainingImage(string role)
    {
        var policy = PolicyOf(role);

        Assert.All(
            ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
            action => Assert.Contains(policy, s => Covers(s, action, Repository)));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Policy_CanReadAndListTheDatasetAndWriteTheModelBucket(string role)
    {
        var policy = PolicyOf(role);

        Assert.Contains(policy, s => Covers(s, "s3:ListBucket", DatasetBucket));
        Assert.Contains(policy, s => Covers(s, "s3:GetObject", DatasetBucket + "/*"));
        Assert.Contains(policy, s => Covers(s, "s3:ListBucket", ModelBucket));
        Assert.Contains(policy, s => Covers(s, "s3:GetObject", ModelBucket + "/*"));
        Assert.Contains(policy, s => Covers(s, "s3:PutObject", ModelBucket + "/*"));
    }

    [Fact]
    public void NotebookPolicy_CanWriteDatasets()
    {
        Assert.Contains(NotebookPolicy(), s => Covers(s, "s3:PutObject", DatasetBucket + "/*"));
    }

    [Fact]
    public void NotebookPolicy_CanPushTrainingImages()
    {
        var policy = NotebookPolicy();

        Assert.All(
            ["ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage"],
            action => Assert.Contains(policy, s => Covers(s, action, Repository)));
    }

    [Fact]
    public void NotebookPolicy_PassesOnlyTheTrainingRole_AndOnlyToSageMaker()
    {
        var passRole = Assert.Single(NotebookPolicy(), s => s.Actions.Contains("iam:PassRole"));

        Assert.Equal([TrainingRole], passRole.Resources);
        Assert.Equal("sagemaker.amazonaws.com", passRole.ConditionValue("StringEquals", "iam:PassedToService"));
    }

    [Fact]
    public void NotebookPolicy_GrantsNoOtherIamAction()
    {
        Assert.All(
            NotebookPolicy().SelectMany(s => s.Actions).Where(a => a.StartsWith("iam:", StringComparison.Ordinal)),
            action => Assert.Equal("iam:PassRole", action));
    }

    [Fact]
    public void TrainingPolicy_GrantsNoSageMakerAction()
    {
        Assert.DoesNotContain(TrainingPolicy().SelectMany(s => s.Actions), a => a.StartsWith("sagemaker:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void TrainingPolicy_NeverWritesTheDatasetBucket()
    {
        var onDataset = TrainingPolicy().Where(s => s.Resources.Any(r => r.StartsWith(DatasetBucket, StringComparison.Ordinal))).ToList();

        Assert.NotEmpty(onDataset);
        Assert.All(onDataset.SelectMany(s => s.Actions), action =>
            Assert.True(action.StartsWith("s3:Get", StringComparison.Ordinal) || action.StartsWith("s3:List", StringComparison.Ordinal), action));
    }

    [Fact]
    public void TrainingPolicy_CannotPushImages()
    {
        Assert.DoesNotContain(TrainingPolicy().SelectMany(s => s.Actions), a =>
            a is "ecr:PutImage" or "ecr:InitiateLayerUpload" or "ecr:UploadLayerPart" or "ecr:CompleteLayerUpload");
    }

    [Fact]
    public void TrainingPolicy_CannotPassRoles()
    {
        Assert.DoesNotContain(TrainingPolicy().SelectMany(s => s.Actions), a => a.StartsWith("iam:", StringComparison.Ordinal));
    }

    [Fact]
    public void TrainingPolicy_WritesLogsOnlyToSageMakersTrainingJobsGroup()
    {
        const string group = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/sagemaker/TrainingJobs";
        var logs = TrainingPolicy().Where(s => s.Actions.Any(a => a.StartsWith("logs:", StringComparison.Ordinal))).ToList();

        Assert.All(logs.SelectMany(s => s.Resources), r => Assert.Contains(r, new[] { group, group + ":log-stream:*" }));
        Assert.All(
            ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
            action => Assert.Contains(logs, s => s.Allows(action)));
    }

    [Fact]
    public void TrainingPolicy_LogGroupArn_FollowsTheRegionsPartition()
    {
        var govCloud = AwsRegion.TryParse("us-gov-west-1", out _)!;

        var resources = PolicyStatement.Parse(SageMakerPolicies.Training(Resources, govCloud, Account))
            .Where(s => s.Allows("logs:PutLogEvents")).SelectMany(s => s.Resources);

        Assert.All(resources, r => Assert.StartsWith("arn:aws-us-gov:logs:us-gov-west-1:111122223333:log-group:", r, StringComparison.Ordinal));
    }

    [Fact]
    public void TrainingPolicy_PublishesMetricsOnlyIntoSageMakersNamespaces()
    {
        var metrics = Assert.Single(TrainingPolicy(), s => s.Actions.Contains("cloudwatch:PutMetricData"));

        Assert.Equal("/aws/sagemaker/*", metrics.ConditionValue("StringLike", "cloudwatch:namespace"));
    }

    [Theory]
    [InlineData("ec2:CreateNetworkInterface")]
    [InlineData("ec2:CreateNetworkInterfacePermission")]
    [InlineData("ec2:DeleteNetworkInterface")]
    [InlineData("ec2:DeleteNetworkInterfacePermission")]
    [InlineData("ec2:DescribeNetworkInterfaces")]
    [InlineData("ec2:DescribeVpcs")]
    [InlineData("ec2:DescribeDhcpOptions")]
    [InlineData("ec2:DescribeSubnets")]
    [InlineData("ec2:DescribeSecurityGroups")]
    public void TrainingPolicy_AllowsWhatVpcModeTrainingNeeds(string action)
    {
        Assert.Contains(TrainingPolicy(), s => s.Allows(action));
    }

    [Theory]
    [InlineData("us-east-1", "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess")]
    [InlineData("us-gov-west-1", "arn:aws-us-gov:iam::aws:policy/AmazonSageMakerFullAccess")]
    public void NotebookManagedPolicy_IsThePartitionsAmazonSageMakerFullAccess(string region, string arn)
    {
        Assert.Equal(arn, AwsRegion.TryParse(region, out _)!.ManagedPolicyArn(SageMakerPolicies.NotebookManagedPolicy));
    }
}

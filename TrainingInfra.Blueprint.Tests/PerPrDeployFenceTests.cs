using TrainingInfra.Blueprint.Naming;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>
/// The per-PR deploy role's fence in a shared account (docs/policies/per-pr-deploy-*.json):
/// it reaches resources named with a per-PR suffix (-pr followed by a digit, which no -prod name
/// has) or tagged DeployFence=per-pr at creation, every role it makes carries the boundary, it
/// passes only such roles, and it can neither remove the fence tag nor put it on what it did not
/// create.
/// </summary>
public class PerPrDeployFenceTests
{
    private const string Account = DeliveryPolicies.AccountId;
    private static readonly IReadOnlyList<string> Role = DeliveryPolicies.PerPrDeployRole();
    private static readonly ResourceNames Pr = new("pr3507");
    private static readonly ResourceNames Prod = new("prod");
    private static readonly ResourceNames Dev = new("dev");

    private static PolicyDecision Decide(string action, string resource, Dictionary<string, string>? context = null,
        Dictionary<string, IReadOnlyList<string>>? multi = null) =>
        PolicyEvaluator.Decide(Role, action, resource, context, multiValued: multi);

    private static string RoleArn(string name) => $"arn:aws:iam::{Account}:role/{name}";

    private static Dictionary<string, string> WithBoundary(string boundary = DeliveryPolicies.BoundaryArn) =>
        new() { ["iam:PermissionsBoundary"] = boundary };

    [Theory]
    [InlineData("s3:DeleteBucket", "")]
    [InlineData("s3:PutBucketPolicy", "")]
    [InlineData("s3:GetObject", "/datasets/train.csv")]
    [InlineData("s3:DeleteObject", "/datasets/train.csv")]
    [InlineData("s3:PutObject", "/datasets/run-pr1/poison.csv")]
    public void PerPrRole_CannotTouchAProdOrDevBucket(string action, string objectPath)
    {
        Assert.NotEqual(PolicyDecision.Allowed, Decide(action, $"arn:aws:s3:::{Prod.DatasetBucket(Account)}{objectPath}"));
        Assert.NotEqual(PolicyDecision.Allowed, Decide(action, $"arn:aws:s3:::{Dev.DatasetBucket(Account)}{objectPath}"));
        Assert.Equal(PolicyDecision.Allowed, Decide(action, $"arn:aws:s3:::{Pr.DatasetBucket(Account)}{objectPath}"));
    }

    [Theory]
    [InlineData("batch:UpdateComputeEnvironment", "compute-environment/{0}")]
    [InlineData("sns:SetTopicAttributes", "{1}")]
    public void PerPrRole_CannotChangeProdsNamedResources(string action, string path)
    {
        var service = action.Split(':')[0];
        string Arn(ResourceNames names) => $"arn:aws:{service}:us-east-1:{Account}:" + string.Format(System.Globalization.CultureInfo.InvariantCulture, path, names.ComputeEnvironment, names.AlertTopic);

        Assert.NotEqual(PolicyDecision.Allowed, Decide(action, Arn(Prod)));
        Assert.Equal(PolicyDecision.Allowed, Decide(action, Arn(Pr)));
    }

    [Fact]
    public void PerPrRole_CannotCreateARoleWithoutTheBoundary()
    {
        var role = RoleArn("batch-instance-role-pr3507");

        Assert.Equal(PolicyDecision.ExplicitlyDenied, Decide("iam:CreateRole", role));
        Assert.Equal(PolicyDecision.ExplicitlyDenied, Decide("iam:CreateRole", role, WithBoundary("arn:aws:iam::aws:policy/AdministratorAccess")));
        Assert.Equal(PolicyDecision.Allowed, Decide("iam:CreateRole", role, WithBoundary()));
        Assert.NotEqual(PolicyDecision.Allowed, Decide("iam:CreateRole", RoleArn("training-job-role-prod"), WithBoundary()));
    }

    [Fact]
    public void PerPrRole_CannotRemoveOrSwapABoundary_NorEditTheBoundaryPolicy()
    {
        var role = RoleArn("training-job-role-pr3507");

        Assert.Equal(PolicyDecision.ExplicitlyDenied, Decide("iam:DeleteRolePermissionsBoundary", role));
        Assert.Equal(PolicyDecision.ExplicitlyDenied, Decide("iam:PutRolePermissionsBoundary", role, WithBoundary($"arn:aws:iam::{Account}:policy/wide-open")));
        Assert.Equal(PolicyDecision.ExplicitlyDenied, Decide("iam:CreatePolicyVersion", DeliveryPolicies.BoundaryArn));
    }

    [Fact]
    public void PerPrRole_AttachesOnlyThePlatformsManagedPolicies_ToBoundedRoles()
    {
        var role = RoleArn("batch-instance-role-pr3507");
        Dictionary<string, string> Attach(string policy) => new(WithBoundary()) { ["iam:PolicyARN"] = policy };

        Assert.Equal(PolicyDecision.Allowed, Decide("iam:AttachRolePolicy", role, Attach("arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role")));
        Assert.NotEqual(PolicyDecision.Allowed, Decide("iam:AttachRolePolicy", role, Attach("arn:aws:iam::aws:policy/AdministratorAccess")));
        Assert.NotEqual(PolicyDecision.Allowed, Decide("iam:PutRolePolicy", role));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("training-job-role-dev")]
    [InlineData("training-job-role-prod")]
    [InlineData("OrganizationAccountAccessRole")]
    public void PerPrRole_CannotPassAnUnboundedRole(string name)
    {
        Assert.NotEqual(PolicyDecision.Allowed, Decide("iam:PassRole", RoleArn(name), new() { ["iam:PassedToService"] = "sagemaker.amazonaws.com" }));
    }

    [Theory]
    [InlineData("sagemaker.amazonaws.com", true)]
    [InlineData("ec2.amazonaws.com", true)]
    [InlineData("ecs-tasks.amazonaws.com", true)]
    [InlineData("lambda.amazonaws.com", false)]
    [InlineData("batch.amazonaws.com", false)]
    public void PerPrRole_PassesPerPrRoles_OnlyToTheServicesThatRunThem(string service, bool allowed)
    {
        var decision = Decide("iam:PassRole", RoleArn("training-job-role-pr3507"), new() { ["iam:PassedToService"] = service });

        Assert.Equal(allowed, decision == PolicyDecision.Allowed);
    }

    [Theory]
    [InlineData("ec2:DeleteTags", "arn:aws:ec2:us-east-1:111122223333:security-group/sg-1")]
    [InlineData("iam:UntagRole", "arn:aws:iam::111122223333:role/training-job-role-pr3507")]
    [InlineData("kms:UntagResource", "arn:aws:kms:us-east-1:111122223333:key/1")]
    public void PerPrRole_CannotRemoveTheFenceTag(string action, string resource)
    {
        var fenced = new Dictionary<string, string> { ["aws:ResourceTag/DeployFence"] = "per-pr" };

        Assert.Equal(PolicyDecision.ExplicitlyDenied, Decide(action, resource, fenced, new() { ["aws:TagKeys"] = ["DeployFence"] }));
    }

    [Fact]
    public void PerPrRole_CannotSetTheFenceTagToAnotherValue()
    {
        var context = new Dictionary<string, string> { ["aws:ResourceTag/DeployFence"] = "per-pr", ["aws:RequestTag/DeployFence"] = "dev" };

        Assert.Equal(PolicyDecision.ExplicitlyDenied, Decide("ec2:CreateTags", $"arn:aws:ec2:us-east-1:{Account}:security-group/sg-1", context,
            new() { ["aws:TagKeys"] = ["DeployFence"] }));
    }

    [Fact]
    public void PerPrRole_CannotTagDevsSecurityGroupIntoTheFence_OnlyWhatItCreates()
    {
        const string group = "arn:aws:ec2:us-east-1:111122223333:security-group/sg-dev";
        var tagging = new Dictionary<string, string> { ["aws:RequestTag/DeployFence"] = "per-pr" };

        Assert.NotEqual(PolicyDecision.Allowed, Decide("ec2:CreateTags", group, tagging));
        Assert.Equal(PolicyDecision.Allowed, Decide("ec2:CreateTags", group, new(tagging) { ["ec2:CreateAction"] = "CreateSecurityGroup" }));
    }

    [Fact]
    public void PerPrRole_ChangesOnlySecurityGroupsThatCarryTheFenceTag()
    {
        const string group = "arn:aws:ec2:us-east-1:111122223333:security-group/sg-1";

        Assert.NotEqual(PolicyDecision.Allowed, Decide("ec2:AuthorizeSecurityGroupIngress", group, new() { ["aws:RequestTag/DeployFence"] = "per-pr" }));
        Assert.NotEqual(PolicyDecision.Allowed, Decide("ec2:DeleteSecurityGroup", group));
        Assert.Equal(PolicyDecision.Allowed, Decide("ec2:DeleteSecurityGroup", group, new() { ["aws:ResourceTag/DeployFence"] = "per-pr" }));
    }

    [Fact]
    public void PerPrRole_CreatesSecurityGroupsOnlyInDevsVpc_AndOnlyTagged()
    {
        Assert.Equal(PolicyDecision.Allowed, Decide("ec2:CreateSecurityGroup", $"arn:aws:ec2:us-east-1:{Account}:vpc/{DeliveryPolicies.DevVpcId}"));
        Assert.NotEqual(PolicyDecision.Allowed, Decide("ec2:CreateSecurityGroup", $"arn:aws:ec2:us-east-1:{Account}:vpc/vpc-0prod"));
        Assert.NotEqual(PolicyDecision.Allowed, Decide("ec2:CreateSecurityGroup", $"arn:aws:ec2:us-east-1:{Account}:security-group/*"));
    }

    [Fact]
    public void PerPrRole_CannotPullAnotherStacksKeyIntoTheFence()
    {
        const string devKey = "arn:aws:kms:us-east-1:111122223333:key/dev";
        var tagging = new Dictionary<string, string> { ["aws:RequestTag/DeployFence"] = "per-pr" };

        Assert.Equal(PolicyDecision.ExplicitlyDenied, Decide("kms:TagResource", devKey, tagging,
            new() { ["kms:ResourceAliases"] = [Dev.AlertKeyAlias], ["aws:TagKeys"] = ["DeployFence"] }));
        Assert.NotEqual(PolicyDecision.Allowed, Decide("kms:ScheduleKeyDeletion", devKey));
        Assert.Equal(PolicyDecision.Allowed, Decide("kms:CreateKey", "*", tagging, new() { ["aws:TagKeys"] = ["DeployFence"] }));
        Assert.NotEqual(PolicyDecision.Allowed, Decide("kms:CreateKey", "*"));
    }

    [Fact]
    public void PerPrRole_WritesOnlyPerPrState_AndReadsDevsForItsNetwork()
    {
        string State(string key) => $"arn:aws:s3:::{DeliveryPolicies.StateBucket}/.pulumi/{key}";

        Assert.NotEqual(PolicyDecision.Allowed, Decide("s3:PutObject", State("stacks/training-infra/dev.json")));
        Assert.NotEqual(PolicyDecision.Allowed, Decide("s3:PutObject", State("stacks/training-infra/prod.json")));
        Assert.Equal(PolicyDecision.Allowed, Decide("s3:GetObject", State("stacks/training-infra/dev.json")));
        Assert.Equal(PolicyDecision.Allowed, Decide("s3:PutObject", State("stacks/training-infra/pr3507.json")));
        Assert.Equal(PolicyDecision.Allowed, Decide("s3:PutObject", State("locks/organization/training-infra/pr3507/1.json")));
    }
}

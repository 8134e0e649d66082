using System.Collections.Immutable;
using Pulumi;
using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests;

/// <summary>What a per-PR deploy role fenced by name, tag and permissions boundary needs of the stack's IAM.</summary>
[Collection(MockRuntimeSuite.Name)]
public class IamFenceTests(StackRuns runs)
{
    private const string Role = "aws:iam/role:Role";
    private const string InstanceProfile = "aws:iam/instanceProfile:InstanceProfile";

    /// <summary>Every feature that brings a role of its own: notebook, MLflow App (on by default), flow logs, replication, BEST_FIT's spot fleet role.</summary>
    private static readonly (string, string)[] EveryRole =
        [("vpcFlowLogs", "true"), ("replicaRegion", "us-west-2"), ("batchAllocationStrategy", "BEST_FIT")];

    [Fact]
    public async Task WithABoundary_EveryRoleCarriesItFromTheStacksAccount()
    {
        var run = await runs.Get("dev", [.. EveryRole, ("iamPermissionsBoundary", "training-infra-pr-boundary")]);

        var roles = run.OfType(Role);
        Assert.Equal(NamedRoles("IAM role"), roles.Count);
        Assert.All(roles, role => Assert.Equal(
            $"arn:aws:iam::{CloudMocks.AccountId}:policy/training-infra-pr-boundary", role.Text("permissionsBoundary")));
    }

    [Fact]
    public async Task WithoutABoundary_NoRoleCarriesOne()
    {
        var run = await runs.Get("dev", EveryRole);

        Assert.All(run.OfType(Role), role => Assert.Null(role.Text("permissionsBoundary")));
    }

    [Fact]
    public async Task PerPrStack_CarriesTheBoundaryAndTheFenceTag()
    {
        var run = await runs.Get("pr");

        Assert.All(run.OfType(Role), role =>
        {
            Assert.EndsWith(":policy/training-infra-pr-boundary", role.Text("permissionsBoundary"), StringComparison.Ordinal);
            Assert.Equal("per-pr", role.Map("tags")["DeployFence"]);
        });
    }

    [Fact]
    public async Task EveryRoleAndInstanceProfile_IsNamedForThePerPrStack_AndReplacedNewFirst()
    {
        var run = await runs.Get("dev", [.. EveryRole, ("environmentSuffix", "pr3507")]);

        var named = run.OfType(Role).Concat(run.OfType(InstanceProfile)).ToList();
        Assert.Equal(NamedRoles("IAM role") + NamedRoles("IAM instance profile"), named.Count);
        Assert.All(named, resource =>
        {
            var name = resource.Text("name")!;
            Assert.EndsWith("-pr3507", name, StringComparison.Ordinal);
            Assert.InRange(name.Length, 1, resource.Type == Role ? 64 : 128);
            Assert.Equal(false, ((CustomResourceOptions)run.Options[(resource.Type!, resource.Name!)]).DeleteBeforeReplace);
        });
    }

    [Fact]
    public async Task FlowLog_WaitsForItsRolesPolicy_AndIsReplacedOldFirst()
    {
        var run = await runs.Get("dev", ("vpcFlowLogs", "true"));
        var options = (CustomResourceOptions)run.Options[("aws:ec2/flowLog:FlowLog", "vpc-flow-logs")];

        ImmutableArray<Resource> dependsOn = await StackRun.Value<ImmutableArray<Resource>>(options.DependsOn);

        Assert.Contains(dependsOn, r => r.GetResourceType() == "aws:iam/rolePolicy:RolePolicy" && r.GetResourceName() == "vpc-flow-logs-delivery");
        Assert.True(options.DeleteBeforeReplace);
    }

    [Fact]
    public async Task EcrLifecyclePolicy_IsReplacedOldFirst_SoTheRepositoryKeepsTheNewOne()
    {
        var run = await runs.Get("dev");

        Assert.True(((CustomResourceOptions)run.Options[("aws:ecr/lifecyclePolicy:LifecyclePolicy", "training-repository-lifecycle")]).DeleteBeforeReplace);
    }

    /// <summary>How many names of this kind the platform knows (ResourceNames.Rules): each must exist with every feature on.</summary>
    private static int NamedRoles(string kind) =>
        Blueprint.Naming.ResourceNames.Rules.Count(r => r.Resource.StartsWith(kind, StringComparison.Ordinal));
}

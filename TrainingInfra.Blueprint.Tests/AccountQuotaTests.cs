using TrainingInfra.Blueprint.Capacity;
using TrainingInfra.Blueprint.Planning;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>How many stacks an account holds follows from AWS's quotas and what each stack takes.</summary>
public class AccountQuotaTests
{
    private static List<PlannedResource> Stack(params (string Type, int Count)[] resources) =>
        resources.SelectMany(r => Enumerable.Range(0, r.Count).Select(i =>
            new PlannedResource(r.Type, $"{r.Type}-{i}", new Dictionary<string, object?>()))).ToList();

    [Fact]
    public void StacksWithTheirOwnVpc_FitThreeBesideTwoOthers()
    {
        var withVpc = Stack((ResourceTypes.AwsxVpc, 1), (ResourceTypes.ComputeEnvironment, 1));

        var (stacks, binding) = AccountQuotas.PerPullRequestStacksThatFit(withVpc, withVpc, withVpc);

        Assert.Equal(3, stacks);
        Assert.Contains("VPC", binding.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void StacksOnASharedNetwork_AreBoundByBatchsFixedFifty()
    {
        var owner = Stack((ResourceTypes.AwsxVpc, 1), (ResourceTypes.ComputeEnvironment, 1), (ResourceTypes.JobQueue, 1));
        var attached = Stack((ResourceTypes.ComputeEnvironment, 1), (ResourceTypes.JobQueue, 1), (ResourceTypes.Role, 5));

        var (stacks, binding) = AccountQuotas.PerPullRequestStacksThatFit(attached, owner, owner);

        Assert.Equal(48, stacks);
        Assert.False(binding.Adjustable);
        Assert.StartsWith("Batch", binding.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void FixedStacksBeyondAQuota_LeaveRoomForNone()
    {
        var owner = Stack((ResourceTypes.AwsxVpc, 3));

        Assert.Equal(0, AccountQuotas.PerPullRequestStacksThatFit(Stack((ResourceTypes.AwsxVpc, 1)), owner, owner).Stacks);
    }

    [Fact]
    public void EveryQuota_NamesItsAwsPage()
    {
        Assert.All(AccountQuotas.All, q =>
        {
            Assert.StartsWith("https://docs.aws.amazon.com/", q.Source, StringComparison.Ordinal);
            Assert.True(q.Limit is null or > 0);
        });
    }
}

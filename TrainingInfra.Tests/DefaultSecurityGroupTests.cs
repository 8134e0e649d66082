using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests;

[Collection(MockRuntimeSuite.Name)]
public class DefaultSecurityGroupTests(StackRuns runs)
{
    private const string DefaultGroup = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";

    // The stacks that own their VPC; per-PR stacks use dev's.
    public static TheoryData<string> Stacks() => new("dev", "prod");

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task TheVpcsDefaultSecurityGroup_IsAdoptedWithNoRules(string stack)
    {
        var run = await runs.Get(stack);

        var group = Assert.Single(run.OfType(DefaultGroup));
        Assert.Equal(await StackRun.Value(run.Stack.VpcId), group.Text("vpcId"));
        Assert.Empty(group.List("ingress"));
        Assert.Empty(group.List("egress"));
        Assert.Equal(stack, group.Map("tags")["Environment"]);
    }

    [Fact]
    public async Task StackOnAnotherStacksNetwork_LeavesThatVpcsDefaultGroupToItsOwner()
    {
        Assert.Empty((await runs.Get("pr")).OfType(DefaultGroup));
    }
}

using System.Text.Json;
using TrainingInfra.Blueprint.Batch;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Policies;
using TrainingInfra.Blueprint.Safety;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

public class PlatformDecisionTests
{
    [Fact]
    public void Tags_CarryProjectEnvironmentAndManagedBy_PlusConfigTags()
    {
        var settings = Configs.Load("pr12", Configs.Region, ("tags", "[\"CostCenter=ml-42\",\"Owner=data team\"]"));

        Assert.Equal("training-infra", settings.Tags["Project"]);
        Assert.Equal("pr12", settings.Tags["Environment"]);
        Assert.Equal("pulumi", settings.Tags["ManagedBy"]);
        Assert.Equal("ml-42", settings.Tags["CostCenter"]);
        Assert.Equal("data team", settings.Tags["Owner"]);
        Assert.Equal(5, settings.Tags.Count);
    }

    [Fact]
    public void ProtectedStack_KeepsItsDataThroughADestroy()
    {
        var protection = DataProtection.For(Configs.Load(("protected", "true")));

        Assert.True(protection.Protect);
        Assert.True(protection.RetainOnDelete);
        Assert.False(protection.ForceDestroy);
    }

    [Fact]
    public void EphemeralStack_IsDestroyedWithItsContents()
    {
        var protection = DataProtection.For(Configs.Load());

        Assert.False(protection.Protect);
        Assert.False(protection.RetainOnDelete);
        Assert.True(protection.ForceDestroy);
    }

    [Theory]
    [InlineData("m5.large", 4, 8192, false)]
    [InlineData("m5.large", 2, 8192, false)]
    [InlineData("m5.large", 2, 7168, true)]
    [InlineData("m5.xlarge", 4, 8192, true)]
    [InlineData("c5.xlarge", 4, 8192, false)]
    [InlineData("r6i.large", 2, 15000, true)]
    [InlineData("m6g.4xlarge", 16, 60000, true)]
    [InlineData("m6g.4xlarge", 17, 1024, false)]
    [InlineData("p3.2xlarge", 64, 999999, true)]
    public void InstanceCapacity_TellsWhetherAJobCanEverBePlaced(string type, int vcpus, int memoryMiB, bool fits)
    {
        Assert.Equal(fits, InstanceCapacity.CanHold(type, vcpus, memoryMiB));
    }

    [Fact]
    public void TrustPolicy_LetsOnlyTheNamedServiceAssumeTheRole()
    {
        var statement = Assert.Single(JsonDocument.Parse(PolicyDocument.TrustService("sagemaker.amazonaws.com"))
            .RootElement.GetProperty("Statement").EnumerateArray());

        Assert.Equal("sagemaker.amazonaws.com", statement.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal("sts:AssumeRole", statement.GetProperty("Action").GetString());
        Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
    }

    [Fact]
    public void PulumiConfigEnvironment_ListsOnlyThisProjectsKeys_InBothKeyForms()
    {
        const string json = """{"training-infra:vpcCidr":"10.0.0.0/16","training-infra:config:jobVcpus":"2","aws:region":"us-east-1","other:key":"x"}""";

        var keys = PulumiConfigEnvironment.ProjectKeys(json, "training-infra");

        Assert.Equal(["jobVcpus", "vpcCidr"], keys.Order(StringComparer.Ordinal));
    }
}

using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Planning;
using TrainingInfra.Blueprint.Pricing;
using TrainingInfra.Blueprint.SageMaker;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>What a stack costs standing still: priced where there is a price, said where there is none.</summary>
public class IdleCostTests
{
    private static PlannedResource Resource(string type, params (string Key, object? Value)[] inputs) =>
        new(type, type.Split(':')[^1], inputs.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal));

    private static PlannedResource InterfaceEndpoint(string service, int zones) => Resource(ResourceTypes.VpcEndpoint,
        ("vpcEndpointType", "Interface"), ("serviceName", $"com.amazonaws.us-east-1.{service}"),
        ("subnetIds", Enumerable.Range(0, zones).Select(z => (object)$"subnet-{z}").ToArray()));

    [Fact]
    public void CdkDesign_IdlesAtAboutNinetyEightDollars()
    {
        // The figure the shared-network and endpoint issues measured for the CDK design: its four
        // interface endpoints in two zones and its notebook running around the clock.
        var report = IdleCost.Of(CdkDesignBaseline.Resources("us-east-1"), "us-east-1");

        Assert.True(report.Complete);
        Assert.InRange(report.IdleMonthly, 95m, 100m);
    }

    [Fact]
    public void InterfaceEndpoint_BillsForEveryZoneItIsIn()
    {
        var one = IdleCost.Of([InterfaceEndpoint("logs", 1)], "us-east-1").IdleMonthly;
        var three = IdleCost.Of([InterfaceEndpoint("logs", 3)], "us-east-1").IdleMonthly;

        Assert.True(one > 0);
        Assert.Equal(3 * one, three);
    }

    [Fact]
    public void NotebookWhoseLifecycleOnlyPointsPipAtTheMirror_CountsAsRunning()
    {
        var settings = Configs.Load(("notebookIdleStopMinutes", "0"), ("packageMirror", "on"));

        var report = IdleCost.Of(SelfStoppingNotebook(settings), "us-east-1");

        Assert.Contains(report.Idle, l => l.Item.StartsWith("notebook ml.t3.medium, running", StringComparison.Ordinal));
    }

    [Fact]
    public void SelfStoppingNotebook_CountsAsStopped_ButItsVolumeStillBills()
    {
        var running = IdleCost.Of([Resource(ResourceTypes.NotebookInstance, ("instanceType", "ml.t3.medium"), ("volumeSize", 5.0))], "us-east-1");
        var stopping = IdleCost.Of(SelfStoppingNotebook(Configs.Load()), "us-east-1");

        var volume = Assert.Single(stopping.Idle, l => l.Unit == "GB-months").Monthly;
        Assert.True(volume > 0);
        Assert.Equal(volume, stopping.IdleMonthly);
        Assert.True(running.IdleMonthly > stopping.IdleMonthly * 10);
    }

    [Fact]
    public void NotebookTypeWithoutAPrice_IsSaid_NotCountedAsFree()
    {
        var report = IdleCost.Of([Resource(ResourceTypes.NotebookInstance, ("instanceType", "ml.g5.xlarge"))], "us-east-1");

        Assert.False(report.Complete);
        var line = Assert.Single(report.Idle, l => l.Unit == "instance hours");
        Assert.Null(line.Monthly);
        Assert.Contains("no price for ml.g5.xlarge in us-east-1", line.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void RegionWithoutAPriceTable_IsSaid_NotPricedAtZero()
    {
        var report = IdleCost.Of(CdkDesignBaseline.Resources("eu-central-1"), "eu-central-1");

        Assert.False(report.Complete);
        Assert.Null(report.Prices);
        Assert.All(report.Idle, l =>
        {
            Assert.Null(l.Monthly);
            Assert.Contains("eu-central-1", l.Note, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void AwsxDefaultNatGateways_OnePerZone_AreCounted()
    {
        var report = IdleCost.Of([Resource(ResourceTypes.AwsxVpc, ("numberOfAvailabilityZones", 3.0))], "us-east-1");

        var nat = Assert.Single(report.Idle);
        Assert.Equal(3 * PriceTables.HoursPerMonth, nat.Quantity);
    }

    [Fact]
    public void BatchMinimumVcpus_AreListed_AsNotPriced()
    {
        var report = IdleCost.Of([Resource(ResourceTypes.ComputeEnvironment,
            ("computeResources", new Dictionary<string, object?> { ["minVcpus"] = 4.0 }))], "us-east-1");

        var line = Assert.Single(report.Idle);
        Assert.Null(line.Monthly);
        Assert.Contains("spot price", line.Note, StringComparison.Ordinal);
        Assert.False(report.Complete);
    }

    [Fact]
    public void StorageAndFlowLogs_AreUsageBilled_WithTheirUnitPrice()
    {
        var report = IdleCost.Of([Resource(ResourceTypes.Bucket, ("bucket", "training-datasets-dev-1")), Resource(ResourceTypes.FlowLog)], "us-east-1");

        Assert.Empty(report.Idle);
        Assert.Equal(2, report.Usage.Count);
        Assert.All(report.Usage, l => Assert.NotNull(l.UnitPrice));
    }

    [Fact]
    public void EveryPrice_NamesItsSource_AndItsDate()
    {
        Assert.All(PriceTables.All, table =>
        {
            Assert.True(table.ReadOn.Year >= 2026);
            Assert.NotEmpty(table.Sources);
            Assert.All(table.Sources.Values, url => Assert.StartsWith("https://aws.amazon.com/", url, StringComparison.Ordinal));
        });
    }

    private static PlannedResource[] SelfStoppingNotebook(PlatformSettings settings) =>
    [
        Resource(ResourceTypes.NotebookInstance, ("instanceType", "ml.t3.medium"), ("volumeSize", 5.0),
            ("lifecycleConfigName", settings.Names.NotebookLifecycleConfig)),
        Resource(ResourceTypes.NotebookLifecycleConfiguration, ("name", settings.Names.NotebookLifecycleConfig),
            ("onStart", NotebookOnStart.Base64(settings, "111122223333"))),
    ];
}

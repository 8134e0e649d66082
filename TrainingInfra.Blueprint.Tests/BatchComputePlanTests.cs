using TrainingInfra.Blueprint.Batch;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

public class BatchComputePlanTests
{
    [Theory]
    [InlineData("SPOT_PRICE_CAPACITY_OPTIMIZED")]
    [InlineData("SPOT_CAPACITY_OPTIMIZED")]
    public void SpotStrategies_NeedNoSpotFleetRole_AndUpdateInPlace(string strategy)
    {
        var plan = BatchComputePlan.For(Configs.Load(("batchAllocationStrategy", strategy)).Batch);

        Assert.False(plan.NeedsSpotFleetRole);
        Assert.True(plan.UpdatesInPlace);
    }

    [Fact]
    public void DefaultStrategy_NeedsNoSpotFleetRole()
    {
        Assert.False(BatchComputePlan.For(Configs.Load().Batch).NeedsSpotFleetRole);
    }

    [Fact]
    public void BestFit_NeedsASpotFleetRole_AndCannotUpdateInPlace()
    {
        var plan = BatchComputePlan.For(Configs.Load(("batchAllocationStrategy", "BEST_FIT")).Batch);

        Assert.True(plan.NeedsSpotFleetRole);
        Assert.False(plan.UpdatesInPlace);
    }

    [Theory]
    [InlineData("3600", 60)]
    [InlineData("90", 2)]
    [InlineData("60", 1)]
    [InlineData("86400", 360)]
    public void InfrastructureUpdate_LetsARunningAttemptUseItsWholeTimeout_WithinAwsLimit(string timeoutSeconds, int minutes)
    {
        var plan = BatchComputePlan.For(Configs.Load(("jobTimeoutSeconds", timeoutSeconds)).Batch);

        Assert.Equal(minutes, plan.UpdateJobTimeoutMinutes);
    }
}

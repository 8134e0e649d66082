using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>The config keys that limit what submitters may start: read, defaulted, and refused when wrong.</summary>
public class JobLimitSettingsTests
{
    [Fact]
    public void ByDefault_TheConfiguredTypeComesFirst_ThenTwoCpuAndTwoOneGpuTypes()
    {
        var training = Configs.Load().Training;

        Assert.Equal(["ml.m5.xlarge", "ml.m5.large", "ml.g4dn.xlarge", "ml.g5.xlarge"], training.SubmittableInstanceTypes);
        Assert.Equal(1800, training.MaxKeepAliveSeconds);
    }

    [Fact]
    public void TheConfiguredTrainingType_IsAlwaysSubmittable_EvenWhenNotListed()
    {
        var training = Configs.Load(("trainingInstanceType", "ml.c5.xlarge"), ("trainingAllowedInstanceTypes", "[]")).Training;

        Assert.Equal(["ml.c5.xlarge"], training.SubmittableInstanceTypes);
    }

    [Fact]
    public void BadValues_AreAllReported_WithKeyValueAndRule()
    {
        var problems = Configs.Problems(
            ("trainingAllowedInstanceTypes", "[\"ml.m5.xlarge\",\"m5.xlarge\",\"ml.m5.xlarge\",\"ml.p9.huge\"]"),
            ("trainingMaxKeepAliveSeconds", "3601"));

        Assert.Collection(
            problems.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal),
            p => Assert.Equal(("training-infra:trainingAllowedInstanceTypes", "m5.xlarge"), (p.Key, p.Value)),
            p => Assert.Equal(("training-infra:trainingAllowedInstanceTypes", "ml.m5.xlarge", "is listed twice"), (p.Key, p.Value, p.Rule)),
            p => Assert.Contains("not an instance type SageMaker training accepts", p.Rule, StringComparison.Ordinal),
            p => Assert.Equal(("training-infra:trainingMaxKeepAliveSeconds", "3601", "must be between 0 and 3600"), (p.Key, p.Value, p.Rule)));
    }

    [Fact]
    public void AnAllowlistThatIsNotAList_IsRefused()
    {
        var problem = Assert.Single(Configs.Problems(("trainingAllowedInstanceTypes", "ml.m5.xlarge")));

        Assert.Equal("training-infra:trainingAllowedInstanceTypes", problem.Key);
        Assert.Contains("list of strings", problem.Rule, StringComparison.Ordinal);
    }
}

using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>With nothing configured, a stack gets the CDK design's numbers.</summary>
public class SettingsDefaultsTests
{
    [Fact]
    public void EmptyConfig_GivesTheCdkDesignNetwork()
    {
        var network = Configs.Load().Network;

        Assert.Equal("10.220.0.0/16", network.VpcCidr.ToString());
        Assert.Equal(2, network.AvailabilityZones);
        Assert.Equal(24, network.SubnetCidrMask);
        Assert.Equal(network.AvailabilityZones, network.InterfaceEndpointZones);
        Assert.True(network.OwnsNetwork);
    }

    [Fact]
    public void EmptyConfig_GivesTheCdkDesignStorageTrainingAndLogs()
    {
        var settings = Configs.Load();

        Assert.Equal(180, settings.Storage.ModelArchiveDays);
        Assert.Equal(50, settings.Storage.EcrMaxImageCount);
        Assert.Equal("ml.t3.medium", settings.Notebook.InstanceType);
        Assert.Equal(86400, settings.Training.MaxRuntimeSeconds);
        Assert.Equal(172800, settings.Training.MaxWaitSeconds);
        Assert.Equal(("ml.m5.xlarge", 1, 30, "latest"),
            (settings.Training.InstanceType, settings.Training.InstanceCount, settings.Training.VolumeSizeGb, settings.Training.ImageTag));
        Assert.Equal(30, settings.Monitoring.LogRetentionDays);
    }

    [Fact]
    public void EmptyConfig_GivesTheCdkDesignBatchNumbers_OnAnInstanceThatCanHoldTheJob()
    {
        var batch = Configs.Load().Batch;

        Assert.Equal((0, 256, 80), (batch.MinVcpus, batch.MaxVcpus, batch.BidPercentage));
        Assert.Equal((8192, 4, 3, 3600), (batch.JobMemoryMiB, batch.JobVcpus, batch.JobAttempts, batch.JobTimeoutSeconds));
        // The CDK design's m5.large (2 vCPUs, 8 GiB) can never run its own 4-vCPU, 8192-MiB job.
        Assert.Equal(["m5.xlarge"], batch.InstanceTypes);
    }

    [Fact]
    public void EmptyConfig_GivesANotebookAsTheCdkDesignCreatedIt()
    {
        var notebook = Configs.Load().Notebook;

        Assert.True(notebook.Enabled);
        Assert.True(notebook.DirectInternetAccess);
        Assert.True(notebook.RootAccess);
        Assert.Equal(5, notebook.VolumeSizeGb);
    }

    [Fact]
    public void EmptyConfig_RunsTheLatestImageOnSpotCapacityWithoutAlertRecipients()
    {
        var settings = Configs.Load();

        Assert.Equal("latest", settings.Batch.JobImageTag);
        Assert.Equal("SPOT_PRICE_CAPACITY_OPTIMIZED", settings.Batch.AllocationStrategy);
        Assert.Empty(settings.Monitoring.AlertEmails);
    }

    [Fact]
    public void SuffixDefaultsToTheStackName()
    {
        var settings = Configs.Load("pr3507", Configs.Region);

        Assert.Equal("pr3507", settings.EnvironmentSuffix);
        Assert.Equal("training-datasets-pr3507-111122223333", settings.Names.DatasetBucket("111122223333"));
    }

    [Fact]
    public void ConfiguredSuffix_WinsOverTheStackName()
    {
        var settings = Configs.Load("dev", Configs.Region, ("environmentSuffix", "team-a"));

        Assert.Equal("team-a", settings.EnvironmentSuffix);
    }

    [Fact]
    public void StacksAreEphemeralUnlessMarkedProtected()
    {
        Assert.False(Configs.Load().Protected);
        Assert.True(Configs.Load(("protected", "true")).Protected);
    }

    [Fact]
    public void GovCloudRegion_UsesTheGovCloudPartition()
    {
        var settings = Configs.Load("dev", "us-gov-west-1");

        Assert.Equal("arn:aws-us-gov:iam::aws:policy/AmazonSageMakerFullAccess",
            settings.Region.ManagedPolicyArn("AmazonSageMakerFullAccess"));
    }
}

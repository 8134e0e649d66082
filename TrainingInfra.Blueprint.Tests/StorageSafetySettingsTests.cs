using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

public class StorageSafetySettingsTests
{
    [Fact]
    public void Defaults_KeepTheCdkDesign_NoAccessLogsNoReplicaFullNotebookAccess()
    {
        var settings = Configs.Load();

        Assert.False(settings.Storage.AccessLogs.Enabled);
        Assert.Null(settings.Storage.ReplicaRegion);
        Assert.Equal(NotebookAccess.Full, settings.Notebook.Access);
    }

    [Fact]
    public void ReplicaRegion_InTheSamePartition_IsAccepted_WithItsPartition()
    {
        var replica = Configs.Load(("replicaRegion", "eu-west-1")).Storage.ReplicaRegion;

        Assert.Equal(("eu-west-1", "aws"), (replica!.Name, replica.Partition));
    }

    [Fact]
    public void GovCloudStack_MayReplicateToTheOtherGovCloudRegion()
    {
        var replica = Configs.Load("dev", "us-gov-west-1", ("replicaRegion", "us-gov-east-1")).Storage.ReplicaRegion;

        Assert.Equal("aws-us-gov", replica!.Partition);
    }

    [Fact]
    public void CommercialReplicaRegion_ForAGovCloudStack_IsRejected()
    {
        var problem = Assert.Single(Configs.Problems("dev", "us-gov-west-1", ("replicaRegion", "us-west-2")));

        Assert.Equal(("training-infra:replicaRegion", "us-west-2"), (problem.Key, problem.Value));
        Assert.Contains("aws-us-gov", problem.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void NewKeys_AreReportedTogether_WithEveryOtherProblem()
    {
        var problems = Configs.Problems(
            ("bucketAccessLogs", "1"), ("accessLogRetentionDays", "-1"), ("replicaRegion", "us-east-1"), ("notebookAccess", "all"), ("vpcCidr", "x"));

        Assert.Equal(
            ["training-infra:accessLogRetentionDays", "training-infra:bucketAccessLogs", "training-infra:notebookAccess", "training-infra:replicaRegion", "training-infra:vpcCidr"],
            problems.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ScopedNotebookAccess_IsRead()
    {
        Assert.Equal(NotebookAccess.Scoped, Configs.Load(("notebookAccess", "scoped")).Notebook.Access);
    }

    [Fact]
    public void AccessLogs_KeepTheirConfiguredRetention()
    {
        var logs = Configs.Load(("bucketAccessLogs", "true"), ("accessLogRetentionDays", "30")).Storage.AccessLogs;

        Assert.Equal(new AccessLogSettings(true, 30), logs);
    }
}

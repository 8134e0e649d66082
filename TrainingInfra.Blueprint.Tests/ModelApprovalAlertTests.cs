using System.Text.Json.Nodes;
using TrainingInfra.Blueprint.Monitoring;
using TrainingInfra.Blueprint.Naming;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>The alert on a person's decision about a model of the stack.</summary>
public class ModelApprovalAlertTests
{
    private static readonly ResourceNames Names = new("dev");
    private static readonly string Pattern = EventPatterns.ModelApprovals(Names.ModelPackageGroup);

    /// <summary>The shape of SageMaker's event (automating-sagemaker-with-eventbridge.html, read 2026-12-05), with the fields the rule and the message read.</summary>
    private static string Event(string group, string status, int version = 3) => new JsonObject
    {
        ["version"] = "0",
        ["source"] = "aws.sagemaker",
        ["detail-type"] = "SageMaker Model Package State Change",
        ["time"] = "2026-12-05T10:00:00Z",
        ["detail"] = new JsonObject
        {
            ["ModelPackageGroupName"] = group,
            ["ModelPackageVersion"] = version,
            ["ModelPackageArn"] = $"arn:aws:sagemaker:us-east-1:111122223333:model-package/{group}/{version}",
            ["ModelPackageStatus"] = "Completed",
            ["ModelApprovalStatus"] = status,
        },
    }.ToJsonString();

    [Theory]
    [InlineData("Approved")]
    [InlineData("Rejected")]
    public void ADecisionInTheStacksGroup_Alerts(string status)
    {
        Assert.True(EventBridge.Matches(Pattern, Event("training-models-dev", status)));
    }

    [Fact]
    public void APackageAwaitingApproval_DoesNotAlert()
    {
        Assert.False(EventBridge.Matches(Pattern, Event("training-models-dev", "PendingManualApproval")));
    }

    [Fact]
    public void ADecisionInAnotherStacksGroup_DoesNotAlert()
    {
        Assert.False(EventBridge.Matches(Pattern, Event("training-models-prod", "Approved")));
    }

    [Fact]
    public void TheMessage_SaysWhichModelVersionWasDecidedHow_ForWhichStack()
    {
        var message = EventBridge.Transform(ModelApprovalAlert.For(Names).Message, Event("training-models-dev", "Rejected", 7));

        Assert.Contains("[dev]", message, StringComparison.Ordinal);
        Assert.Contains("training-models-dev version 7 is Rejected", message, StringComparison.Ordinal);
        Assert.Contains("model-package/training-models-dev/7", message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAlarm_WatchesTheRulesFailedDeliveries()
    {
        var alarm = ModelApprovalAlert.For(Names).UndeliveredAlarm;

        Assert.Equal("FailedInvocations", alarm.MetricName);
        Assert.Equal(Names.ModelApprovalRule, alarm.Dimensions["RuleName"]);
    }
}

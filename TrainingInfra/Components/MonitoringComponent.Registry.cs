using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Sns;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Monitoring;

namespace TrainingInfra.Components;

/// <summary>The alert on decisions about the stack's models.</summary>
public sealed partial class MonitoringComponent
{
    /// <summary>
    /// Approvals and rejections in the stack's model package group go to the alert topic like the
    /// failure alerts; an alarm notices when they cannot be delivered. The group's name depends on
    /// the suffix alone, so the rule needs nothing from the registry's component.
    /// </summary>
    private (EventRule Rule, MetricAlarm Alarm) CreateApprovalAlert(PlatformSettings settings, Topic topic, TopicPolicy topicPolicy)
    {
        var alert = ModelApprovalAlert.For(settings.Names);
        var rule = CreateAlertRule(
            alert.Id, alert.RuleName, alert.RuleDescription, Output.Create(EventPatterns.ModelApprovals(settings.Names.ModelPackageGroup)),
            alert.Message, topic, topicPolicy, settings.Tags);
        return (rule, CreateAlarm($"{alert.Id}-undelivered-alarm", alert.UndeliveredAlarm, rule, topic, settings.Tags));
    }
}

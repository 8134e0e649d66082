using Pulumi;
using Pulumi.Aws.Budgets;
using Pulumi.Aws.Budgets.Inputs;
using Pulumi.Aws.Sns;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Monitoring;

namespace TrainingInfra.Components;

/// <summary>The stack's cost budget, which reports to the alert topic.</summary>
public sealed partial class MonitoringComponent
{
    /// <summary>
    /// The budget filters on the stack's Environment tag. Whether that tag is an active cost
    /// allocation tag is an account-wide switch that no per-stack resource may own (destroying a
    /// per-PR stack would switch it off for every stack): docs/operations.md has the one-time step.
    /// </summary>
    private void CreateBudget(PlatformSettings settings, Topic topic, TopicPolicy topicPolicy)
    {
        var notifications = StackBudget.Alerts.Select(alert => new BudgetNotificationArgs
        {
            NotificationType = alert.NotificationType,
            ComparisonOperator = StackBudget.ComparisonOperator,
            Threshold = alert.ThresholdPercent,
            ThresholdType = StackBudget.ThresholdType,
            SubscriberSnsTopicArns = { topic.Arn },
        }).ToList();

        // Notifications sent before the topic policy admits AWS Budgets would be refused.
        _ = new Budget("budget", new BudgetArgs
        {
            Name = settings.Names.Budget,
            BudgetType = StackBudget.BudgetType,
            TimeUnit = StackBudget.TimeUnit,
            LimitAmount = StackBudget.LimitAmount(settings.Monitoring.BudgetMonthlyUsd),
            LimitUnit = StackBudget.LimitUnit,
            CostFilters =
            {
                new BudgetCostFilterArgs { Name = StackBudget.TagFilter, Values = { StackBudget.TagFilterValue(settings.EnvironmentSuffix) } },
            },
            Notifications = notifications,
            Tags = settings.Tags,
        }, new CustomResourceOptions { Parent = this, DependsOn = { topicPolicy } });
    }
}

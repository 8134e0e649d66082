using System.Collections.Immutable;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.CloudWatch.Inputs;
using Pulumi.Aws.Sns;
using TrainingInfra.Blueprint.Monitoring;
using Kms = Pulumi.Aws.Kms;

namespace TrainingInfra.Components;

/// <summary>
/// Monitoring that fires: EventBridge rules catch this stack's failed training and Batch jobs and
/// send a readable alert to an SNS topic encrypted with a key made for it, alarms on the rules' own
/// metrics notice failures and undeliverable alerts, a dashboard shows them beside training-job
/// utilisation, and the platform's log group (the Batch jobs' awslogs group) keeps its events for
/// the configured number of days.
/// </summary>
public sealed partial class MonitoringComponent : ComponentResource
{
    /// <summary>Creates the log group, alert topic, failure rules, alarms and dashboard.</summary>
    public MonitoringComponent(string name, MonitoringComponentArgs args, ComponentResourceOptions? options = null)
        : base("training-infra:components:Monitoring", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = args.Settings;
        var names = settings.Names;
        var tags = settings.Tags;
        var accountId = args.AccountId;

        // The Batch job definition's awslogs driver writes here by name and does not create the
        // group, so it exists, with its retention, before any job runs.
        var logGroupArgs = new LogGroupArgs
        {
            Name = names.LogGroup,
            RetentionInDays = settings.Monitoring.LogRetentionDays,
            Tags = tags,
        };
        if (args.DataKeyArn is { } dataKeyArn)
        {
            logGroupArgs.KmsKeyId = dataKeyArn;
        }

        var logGroup = new LogGroup("log-group", logGroupArgs, new CustomResourceOptions { Parent = this });

        var key = new Kms.Key("alert-key", new Kms.KeyArgs
        {
            Description = $"Encrypts the alert topic {names.AlertTopic}; EventBridge and CloudWatch alarms may use it to publish",
            EnableKeyRotation = true,
            DeletionWindowInDays = AlertPolicies.KeyDeletionWindowDays,
            Policy = accountId.Apply(id => AlertPolicies.TopicKey(settings.Region.Partition, id, settings.Monitoring.HasBudget)),
            Tags = tags,
        }, new CustomResourceOptions { Parent = this });

        _ = new Kms.Alias("alert-key-alias", new Kms.AliasArgs
        {
            Name = names.AlertKeyAlias,
            TargetKeyId = key.KeyId,
        }, new CustomResourceOptions { Parent = key });

        var topic = new Topic("alert-topic", new TopicArgs
        {
            Name = names.AlertTopic,
            DisplayName = names.AlertTopicDisplayName,
            KmsMasterKeyId = key.Arn,
            Tags = tags,
        }, new CustomResourceOptions { Parent = this });

        var topicPolicy = new TopicPolicy("alert-topic-policy", new TopicPolicyArgs
        {
            Arn = topic.Arn,
            Policy = Output.Tuple(topic.Arn, accountId).Apply(t => AlertPolicies.Topic(t.Item1, t.Item2, settings.Monitoring.HasBudget)),
        }, new CustomResourceOptions { Parent = topic });

        // Named after the address, not its position, so that editing the list re-subscribes (and
        // asks to confirm) only the addresses that changed.
        foreach (var email in settings.Monitoring.AlertEmails)
        {
            _ = new TopicSubscription($"alert-email-{email}", new TopicSubscriptionArgs
            {
                Topic = topic.Arn,
                Protocol = "email",
                Endpoint = email,
            }, new CustomResourceOptions { Parent = topic });
        }

        if (settings.Monitoring.HasBudget)
        {
            CreateBudget(settings, topic, topicPolicy);
        }

        var trainingJobs = FailureAlerts.TrainingJobs(names, settings.Region);
        var batchJobs = FailureAlerts.BatchJobs(names, settings.Region);
        var trainingAlert = CreateFailureAlert(trainingJobs, args.TrainingRoleArn.Apply(EventPatterns.FailedTrainingJobs), topic, topicPolicy, tags);
        var batchAlert = CreateFailureAlert(batchJobs, args.JobQueueArn.Apply(EventPatterns.FailedBatchJobs), topic, topicPolicy, tags);
        var alarms = new List<MetricAlarm>();
        alarms.AddRange(trainingAlert.Alarms);
        alarms.AddRange(batchAlert.Alarms);
        var approval = CreateApprovalAlert(settings, topic, topicPolicy);
        alarms.Add(approval.Alarm);

        var dashboard = new Dashboard("dashboard", new DashboardArgs
        {
            DashboardName = names.Dashboard,
            DashboardBody = Output.All(alarms.Select(alarm => alarm.Arn))
                .Apply(arns => TrainingDashboard.Body(settings.Region, [trainingJobs, batchJobs], arns)),
        }, new CustomResourceOptions { Parent = this });

        LogGroupName = logGroup.Name;
        DashboardName = dashboard.DashboardName;
        AlertTopicArn = topic.Arn;
        TrainingJobFailedRuleName = trainingAlert.Rule.Name;
        BatchJobFailedRuleName = batchAlert.Rule.Name;
        ModelApprovalRuleName = approval.Rule.Name;

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["logGroupName"] = LogGroupName,
            ["dashboardName"] = DashboardName,
            ["alertTopicArn"] = AlertTopicArn,
            ["trainingJobFailedRuleName"] = TrainingJobFailedRuleName,
            ["batchJobFailedRuleName"] = BatchJobFailedRuleName,
            ["modelApprovalRuleName"] = ModelApprovalRuleName,
        });
    }

    /// <summary>The platform's log group, where the Batch jobs write their container logs.</summary>
    public Output<string> LogGroupName { get; }

    /// <summary>The CloudWatch dashboard.</summary>
    public Output<string> DashboardName { get; }

    /// <summary>The SNS topic that failure alerts and alarm notifications go to.</summary>
    public Output<string> AlertTopicArn { get; }

    /// <summary>The EventBridge rule that catches this stack's failed training jobs.</summary>
    public Output<string> TrainingJobFailedRuleName { get; }

    /// <summary>The EventBridge rule that catches failed jobs on this stack's queue.</summary>
    public Output<string> BatchJobFailedRuleName { get; }

    /// <summary>The EventBridge rule that forwards approvals and rejections of this stack's models.</summary>
    public Output<string> ModelApprovalRuleName { get; }

    private (EventRule Rule, MetricAlarm[] Alarms) CreateFailureAlert(
        FailureAlert alert, Output<string> eventPattern, Topic topic, TopicPolicy topicPolicy, ImmutableDictionary<string, string> tags)
    {
        var rule = CreateAlertRule(alert.Id, alert.RuleName, alert.RuleDescription, eventPattern, alert.Message, topic, topicPolicy, tags);
        return (rule,
        [
            CreateAlarm($"{alert.Id}-alarm", alert.FailuresAlarm, rule, topic, tags),
            CreateAlarm($"{alert.Id}-undelivered-alarm", alert.UndeliveredAlarm, rule, topic, tags),
        ]);
    }

    /// <summary>An EventBridge rule whose matches reach the alert topic as readable messages.</summary>
    private EventRule CreateAlertRule(
        string id, string ruleName, string description, Output<string> eventPattern, AlertMessage message,
        Topic topic, TopicPolicy topicPolicy, ImmutableDictionary<string, string> tags)
    {
        var rule = new EventRule(id, new EventRuleArgs
        {
            Name = ruleName,
            Description = description,
            EventPattern = eventPattern,
            State = "ENABLED",
            Tags = tags,
        }, new CustomResourceOptions { Parent = this });

        // Alerts sent before the topic policy admits EventBridge would be refused and lost.
        _ = new EventTarget($"{id}-to-alert-topic", new EventTargetArgs
        {
            Rule = rule.Name,
            Arn = topic.Arn,
            TargetId = "alert-topic",
            InputTransformer = new EventTargetInputTransformerArgs
            {
                InputPaths = message.InputPaths.ToDictionary(p => p.Key, p => p.Value),
                InputTemplate = message.InputTemplate,
            },
        }, new CustomResourceOptions { Parent = rule, DependsOn = { topicPolicy } });
        return rule;
    }

    private static MetricAlarm CreateAlarm(string logicalName, RuleAlarm alarm, EventRule rule, Topic topic, ImmutableDictionary<string, string> tags) =>
        new(logicalName, new MetricAlarmArgs
        {
            Name = alarm.Name,
            AlarmDescription = alarm.Description,
            Namespace = alarm.Namespace,
            MetricName = alarm.MetricName,
            Dimensions = alarm.Dimensions.ToDictionary(d => d.Key, d => d.Value),
            Statistic = alarm.Statistic,
            Period = alarm.PeriodSeconds,
            EvaluationPeriods = alarm.EvaluationPeriods,
            ComparisonOperator = alarm.ComparisonOperator,
            Threshold = alarm.Threshold,
            TreatMissingData = alarm.TreatMissingData,
            AlarmActions = { topic.Arn },
            Tags = tags,
        }, new CustomResourceOptions { Parent = rule });
}

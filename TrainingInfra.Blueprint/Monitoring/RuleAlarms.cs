namespace TrainingInfra.Blueprint.Monitoring;

/// <summary>
/// Alarms on the failure rules' own metrics. EventBridge publishes them in <c>AWS/Events</c> by
/// <c>RuleName</c>, and only for periods in which something happened, so a quiet period is missing
/// data, which must not count as breaching.
/// </summary>
public static class RuleAlarms
{
    /// <summary>Namespace of EventBridge's rule metrics.</summary>
    public const string EventsNamespace = "AWS/Events";

    /// <summary>Dimension that names the rule a metric belongs to.</summary>
    public const string RuleNameDimension = "RuleName";

    /// <summary>Times the rule's targets were invoked: one per matched event, as each rule has one target.</summary>
    public const string Invocations = "Invocations";

    /// <summary>Invocations of the rule's targets that failed for good (not retried, or retries exhausted).</summary>
    public const string FailedInvocations = "FailedInvocations";

    /// <summary>The CDK design's alarm period: five minutes.</summary>
    public const int PeriodSeconds = 300;

    /// <summary>
    /// Fires in any five minutes in which the rule matched a failed job. The rule also sends each
    /// job's own message; the alarm adds a state to the dashboard and a summary that outlives it.
    /// </summary>
    public static RuleAlarm Failures(string alarmName, string ruleName, string what) =>
        AtLeastOnce(alarmName, ruleName, Invocations, $"{what} failed in the last 5 minutes (EventBridge rule {ruleName} matched).");

    /// <summary>
    /// Fires when the rule could not deliver an alert to the topic: a topic policy or key policy that
    /// no longer admits EventBridge, a deleted topic. Without it such a break goes unnoticed until a
    /// failure is missed.
    /// </summary>
    public static RuleAlarm UndeliveredAlerts(string alarmName, string ruleName) =>
        AtLeastOnce(alarmName, ruleName, FailedInvocations,
            $"EventBridge rule {ruleName} could not deliver a failure alert to its SNS topic: check the topic policy and the topic key's policy.");

    private static RuleAlarm AtLeastOnce(string alarmName, string ruleName, string metricName, string description) =>
        new(
            alarmName,
            description,
            EventsNamespace,
            metricName,
            new Dictionary<string, string>(StringComparer.Ordinal) { [RuleNameDimension] = ruleName },
            Statistic: "Sum",
            PeriodSeconds,
            EvaluationPeriods: 1,
            ComparisonOperator: "GreaterThanOrEqualToThreshold",
            Threshold: 1,
            TreatMissingData: "notBreaching");
}

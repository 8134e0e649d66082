namespace TrainingInfra.Blueprint.Monitoring;

/// <summary>
/// One kind of failed job the platform alerts on: the EventBridge rule that catches it, the message
/// its target sends to the alert topic, and the alarms on the rule's own metrics. The rule's event
/// pattern needs an ARN known only at deployment and comes from <see cref="EventPatterns"/>.
/// </summary>
/// <param name="Id">Stem of the Pulumi logical names of its resources.</param>
/// <param name="Label">What fails, as graphs label it.</param>
/// <param name="RuleName">The EventBridge rule's name.</param>
/// <param name="RuleDescription">The rule's description.</param>
/// <param name="Message">What the rule's target sends to the topic.</param>
/// <param name="FailuresAlarm">Fires when the rule matched.</param>
/// <param name="UndeliveredAlarm">Fires when the rule could not deliver its alert.</param>
public sealed record FailureAlert(
    string Id,
    string Label,
    string RuleName,
    string RuleDescription,
    AlertMessage Message,
    RuleAlarm FailuresAlarm,
    RuleAlarm UndeliveredAlarm)
{
    /// <summary>Both alarms.</summary>
    public IReadOnlyList<RuleAlarm> Alarms => [FailuresAlarm, UndeliveredAlarm];
}

using TrainingInfra.Blueprint.Naming;

namespace TrainingInfra.Blueprint.Monitoring;

/// <summary>
/// The alert on decisions about the stack's models: an EventBridge rule that forwards approvals and
/// rejections in the stack's model package group to the alert topic, and the alarm that notices when
/// it cannot deliver. Unlike a failure, a decision is expected, so no alarm fires on the rule matching.
/// </summary>
/// <param name="Id">Stem of the Pulumi logical names of its resources.</param>
/// <param name="RuleName">The EventBridge rule's name.</param>
/// <param name="RuleDescription">The rule's description.</param>
/// <param name="Message">What the rule's target sends to the topic.</param>
/// <param name="UndeliveredAlarm">Fires when the rule could not deliver its alert.</param>
public sealed record ModelApprovalAlert(string Id, string RuleName, string RuleDescription, AlertMessage Message, RuleAlarm UndeliveredAlarm)
{
    /// <summary>The alert of the stack named by <paramref name="names"/>.</summary>
    public static ModelApprovalAlert For(ResourceNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return new ModelApprovalAlert(
            "model-approval",
            names.ModelApprovalRule,
            $"Approvals and rejections of models in the model package group of stack {names.Suffix}",
            AlertMessages.ModelApproval(names.Suffix),
            RuleAlarms.UndeliveredAlerts(names.ModelApprovalAlertsUndeliveredAlarm, names.ModelApprovalRule));
    }
}

namespace TrainingInfra.Blueprint.Config;

/// <summary>Logs, dashboard and alerting.</summary>
/// <param name="LogRetentionDays">Retention of the platform's log groups.</param>
/// <param name="AlertEmails">Addresses subscribed to the alert topic.</param>
public sealed record MonitoringSettings(int LogRetentionDays, IReadOnlyList<string> AlertEmails)
{
    /// <summary>The stack budget's monthly limit in USD; 0 means the stack has no budget.</summary>
    public int BudgetMonthlyUsd { get; init; }

    /// <summary>Whether the stack has a budget.</summary>
    public bool HasBudget => BudgetMonthlyUsd > 0;
}

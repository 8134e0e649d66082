namespace TrainingInfra.Blueprint.Config;

/// <summary>Logs, dashboard and alerting.</summary>
/// <param name="LogRetentionDays">Retention of the platform's log groups.</param>
/// <param name="AlertEmails">Addresses subscribed to the alert topic.</param>
public sealed record MonitoringSettings(int LogRetentionDays, IReadOnlyList<string> AlertEmails);

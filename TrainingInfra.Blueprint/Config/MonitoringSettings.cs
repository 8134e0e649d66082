namespace TrainingInfra.Blueprint.Config;

/// <summary>Logs, dashboard and alerting.</summary>
/// <param name="LogRetentionDays">Retention of the platform's log groups.</param>
public sealed record MonitoringSettings(int LogRetentionDays);

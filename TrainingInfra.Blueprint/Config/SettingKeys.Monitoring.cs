namespace TrainingInfra.Blueprint.Config;

public static partial class SettingKeys
{
    /// <summary>Retention of the platform's log groups.</summary>
    public static readonly SettingKey LogRetentionDays = new(
        "logRetentionDays", SettingType.Integer, "30",
        "Days the platform's log groups keep events; one of the values CloudWatch Logs accepts.");

    /// <summary>Who gets failure alerts by e-mail.</summary>
    public static readonly SettingKey AlertEmails = new(
        "alertEmails", SettingType.StringArray, "[]",
        "E-mail addresses subscribed to the alert topic (each must confirm the subscription AWS sends).");
}

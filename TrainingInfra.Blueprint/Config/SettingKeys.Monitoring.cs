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

    /// <summary>The stack budget's monthly limit.</summary>
    public static readonly SettingKey BudgetMonthlyUsd = new(
        "budgetMonthlyUsd", SettingType.Integer, "0",
        "Monthly AWS Budgets cost budget of the stack in USD, on the costs tagged Environment={suffix}, notifying the alert topic at 80 % and 100 % of actual costs and at 100 % of the forecast; 0 (the default) creates no budget. It tracks nothing until Environment is an active cost allocation tag of the account (docs/operations.md, a one-time step).");
}

namespace TrainingInfra.Blueprint.Config;

/// <summary>The stack's cost budget.</summary>
public static partial class SettingsLoader
{
    /// <summary>The largest monthly budget the program accepts, in USD: a typo guard, not an AWS limit.</summary>
    public const int MaxBudgetMonthlyUsd = 1_000_000;

    private static MonitoringSettings ReadBudget(Reader reader, MonitoringSettings monitoring) =>
        monitoring with { BudgetMonthlyUsd = reader.Integer(SettingKeys.BudgetMonthlyUsd, min: 0, max: MaxBudgetMonthlyUsd) ?? 0 };
}

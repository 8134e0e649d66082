namespace TrainingInfra.Blueprint.Monitoring;

/// <summary>One notification of the stack budget.</summary>
/// <param name="NotificationType">ACTUAL (costs so far) or FORECASTED (AWS's forecast for the month).</param>
/// <param name="ThresholdPercent">Percentage of the monthly limit that costs must pass.</param>
public sealed record BudgetAlert(string NotificationType, double ThresholdPercent);

namespace TrainingInfra.Blueprint.Monitoring;

/// <summary>A CloudWatch alarm on one metric of one EventBridge rule.</summary>
/// <param name="Name">The alarm's name.</param>
/// <param name="Description">What it means when it fires, for whoever receives it.</param>
/// <param name="Namespace">The metric's namespace.</param>
/// <param name="MetricName">The metric.</param>
/// <param name="Dimensions">The metric's dimensions.</param>
/// <param name="Statistic">How the period's data points are combined.</param>
/// <param name="PeriodSeconds">Length of one evaluation period.</param>
/// <param name="EvaluationPeriods">How many periods are evaluated.</param>
/// <param name="ComparisonOperator">How the statistic is compared with the threshold.</param>
/// <param name="Threshold">The value at which the alarm fires.</param>
/// <param name="TreatMissingData">What a period without data counts as.</param>
public sealed record RuleAlarm(
    string Name,
    string Description,
    string Namespace,
    string MetricName,
    IReadOnlyDictionary<string, string> Dimensions,
    string Statistic,
    int PeriodSeconds,
    int EvaluationPeriods,
    string ComparisonOperator,
    double Threshold,
    string TreatMissingData);

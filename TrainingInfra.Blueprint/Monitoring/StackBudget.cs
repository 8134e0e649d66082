using System.Globalization;

namespace TrainingInfra.Blueprint.Monitoring;

/// <summary>
/// The stack's AWS Budgets cost budget: a monthly limit in USD on the costs tagged with the stack's
/// Environment, and notifications to the alert topic when actual costs pass 80 % and 100 % of it
/// and when the month's forecast passes 100 %. It has notifications and no budget actions.
/// </summary>
public static class StackBudget
{
    /// <summary>BudgetType: a budget of costs.</summary>
    public const string BudgetType = "COST";

    /// <summary>TimeUnit: the limit applies to each calendar month.</summary>
    public const string TimeUnit = "MONTHLY";

    /// <summary>LimitUnit of the limit amount.</summary>
    public const string LimitUnit = "USD";

    /// <summary>The cost filter that selects costs by a cost allocation tag.</summary>
    public const string TagFilter = "TagKeyValue";

    /// <summary>The tag the budget filters on: the platform's Environment tag, whose value is the suffix.</summary>
    public const string TagKey = "Environment";

    /// <summary>Notifications compare against a percentage of the limit.</summary>
    public const string ThresholdType = "PERCENTAGE";

    /// <summary>Every notification fires once costs are greater than its threshold.</summary>
    public const string ComparisonOperator = "GREATER_THAN";

    /// <summary>
    /// The value of the TagKeyValue filter: <c>user:{key}${value}</c>, a user-defined cost
    /// allocation tag, key and value joined by a dollar sign (the provider's budget documentation,
    /// @pulumi/aws 7.48.0 budgets/budget.d.ts, "Create a cost filter using resource tags").
    /// </summary>
    public static string TagFilterValue(string suffix) => $"user:{TagKey}${suffix}";

    /// <summary>LimitAmount, a decimal number as text.</summary>
    public static string LimitAmount(int monthlyUsd) => monthlyUsd.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// When the topic hears from the budget: actual costs at 80 % leave time to stop jobs, at 100 %
    /// the limit is gone; the forecast at 100 % warns early in a month that runs hot.
    /// </summary>
    public static IReadOnlyList<BudgetAlert> Alerts { get; } =
    [
        new("ACTUAL", 80),
        new("ACTUAL", 100),
        new("FORECASTED", 100),
    ];
}

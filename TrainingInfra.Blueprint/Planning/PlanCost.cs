using TrainingInfra.Blueprint.Pricing;

namespace TrainingInfra.Blueprint.Planning;

/// <summary>A plan's monthly cost: <see cref="IdleCost"/>'s report, with the price table's date and sources.</summary>
/// <param name="Region">The region priced.</param>
/// <param name="PricesReadOn">When the region's prices were read, or null when the region has no price table.</param>
/// <param name="IdleMonthly">The idle month's total of the priced lines (a lower bound when <paramref name="Complete"/> is false).</param>
/// <param name="Complete">Whether every idle line has a price.</param>
/// <param name="Idle">What bills by the hour or month whether used or not.</param>
/// <param name="Usage">What bills only with use, with its unit price.</param>
/// <param name="Sources">The page behind each price.</param>
public sealed record PlanCost(
    string Region,
    DateOnly? PricesReadOn,
    decimal IdleMonthly,
    bool Complete,
    IReadOnlyList<CostLine> Idle,
    IReadOnlyList<CostLine> Usage,
    IReadOnlyDictionary<string, string> Sources)
{
    /// <summary>The plan's view of a cost report.</summary>
    public static PlanCost From(CostReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new PlanCost(report.Region, report.Prices?.ReadOn, report.IdleMonthly, report.Complete, report.Idle, report.Usage,
            report.Prices?.Sources ?? new Dictionary<string, string>(StringComparer.Ordinal));
    }
}

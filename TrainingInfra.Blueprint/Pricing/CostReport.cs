namespace TrainingInfra.Blueprint.Pricing;

/// <summary>What a stack costs a month while nobody uses it, line by line.</summary>
/// <param name="Region">The region priced.</param>
/// <param name="Prices">The price table used, or null when the region has none.</param>
/// <param name="Idle">Lines that bill by the hour or month whether used or not.</param>
/// <param name="Usage">Lines that bill only with use (storage, data, spot hours), with their unit prices.</param>
public sealed record CostReport(string Region, PriceTable? Prices, IReadOnlyList<CostLine> Idle, IReadOnlyList<CostLine> Usage)
{
    /// <summary>The idle monthly total of the priced lines.</summary>
    public decimal IdleMonthly => Idle.Sum(l => l.Monthly ?? 0m);

    /// <summary>Whether every idle line has a price: when false, <see cref="IdleMonthly"/> is a lower bound.</summary>
    public bool Complete => Idle.All(l => l.Monthly is not null);
}

namespace TrainingInfra.Blueprint.Pricing;

/// <summary>One line of a stack's monthly cost.</summary>
/// <param name="Item">What bills, e.g. "interface endpoint logs".</param>
/// <param name="Resource">The logical name of the resource it comes from.</param>
/// <param name="Quantity">How much of the unit a month takes (0 for usage-billed lines).</param>
/// <param name="Unit">The unit billed, e.g. "endpoint-zone hours".</param>
/// <param name="UnitPrice">The price of one unit, or null when unknown.</param>
/// <param name="Monthly">What an idle month costs, or null when the price is unknown or it bills only with use.</param>
/// <param name="Note">Why the line is what it is (a price missing, a notebook counted as stopped, usage-billed).</param>
public sealed record CostLine(string Item, string Resource, decimal Quantity, string Unit, decimal? UnitPrice, decimal? Monthly, string Note);

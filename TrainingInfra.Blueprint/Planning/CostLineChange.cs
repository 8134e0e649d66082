namespace TrainingInfra.Blueprint.Planning;

/// <summary>An idle cost line that appears, goes or changes between two plans.</summary>
/// <param name="Resource">The logical name of the resource it comes from.</param>
/// <param name="Unit">The unit billed.</param>
/// <param name="ItemBefore">The line's wording before, or null when it is new.</param>
/// <param name="ItemAfter">The line's wording after, or null when it is gone.</param>
/// <param name="MonthlyBefore">The monthly amount before, or null (new, or not priced).</param>
/// <param name="MonthlyAfter">The monthly amount after, or null (gone, or not priced).</param>
public sealed record CostLineChange(string Resource, string Unit, string? ItemBefore, string? ItemAfter, decimal? MonthlyBefore, decimal? MonthlyAfter)
{
    /// <summary>What the line adds to the month (negative when it saves), counting an unpriced side as zero.</summary>
    public decimal Delta => (MonthlyAfter ?? 0m) - (MonthlyBefore ?? 0m);
}

using TrainingInfra.Blueprint.Pricing;

namespace TrainingInfra.Blueprint.Planning;

/// <summary>
/// The difference between two plans of a stack (before: a recorded plan, after: the plan now):
/// resources added, removed and changed in the settings a plan shows, and the monthly idle cost
/// before, after and line by line.
/// </summary>
/// <param name="SchemaVersion">As <see cref="StackPlan.SchemaVersion"/>.</param>
/// <param name="Stack">The stack of the plan after.</param>
/// <param name="Added">Resources only the plan after has.</param>
/// <param name="Removed">Resources only the plan before has.</param>
/// <param name="Changed">Resources in both whose physical name or shown settings differ.</param>
/// <param name="IdleBefore">The idle monthly total before.</param>
/// <param name="IdleAfter">The idle monthly total after.</param>
/// <param name="Complete">Whether both plans price every idle line; when false the totals are lower bounds.</param>
/// <param name="CostLines">The idle cost lines that appear, go or change, by resource and unit.</param>
public sealed record PlanComparison(
    int SchemaVersion,
    string Stack,
    IReadOnlyList<PlanResource> Added,
    IReadOnlyList<PlanResource> Removed,
    IReadOnlyList<ResourceChange> Changed,
    decimal IdleBefore,
    decimal IdleAfter,
    bool Complete,
    IReadOnlyList<CostLineChange> CostLines)
{
    /// <summary>The change of the idle monthly total.</summary>
    public decimal IdleDelta => IdleAfter - IdleBefore;

    /// <summary>Whether the plans differ in anything the comparison shows.</summary>
    public bool HasChanges => Added.Count > 0 || Removed.Count > 0 || Changed.Count > 0 || CostLines.Count > 0;

    /// <summary>Compares the plan before with the plan after.</summary>
    public static PlanComparison Between(StackPlan before, StackPlan after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.Resources.GroupBy(r => r.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = after.Resources.GroupBy(r => r.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var changed = new List<ResourceChange>();
        foreach (var resource in after.Resources.Where(r => old.ContainsKey(r.Key)).DistinctBy(r => r.Key))
        {
            var was = old[resource.Key];
            var settings = new List<SettingChange>();
            if (was.PhysicalName != resource.PhysicalName)
            {
                settings.Add(new SettingChange("physical name", was.PhysicalName, resource.PhysicalName));
            }

            foreach (var key in was.Settings.Keys.Union(resource.Settings.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var a = was.Settings.GetValueOrDefault(key);
                var b = resource.Settings.GetValueOrDefault(key);
                if (a != b)
                {
                    settings.Add(new SettingChange(key, a, b));
                }
            }

            if (settings.Count > 0)
            {
                changed.Add(new ResourceChange(resource.Type, resource.Name, settings));
            }
        }

        return new PlanComparison(
            StackPlan.CurrentSchemaVersion,
            after.Stack,
            after.Resources.Where(r => !old.ContainsKey(r.Key)).ToList(),
            before.Resources.Where(r => !now.ContainsKey(r.Key)).ToList(),
            changed,
            before.Cost.IdleMonthly,
            after.Cost.IdleMonthly,
            before.Cost.Complete && after.Cost.Complete,
            CostLineChanges(before.Cost.Idle, after.Cost.Idle));
    }

    // A line is the same line across plans when it comes from the same resource in the same unit:
    // its wording may change with the settings (an endpoint "in 1 zone" becomes "in 2 zones").
    private static List<CostLineChange> CostLineChanges(IReadOnlyList<CostLine> before, IReadOnlyList<CostLine> after)
    {
        static string Key(CostLine l) => $"{l.Resource}\n{l.Unit}";
        var old = before.GroupBy(Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = after.GroupBy(Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var keys = after.Select(Key).Concat(before.Select(Key)).Distinct(StringComparer.Ordinal);
        return keys
            .Select(k => (Before: old.GetValueOrDefault(k), After: now.GetValueOrDefault(k)))
            .Where(p => p.Before is null || p.After is null || p.Before.Item != p.After.Item || p.Before.Monthly != p.After.Monthly)
            .Select(p => new CostLineChange(
                (p.After ?? p.Before)!.Resource, (p.After ?? p.Before)!.Unit, p.Before?.Item, p.After?.Item, p.Before?.Monthly, p.After?.Monthly))
            .ToList();
    }
}

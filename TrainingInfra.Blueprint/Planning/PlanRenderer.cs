using System.Globalization;
using System.Text;
using TrainingInfra.Blueprint.Pricing;

namespace TrainingInfra.Blueprint.Planning;

/// <summary>Prints plans and comparisons as text, Markdown or JSON.</summary>
public static class PlanRenderer
{
    /// <summary>A plan in a format.</summary>
    public static string Render(StackPlan plan, PlanFormat format)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return format switch
        {
            PlanFormat.Json => PlanJson.Write(plan) + "\n",
            _ => Tidy(new Writer(format == PlanFormat.Markdown).Plan(plan)),
        };
    }

    /// <summary>A comparison in a format.</summary>
    public static string Render(PlanComparison comparison, PlanFormat format)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return format switch
        {
            PlanFormat.Json => PlanJson.Write(comparison) + "\n",
            _ => Tidy(new Writer(format == PlanFormat.Markdown).Comparison(comparison)),
        };
    }

    /// <summary>What a quota's default limit reads as where AWS publishes none.</summary>
    public const string NotPublished = "not published";

    /// <summary>US dollars with cents, e.g. $12.30; a missing amount as "not priced".</summary>
    public static string Money(decimal? amount) =>
        amount is { } a ? "$" + a.ToString("F2", CultureInfo.InvariantCulture) : "not priced";

    /// <summary>A signed difference in US dollars, e.g. +$7.30 or -$14.60.</summary>
    public static string SignedMoney(decimal amount) =>
        (amount < 0 ? "-$" : "+$") + Math.Abs(amount).ToString("F2", CultureInfo.InvariantCulture);

    // One blank line between blocks, none at the start, one newline at the end.
    private static string Tidy(string text)
    {
        while (text.Contains("\n\n\n", StringComparison.Ordinal))
        {
            text = text.Replace("\n\n\n", "\n\n", StringComparison.Ordinal);
        }

        return text.Trim('\n') + "\n";
    }

    private static string Settings(IReadOnlyDictionary<string, string> settings) =>
        string.Join("; ", settings.Select(s => $"{s.Key}: {s.Value}"));

    private sealed class Writer(bool markdown)
    {
        private readonly StringBuilder _out = new();

        public string Plan(StackPlan plan)
        {
            var cost = plan.Cost;
            Heading(1, $"Plan of stack {Code(plan.Stack)} ({plan.Region})");
            Line(cost.PricesReadOn is { } read
                ? $"Idle cost: {Bold(Money(cost.IdleMonthly) + " a month")}"
                    + (cost.Complete ? "" : " (a lower bound: some lines have no price)")
                    + $"; prices for {cost.Region} as of {read:yyyy-MM-dd}"
                : $"Idle cost: {Bold("not priced")}: no price table for {cost.Region} (this program has prices for "
                    + string.Join(", ", PriceTables.All.Select(t => t.Region)) + "); the lines below are what bills");
            Line($"{plan.Resources.Count} resources; {plan.Unwaived.Count} unwaived guardrail findings of {plan.Findings.Count}.");

            Heading(2, "Monthly idle cost");
            Table(["item", "resource", "quantity", "unit price", "monthly", "note"],
                cost.Idle.Select(l => new[] { l.Item, l.Resource, Quantity(l), Price(l), Money(l.Monthly), l.Note }));
            Heading(2, "Billed with use (not estimated)");
            Table(["item", "resource", "unit", "unit price", "note"],
                cost.Usage.Select(l => new[] { l.Item, l.Resource, l.Unit, Price(l), l.Note }));
            if (cost.Sources.Count > 0)
            {
                Line("Prices: " + string.Join("; ", cost.Sources.Select(s => $"{s.Key} {s.Value}")));
            }

            Heading(2, "Account quotas drawn");
            Table(["quota", "this stack", "default limit", "adjustable", "counted per"],
                plan.Quotas.Select(q => new[] { q.Name, Number(q.Used), q.Limit is { } limit ? Number(limit) : NotPublished, YesNo(q.Adjustable), q.Scope }));

            Heading(2, "Guardrail findings");
            Table(["rule", "resource", "problem", "waived because"],
                plan.Findings.Select(f => new[] { f.RuleId, f.Resource, f.Problem, f.Waiver ?? "NOT WAIVED" }));

            Heading(2, "Outputs");
            Table(["output", "value"], plan.Outputs.Select(o => new[] { o.Name, o.Known ? Code(Shorten(o.Value)) : Italic(o.Value) }));
            Line($"{StackPlan.UnknownValue}: an id or ARN that AWS assigns; {StackPlan.AccountPlaceholder}: the account's id.");

            Details($"Resources ({plan.Resources.Count})", () =>
                Table(["type", "logical name", "physical name", "settings"],
                    plan.Resources.Select(r => new[] { r.Type, r.Name, r.PhysicalName is { } n ? Code(n) : "", Settings(r.Settings) })));
            return _out.ToString();
        }

        public string Comparison(PlanComparison c)
        {
            Heading(2, $"Stack {Code(c.Stack)}: idle cost {Money(c.IdleBefore)} → {Money(c.IdleAfter)} a month ({SignedMoney(c.IdleDelta)})"
                + (c.Complete ? "" : ", lower bounds: some lines have no price"));
            if (!c.HasChanges)
            {
                Line("No resource or cost changes.");
                return _out.ToString();
            }

            if (c.CostLines.Count > 0)
            {
                Table(["cost line", "resource", "before", "after", "change"],
                    c.CostLines.Select(l => new[]
                    {
                        l.ItemBefore is null || l.ItemBefore == l.ItemAfter ? l.ItemAfter ?? "" : l.ItemAfter is null ? l.ItemBefore : $"{l.ItemBefore} → {l.ItemAfter}",
                        l.Resource, l.ItemBefore is null ? "—" : Money(l.MonthlyBefore), l.ItemAfter is null ? "—" : Money(l.MonthlyAfter), SignedMoney(l.Delta),
                    }));
            }

            Line($"Resources: {c.Added.Count} added, {c.Removed.Count} removed, {c.Changed.Count} changed.");
            if (c.Added.Count + c.Removed.Count + c.Changed.Count > 0)
            {
                Table(["change", "type", "logical name", "settings"],
                    c.Added.Select(r => new[] { "added", r.Type, r.Name, Settings(r.Settings) })
                        .Concat(c.Removed.Select(r => new[] { "removed", r.Type, r.Name, Settings(r.Settings) }))
                        .Concat(c.Changed.Select(r => new[]
                        {
                            "changed", r.Type, r.Name,
                            string.Join("; ", r.Settings.Select(s => $"{s.Setting}: {s.Before ?? "(none)"} → {s.After ?? "(none)"}")),
                        })));
            }

            return _out.ToString();
        }

        private static string Quantity(CostLine l) =>
            l.Quantity.ToString("0.##", CultureInfo.InvariantCulture) + " " + l.Unit;

        private static string Price(CostLine l) =>
            l.UnitPrice is { } p ? "$" + p.ToString("0.00##", CultureInfo.InvariantCulture) + " per " + Singular(l.Unit) : "not priced";

        private static string Singular(string unit) => unit.EndsWith('s') ? unit[..^1] : unit;

        private static string Number(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

        private static string YesNo(bool? value) => value switch { true => "yes", false => "no", null => NotPublished };

        private static string Shorten(string value) => value.Length <= 120 ? value : value[..117] + "...";

        private string Code(string text) => markdown ? $"`{text.Replace("`", "'", StringComparison.Ordinal)}`" : text;

        private string Bold(string text) => markdown ? $"**{text}**" : text;

        private string Italic(string text) => markdown ? $"_{text}_" : text;

        private void Line(string text) => _out.Append(text).Append('\n').Append(markdown ? "\n" : "");

        private void Heading(int level, string text)
        {
            if (markdown)
            {
                _out.Append('\n').Append(new string('#', level + 1)).Append(' ').Append(text).Append("\n\n");
            }
            else
            {
                _out.Append('\n').Append(text).Append('\n').Append(new string(level == 1 ? '=' : '-', text.Length)).Append('\n');
            }
        }

        private void Details(string summary, Action body)
        {
            if (markdown)
            {
                _out.Append("\n<details><summary>").Append(summary).Append("</summary>\n\n");
                body();
                _out.Append("\n</details>\n");
            }
            else
            {
                Heading(2, summary);
                body();
            }
        }

        private void Table(string[] header, IEnumerable<string[]> rows)
        {
            var all = rows.ToList();
            if (all.Count == 0)
            {
                Line("(none)");
                return;
            }

            if (markdown)
            {
                _out.Append("| ").Append(string.Join(" | ", header)).Append(" |\n");
                _out.Append('|').Append(string.Concat(header.Select(_ => " --- |"))).Append('\n');
                foreach (var row in all)
                {
                    _out.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
                }

                _out.Append('\n');
                return;
            }

            var widths = header.Select((h, i) => Math.Min(60, all.Max(r => r[i].Length) is var w && w > h.Length ? w : h.Length)).ToArray();
            _out.Append(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd()).Append('\n');
            foreach (var row in all)
            {
                _out.Append(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd()).Append('\n');
            }
        }

        // Angle brackets outside code spans would read as HTML; inside them, entities would show.
        private static string Cell(string text) =>
            string.Join('`', text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Split('`')
                .Select((part, i) => i % 2 == 1 ? part : part.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)));
    }
}

using System.Collections;
using System.Globalization;
using System.Text.Json;
using TrainingInfra.Blueprint.Planning;
using TrainingInfra.Blueprint.Pricing;
using TrainingInfra.Mocks;
using TrainingInfra.Mocks.Guardrails;

namespace TrainingInfra.Plan;

/// <summary>
/// Plans a stack: runs the real program twice under the mock runtime, in two stand-in accounts
/// whose every AWS-assigned id differs. A value equal in both runs (once the account id is
/// replaced by a placeholder) follows from config alone; one that differs is known only after
/// deployment, and the plan says so instead of showing a made-up id.
/// </summary>
internal static class StackPlanner
{
    public static async Task<StackPlan> PlanAsync(string stack, IReadOnlyList<(string Key, string Value)> overrides, string projectDirectory)
    {
        var run = await StackRun.OfStack(stack, overrides, projectDirectory).ConfigureAwait(false);
        var other = await StackRun.OfStack(stack, overrides, projectDirectory, CloudMocks.OtherAccount).ConfigureAwait(false);
        return await PlanAsync(run, other).ConfigureAwait(false);
    }

    /// <summary>The plan of a stack from its run in <see cref="CloudMocks.AccountId"/> and its run, with the same config, in <see cref="CloudMocks.OtherAccount"/>.</summary>
    public static async Task<StackPlan> PlanAsync(StackRun run, StackRun other)
    {
        var stack = run.StackName;
        var planned = run.Planned();
        var otherPlanned = other.Planned().GroupBy(r => (r.Type, r.Name)).ToDictionary(g => g.Key, g => g.First());
        var resources = planned.Select(r =>
        {
            var twin = otherPlanned.GetValueOrDefault((r.Type, r.Name));
            var options = run.Options.GetValueOrDefault((r.Type, r.Name));
            var settings = ReviewedSettings.Of(r, options?.Protect == true, options?.RetainOnDelete == true);
            var twinSettings = twin is null ? settings : ReviewedSettings.Of(twin, options?.Protect == true, options?.RetainOnDelete == true);
            return new PlanResource(
                r.Type,
                r.Name,
                ReviewedSettings.PhysicalName(r) is { } name ? Known(name, twin is null ? null : ReviewedSettings.PhysicalName(twin)).Value : null,
                settings.ToDictionary(s => s.Key, s => Known(s.Value, twinSettings.GetValueOrDefault(s.Key)).Value, StringComparer.Ordinal));
        }).ToList();

        var outputs = await run.OutputsAsync().ConfigureAwait(false);
        var otherOutputs = await other.OutputsAsync().ConfigureAwait(false);
        // urn is Pulumi's own output of every resource, not one of the stack's.
        var planOutputs = outputs.Where(o => o.Key != "urn").OrderBy(o => o.Key, StringComparer.Ordinal).Select(o =>
        {
            var (known, value) = Known(Text(o.Value), otherOutputs.TryGetValue(o.Key, out var v) ? Text(v) : null);
            return new PlanOutput(o.Key, value, known);
        }).ToList();

        var region = run.Settings.Region.Name;
        return new StackPlan(
            StackPlan.CurrentSchemaVersion,
            stack,
            region,
            resources,
            planOutputs,
            PlanCost.From(WithoutAccountId(IdleCost.Of(planned, region))),
            PlanQuota.Of(planned),
            GuardrailCatalog.Evaluate(run).Select(f => new PlanFinding(f.Finding.RuleId, f.Finding.Resource, f.Finding.Problem, f.Waiver?.Reason)).ToList());
    }

    // Cost lines name buckets, whose names carry the account id.
    private static CostReport WithoutAccountId(CostReport report) => report with
    {
        Idle = report.Idle.Select(l => l with { Item = l.Item.Replace(CloudMocks.AccountId, StackPlan.AccountPlaceholder, StringComparison.Ordinal) }).ToList(),
        Usage = report.Usage.Select(l => l with { Item = l.Item.Replace(CloudMocks.AccountId, StackPlan.AccountPlaceholder, StringComparison.Ordinal) }).ToList(),
    };

    private static (bool Known, string Value) Known(string value, string? twin)
    {
        var general = value.Replace(CloudMocks.AccountId, StackPlan.AccountPlaceholder, StringComparison.Ordinal);
        var twinGeneral = twin?.Replace(CloudMocks.OtherAccount, StackPlan.AccountPlaceholder, StringComparison.Ordinal);
        return general == twinGeneral ? (true, general) : (false, StackPlan.UnknownValue);
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        IEnumerable items => JsonSerializer.Serialize(items.Cast<object?>().Select(Text)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

using TrainingInfra.Blueprint.Capacity;

namespace TrainingInfra.Blueprint.Planning;

/// <summary>What a plan's stack takes from one account quota.</summary>
/// <param name="Name">The quota as AWS names it.</param>
/// <param name="Used">How many of it the stack takes.</param>
/// <param name="Limit">AWS's default value, or null where AWS publishes none.</param>
/// <param name="Adjustable">Whether AWS raises it on request, or null where AWS does not say.</param>
/// <param name="Scope">What it is counted over.</param>
public sealed record PlanQuota(string Name, int Used, int? Limit, bool? Adjustable, string Scope)
{
    /// <summary>The draw of a stack's resources on every quota of <see cref="AccountQuotas"/>.</summary>
    public static IReadOnlyList<PlanQuota> Of(IReadOnlyList<PlannedResource> resources) =>
        AccountQuotas.Draw(resources).Select(d => new PlanQuota(d.Quota.Name, d.Used, d.Quota.Limit, d.Quota.Adjustable, d.Quota.Scope)).ToList();
}

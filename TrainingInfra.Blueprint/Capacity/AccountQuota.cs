using TrainingInfra.Blueprint.Planning;

namespace TrainingInfra.Blueprint.Capacity;

/// <summary>A default service quota that every stack of an account draws on.</summary>
/// <param name="Name">The quota as AWS names it.</param>
/// <param name="Limit">Its default value, or null where AWS publishes none.</param>
/// <param name="Adjustable">Whether AWS raises it on request, or null where AWS does not say.</param>
/// <param name="Scope">What it is counted over: per account and region, per account, per VPC.</param>
/// <param name="Source">The AWS page that gives the figure (read 2026-12-01).</param>
/// <param name="Count">How many of it a stack's resources take.</param>
public sealed record AccountQuota(
    string Name, int? Limit, bool? Adjustable, string Scope, string Source, Func<IReadOnlyList<PlannedResource>, int> Count);

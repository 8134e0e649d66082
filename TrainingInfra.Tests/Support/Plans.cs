using System.Collections.Concurrent;
using TrainingInfra.Blueprint.Planning;
using TrainingInfra.Plan;

namespace TrainingInfra.Tests.Support;

/// <summary>
/// Each plan the plan tests read, made once and shared. A plan is the stack's run in the
/// stand-in account, which the suite's <see cref="StackRuns"/> already holds, and its run in the
/// second account.
/// </summary>
public sealed class Plans
{
    private readonly ConcurrentDictionary<string, Lazy<Task<StackPlan>>> _plans = new(StringComparer.Ordinal);

    internal Task<StackPlan> Get(StackRuns runs, string stack, params (string Key, string Value)[] overrides) =>
        _plans.GetOrAdd(
            string.Join('\n', overrides.Select(o => $"{o.Key}={o.Value}").Prepend(stack)),
            _ => new Lazy<Task<StackPlan>>(async () => await StackPlanner.PlanAsync(
                await runs.Get(stack, overrides),
                await StackRun.OfStack(stack, overrides, accountId: CloudMocks.OtherAccount)))).Value;
}

using System.Collections.Concurrent;
using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests.Guardrails;

/// <summary>One mock run per stack file, shared by every guardrail test of that stack.</summary>
public sealed class GuardrailRuns
{
    private readonly ConcurrentDictionary<string, Lazy<Task<StackRun>>> _runs = new(StringComparer.Ordinal);

    internal Task<StackRun> Get(string stack) =>
        _runs.GetOrAdd(stack, s => new Lazy<Task<StackRun>>(() => StackRun.OfStackFile(s))).Value;
}

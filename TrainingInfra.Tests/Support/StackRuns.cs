using System.Collections.Concurrent;

namespace TrainingInfra.Tests.Support;

/// <summary>
/// Each stack file run once per test class that reads it, shared by its tests (they only read
/// what the run registered).
/// </summary>
public class StackRuns
{
    private readonly ConcurrentDictionary<string, Lazy<Task<StackRun>>> _runs = new(StringComparer.Ordinal);

    internal Task<StackRun> Get(string stack) =>
        _runs.GetOrAdd(stack, s => new Lazy<Task<StackRun>>(() => StackRun.OfStackFile(s))).Value;
}

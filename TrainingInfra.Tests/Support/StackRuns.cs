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
        _runs.GetOrAdd(stack, s => new Lazy<Task<StackRun>>(() => Run(s))).Value;

    /// <summary>Runs a stack by name: a stack file unless a derived fixture knows the name.</summary>
    private protected virtual Task<StackRun> Run(string stack) => StackRun.OfStackFile(stack);
}

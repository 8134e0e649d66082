using System.Collections.Concurrent;

namespace TrainingInfra.Tests.Support;

/// <summary>
/// Each stack file, with each set of overrides, run once for the whole mock-runtime suite and
/// shared by every test that reads it (<see cref="MockRuntimeSuite"/>): tests only read what a
/// run registered, so one run serves them all.
/// </summary>
public sealed class StackRuns
{
    private readonly ConcurrentDictionary<string, Lazy<Task<StackRun>>> _runs = new(StringComparer.Ordinal);

    internal Task<StackRun> Get(string stack, params (string Key, string Value)[] overrides) =>
        _runs.GetOrAdd(
            string.Join('\n', overrides.Select(o => $"{o.Key}={o.Value}").Prepend(stack)),
            _ => new Lazy<Task<StackRun>>(() => StackRun.OfStackFile(stack, overrides))).Value;
}

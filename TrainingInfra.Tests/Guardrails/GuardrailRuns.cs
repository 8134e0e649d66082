using System.Collections.Concurrent;
using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests.Guardrails;

/// <summary>One mock run per stack file, shared by every guardrail test of that stack.</summary>
public sealed class GuardrailRuns
{
    /// <summary>
    /// The dev stack file with every optional safeguard switched on, so that the rules that apply
    /// only then (replication, KMS-encrypted replicas, scoped notebook access) run too.
    /// </summary>
    public const string HardenedDev = "dev-hardened";

    private static readonly (string Key, string Value)[] HardenedSwitches =
    [
        ("bucketAccessLogs", "true"), ("notebookAccess", "scoped"), ("replicaRegion", "us-west-2"), ("customerManagedKey", "true"),
    ];

    private readonly ConcurrentDictionary<string, Lazy<Task<StackRun>>> _runs = new(StringComparer.Ordinal);

    internal Task<StackRun> Get(string stack) =>
        _runs.GetOrAdd(stack, s => new Lazy<Task<StackRun>>(() => s == HardenedDev
            ? StackRun.OfStackFile("dev", HardenedSwitches)
            : StackRun.OfStackFile(s))).Value;
}

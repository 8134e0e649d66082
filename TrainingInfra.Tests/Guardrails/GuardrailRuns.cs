using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests.Guardrails;

/// <summary>
/// The guardrail suite's runs: every stack file once, shared by every rule's test, and a dev
/// stack with every optional safeguard on.
/// </summary>
public sealed class GuardrailRuns : StackRuns
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

    private protected override Task<StackRun> Run(string stack) =>
        stack == HardenedDev ? StackRun.OfStackFile("dev", HardenedSwitches) : base.Run(stack);
}

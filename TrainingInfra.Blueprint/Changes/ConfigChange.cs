using TrainingInfra.Blueprint.Config;

namespace TrainingInfra.Blueprint.Changes;

/// <summary>
/// One row of the change matrix: what changing a config key does to one kind of resource, why (the
/// provider's ForceNew arguments, with their source), and what it interrupts or loses.
/// </summary>
/// <param name="Key">The config key that changes.</param>
/// <param name="Resource">The Pulumi type token of the resource affected, or <see cref="ChangeMatrix.EveryTaggable"/>.</param>
/// <param name="Effect">What <c>pulumi up</c> does to it.</param>
/// <param name="Consequence">What the change interrupts or loses, in a sentence.</param>
/// <param name="Source">Where the provider decides it: file and function or argument, or a document.</param>
public sealed record ConfigChange(SettingKey Key, string Resource, ChangeEffect Effect, string Consequence, string Source)
{
    /// <summary>Other keys set for this row to hold (for example the allocation strategy a row is about).</summary>
    public IReadOnlyList<(SettingKey Key, string Value)> Context { get; init; } = [];

    /// <summary>A value the key may change from, for the mock-runtime test of a replacement (empty: the default).</summary>
    public string? From { get; init; }

    /// <summary>A value the key may change to, for the mock-runtime test of a replacement.</summary>
    public string? To { get; init; }

    /// <summary>The stack file the sample change is made on.</summary>
    public string Stack { get; init; } = "dev";

    /// <summary>Whether the row replaces something.</summary>
    public bool Replaces => Effect is ChangeEffect.ReplacedNewFirst or ChangeEffect.ReplacedOldDeletedFirst;

    /// <summary>The row as a line of the table in docs/change-matrix.md.</summary>
    public string ToMarkdownRow()
    {
        var context = Context.Count == 0 ? "" : " (with " + string.Join(", ", Context.Select(c => $"`{c.Key.Name}: {c.Value}`")) + ")";
        return $"| `{Key.Name}` | {ResourceLabel}{context} | {EffectLabel} | {Consequence} | {Source} |";
    }

    private string ResourceLabel => Resource == ChangeMatrix.EveryTaggable ? "every taggable resource" : $"`{Resource}`";

    private string EffectLabel => Effect switch
    {
        ChangeEffect.InPlace => "updated in place",
        ChangeEffect.ReplacedNewFirst => "replaced, new one first",
        ChangeEffect.ReplacedOldDeletedFirst => "replaced, old one deleted first",
        ChangeEffect.CreatedOrDeleted => "created or deleted",
        _ => "output only",
    };
}

namespace TrainingInfra.Blueprint.Changes;

/// <summary>What a change of a config key does to one kind of resource at the next <c>pulumi up</c>.</summary>
public enum ChangeEffect
{
    /// <summary>The resource is updated where it is; it keeps its identity.</summary>
    InPlace,

    /// <summary>Replaced: the new resource is created first, what refers to it moves over, then the old one is deleted.</summary>
    ReplacedNewFirst,

    /// <summary>Replaced: the old resource is deleted first (its fixed name must be free), then the new one is created.</summary>
    ReplacedOldDeletedFirst,

    /// <summary>Resources are created or deleted (a feature is switched on or off).</summary>
    CreatedOrDeleted,

    /// <summary>No resource changes, only a stack output the users read.</summary>
    OutputOnly,
}

namespace TrainingInfra.Blueprint.Planning;

/// <summary>How the plan tool prints a plan or a comparison.</summary>
public enum PlanFormat
{
    /// <summary>Plain text for a terminal.</summary>
    Text,

    /// <summary>GitHub-flavoured Markdown, for a pull-request comment.</summary>
    Markdown,

    /// <summary>The stable JSON shape of <see cref="PlanJson"/>.</summary>
    Json,
}

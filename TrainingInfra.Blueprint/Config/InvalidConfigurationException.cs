namespace TrainingInfra.Blueprint.Config;

/// <summary>
/// Thrown before any resource is registered when a stack's configuration breaks one or more rules.
/// The message lists every problem at once, one per line, each with its key, value and rule.
/// </summary>
public sealed class InvalidConfigurationException : Exception
{
    /// <summary>Creates the exception from the full list of problems found.</summary>
    public InvalidConfigurationException(IReadOnlyList<ConfigProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in the order of the keys in <see cref="SettingKeys.All"/>.</summary>
    public IReadOnlyList<ConfigProblem> Problems { get; }

    private static string Describe(IReadOnlyList<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var noun = problems.Count == 1 ? "problem" : "problems";
        return $"The stack configuration has {problems.Count} {noun}; nothing was created. Fix these keys:"
            + Environment.NewLine
            + string.Join(Environment.NewLine, problems.Select(p => "  - " + p));
    }
}

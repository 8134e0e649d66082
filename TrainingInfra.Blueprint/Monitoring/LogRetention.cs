namespace TrainingInfra.Blueprint.Monitoring;

/// <summary>The retention periods CloudWatch Logs accepts; any other value fails at deployment.</summary>
public static class LogRetention
{
    /// <summary>Accepted values, in days.</summary>
    public static IReadOnlyList<int> AcceptedDays { get; } =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
}

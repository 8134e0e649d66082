using TrainingInfra.Blueprint.Config;

namespace TrainingInfra.Blueprint.Tests.Support;

/// <summary>Builds settings from a handful of keys, the way a stack file would set them.</summary>
internal static class Configs
{
    public const string Region = "us-east-1";

    public static PlatformSettings Load(params (string Key, string Value)[] values) =>
        Load("dev", Region, values);

    public static PlatformSettings Load(string stack, string? region, params (string Key, string Value)[] values) =>
        SettingsLoader.Load(ConfigSource.FromDictionary(stack, region, values.ToDictionary(v => v.Key, v => v.Value)));

    public static IReadOnlyList<ConfigProblem> Problems(params (string Key, string Value)[] values) =>
        Problems("dev", Region, values);

    public static IReadOnlyList<ConfigProblem> Problems(string stack, string? region, params (string Key, string Value)[] values)
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => Load(stack, region, values));
        return error.Problems;
    }
}

using Pulumi;
using TrainingInfra.Blueprint.Config;

namespace TrainingInfra;

/// <summary>
/// Reads the running stack's configuration into <see cref="PlatformSettings"/>. Invalid
/// configuration ends the program here, before any resource is registered, with one message
/// that lists every problem.
/// </summary>
internal static class StackSettings
{
    public static PlatformSettings Load()
    {
        var project = new Config(SettingKeys.ProjectName);
        var aws = new Config("aws");
        var presentKeys = PulumiConfigEnvironment.ProjectKeys(
            Environment.GetEnvironmentVariable(PulumiConfigEnvironment.VariableName), SettingKeys.ProjectName);
        var source = new ConfigSource(Deployment.Instance.StackName, aws.Get("region"), project.Get, presentKeys);

        try
        {
            return SettingsLoader.Load(source);
        }
        catch (InvalidConfigurationException error)
        {
            // RunException ends the program with the message alone, without a stack trace that
            // would bury the list of keys to fix.
            throw new RunException(error.Message, error);
        }
    }
}

namespace TrainingInfra.Blueprint.Config;

/// <summary>
/// A project config key as declared in <c>Pulumi.yaml</c> and documented in <c>docs/configuration.md</c>.
/// </summary>
/// <param name="Name">The key without the project namespace, e.g. <c>vpcCidr</c>.</param>
/// <param name="Type">Its type in the <c>config:</c> block.</param>
/// <param name="Default">The default in the form Pulumi hands it to the program: a plain string,
/// a number or true/false as text, or a JSON array for lists.</param>
/// <param name="Description">What the key means, shown in Pulumi.yaml and docs/configuration.md.</param>
public sealed record SettingKey(string Name, SettingType Type, string Default, string Description)
{
    /// <summary>The key as it appears in stack files and error messages: <c>training-infra:{Name}</c>.</summary>
    public string Qualified => $"{SettingKeys.ProjectName}:{Name}";
}

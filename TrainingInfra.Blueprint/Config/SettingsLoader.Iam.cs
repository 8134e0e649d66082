using TrainingInfra.Blueprint.Iam;

namespace TrainingInfra.Blueprint.Config;

/// <summary>The IAM settings of a stack.</summary>
public static partial class SettingsLoader
{
    /// <summary>The configured permissions boundary's policy name, or null when none is set.</summary>
    private static string? ReadPermissionsBoundary(Reader reader)
    {
        var key = SettingKeys.IamPermissionsBoundary;
        var name = reader.Text(key).Trim();
        if (name.Length == 0)
        {
            return null;
        }

        if (!PermissionsBoundary.IsValidName(name))
        {
            reader.Problem(key.Qualified, name, PermissionsBoundary.NameRule);
            return null;
        }

        return name;
    }
}

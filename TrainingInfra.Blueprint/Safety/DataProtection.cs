using TrainingInfra.Blueprint.Config;

namespace TrainingInfra.Blueprint.Safety;

/// <summary>
/// How the stack treats resources that hold data (buckets, their settings, the image repository).
/// </summary>
/// <param name="Protect">Pulumi refuses to delete or replace the resource.</param>
/// <param name="RetainOnDelete">Removing it from the stack leaves it in AWS.</param>
/// <param name="ForceDestroy">Deleting it deletes its contents too (bucket objects, images).</param>
public sealed record DataProtection(bool Protect, bool RetainOnDelete, bool ForceDestroy)
{
    /// <summary>
    /// Protected stacks never lose data: protected, retained on delete, never emptied. Ephemeral
    /// stacks are torn down with their contents, as the CDK design does, so that per-pull-request
    /// stacks leave nothing behind.
    /// </summary>
    public static DataProtection For(PlatformSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Protected
            ? new DataProtection(Protect: true, RetainOnDelete: true, ForceDestroy: false)
            : new DataProtection(Protect: false, RetainOnDelete: false, ForceDestroy: true);
    }
}

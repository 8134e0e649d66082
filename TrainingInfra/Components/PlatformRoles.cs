using Pulumi;
using Pulumi.Aws.Iam;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Iam;
using TrainingInfra.Blueprint.Safety;

namespace TrainingInfra.Components;

/// <summary>
/// How the platform creates its IAM roles and instance profiles. Each has a fixed name that carries
/// the stack's suffix (so a per-PR deploy role fenced to <c>*-pr&lt;digits&gt;*</c> names can create
/// and pass it), and each carries the configured permissions boundary.
/// <para>
/// A fixed name would make the provider replace the role delete-first: pulumi-terraform-bridge's
/// <c>nameRequiresDeleteBeforeReplace</c> (pkg/tfbridge/schema.go) asks for that whenever
/// <c>name</c> is set by the program rather than by the autonamer. But IAM replaces a role or an
/// instance profile only when its name (or path, which the platform never sets) changes
/// (terraform-provider-aws internal/service/iam/role.go: <c>name</c>, <c>name_prefix</c>,
/// <c>path</c> are ForceNew), so old and new never share a name and the new one can come first. The
/// program says so with <c>DeleteBeforeReplace = false</c>, which overrides the provider's choice
/// (pulumi/pulumi pkg/resource/deploy/step_generator.go: "The user can override the provider's
/// decision by setting the deleteBeforeReplace field of ResourceOptions to either true or false").
/// Create-first keeps the compute environment, the notebook and the flow log working throughout a
/// rename: they move to the new role before the old one goes.
/// </para>
/// </summary>
internal static class PlatformRoles
{
    /// <summary>
    /// A role with the stack's boundary, replaced create-first; with <paramref name="kept"/>, protected
    /// and retained on delete as that says (a role that a retained resource runs as).
    /// </summary>
    public static Role Create(string name, RoleArgs args, PlatformSettings settings, Output<string> accountId, Resource parent, DataProtection? kept = null)
    {
        if (settings.PermissionsBoundary is { } boundary)
        {
            args.PermissionsBoundary = accountId.Apply(account => PermissionsBoundary.Arn(settings.Region, account, boundary));
        }

        return new Role(name, args, kept is null ? CreateFirst(parent) : kept.Keep(CreateFirst(parent)));
    }

    /// <summary>
    /// Options of a resource whose fixed name changes whenever it is replaced: the replacement comes
    /// first, then what refers to it moves over, then the old one is deleted.
    /// </summary>
    public static CustomResourceOptions CreateFirst(Resource parent) =>
        new() { Parent = parent, DeleteBeforeReplace = false };
}

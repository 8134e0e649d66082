using Pulumi;
using Pulumi.Aws.Iam;
using TrainingInfra.Blueprint.Packages;

namespace TrainingInfra.Components;

/// <summary>How a role of the stack is allowed to read the stack's package mirror, and nothing else of CodeArtifact.</summary>
internal static class PackageMirrorAccess
{
    /// <summary>The reader policy (<see cref="PackageMirror.ReaderPolicy"/>) on a role, for the mirror's domain and repository.</summary>
    public static RolePolicy Grant(string name, Role role, PackageMirrorArns mirror) =>
        new(name, new RolePolicyArgs
        {
            Role = role.Name,
            Name = PackageMirror.ReaderPolicyName,
            Policy = Output.Tuple(mirror.DomainArn, mirror.RepositoryArn).Apply(arns => PackageMirror.ReaderPolicy(arns.Item1, arns.Item2)),
        }, new CustomResourceOptions { Parent = role });
}

using Pulumi;

namespace TrainingInfra.Components;

/// <summary>The stack's package mirror, as the components that read it receive it.</summary>
/// <param name="DomainArn">The CodeArtifact domain.</param>
/// <param name="RepositoryArn">The repository that mirrors public PyPI.</param>
public sealed record PackageMirrorArns(Output<string> DomainArn, Output<string> RepositoryArn);

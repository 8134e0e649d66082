using Pulumi;
using Pulumi.Aws.CodeArtifact;
using Pulumi.Aws.CodeArtifact.Inputs;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Packages;

namespace TrainingInfra.Components;

public sealed partial class StorageComponent
{
    /// <summary>
    /// The stack's PyPI mirror: a CodeArtifact domain, encrypted with the stack's data key when it has
    /// one (without it CodeArtifact uses the AWS-managed key aws/codeartifact), and a repository whose
    /// external connection is public PyPI. Neither is protected or retained on a protected stack: the
    /// mirror holds only copies of public packages, which it fetches again on first use, and a retained
    /// domain would only stand in the way of the stack's next deployment under the same name.
    /// </summary>
    private (Output<string> DomainArn, Output<string> RepositoryArn) CreatePackageMirror(PlatformSettings settings)
    {
        var domainArgs = new DomainArgs
        {
            DomainName = settings.Names.PackageDomain,
            Tags = _tags,
        };
        if (_dataKey is not null)
        {
            domainArgs.EncryptionKey = _dataKey.Arn;
        }

        var domain = new Domain("package-domain", domainArgs, new CustomResourceOptions { Parent = this });

        var repository = new Repository("package-repository", new RepositoryArgs
        {
            RepositoryName = settings.Names.PackageRepository,
            Domain = domain.DomainName,
            DomainOwner = domain.Owner,
            Description = $"Public PyPI, mirrored for the notebook and Batch jobs of {settings.EnvironmentSuffix}",
            ExternalConnections = new RepositoryExternalConnectionsArgs { ExternalConnectionName = PackageMirror.ExternalConnection },
            Tags = _tags,
        }, new CustomResourceOptions { Parent = domain });

        return (domain.Arn, repository.Arn);
    }
}

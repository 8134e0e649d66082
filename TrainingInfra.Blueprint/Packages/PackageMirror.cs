using System.Text.Json.Nodes;
using TrainingInfra.Blueprint.Aws;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Policies;

namespace TrainingInfra.Blueprint.Packages;

/// <summary>
/// The stack's PyPI mirror: a CodeArtifact domain with one repository whose external connection is
/// public PyPI, so that hosts without an internet path install packages through the VPC. CodeArtifact
/// fetches a package from PyPI on its first request and keeps it. Readers authenticate with a token
/// from GetAuthorizationToken that lasts at most 12 hours, so no token is ever written into the
/// stack: whoever installs packages fetches its own with its role.
/// Sources (read 2026-12-05, as of 2026-12): external connections,
/// https://docs.aws.amazon.com/codeartifact/latest/ug/external-connection.html (<c>public:pypi</c>);
/// tokens and the permissions they need,
/// https://docs.aws.amazon.com/codeartifact/latest/ug/tokens-authentication.html; pip without the
/// login command, https://docs.aws.amazon.com/codeartifact/latest/ug/python-configure-pip.html.
/// </summary>
public static class PackageMirror
{
    /// <summary>The external connection of the repository: public PyPI.</summary>
    public const string ExternalConnection = "public:pypi";

    /// <summary>The service that issues the bearer tokens CodeArtifact's GetAuthorizationToken hands out.</summary>
    public const string BearerTokenService = "codeartifact.amazonaws.com";

    /// <summary>The name of the inline policy that lets a role read the mirror.</summary>
    public const string ReaderPolicyName = "package-mirror-read";

    /// <summary>The environment variables a Batch job's container reads to fetch its own token, in this order.</summary>
    public static IReadOnlyList<string> JobEnvironmentNames { get; } =
        ["CODEARTIFACT_DOMAIN", "CODEARTIFACT_DOMAIN_OWNER", "CODEARTIFACT_REPOSITORY", "CODEARTIFACT_REGION"];

    /// <summary>
    /// One line for a container's entrypoint that points pip at the mirror with a fresh token, from
    /// the variables of <see cref="JobEnvironmentNames"/> (the image needs the AWS CLI v2).
    /// </summary>
    public const string EntrypointSnippet =
        "export PIP_INDEX_URL=\"https://aws:$(aws codeartifact get-authorization-token --domain \"$CODEARTIFACT_DOMAIN\" --domain-owner \"$CODEARTIFACT_DOMAIN_OWNER\" --region \"$CODEARTIFACT_REGION\" --query authorizationToken --output text)@${CODEARTIFACT_DOMAIN}-${CODEARTIFACT_DOMAIN_OWNER}.d.codeartifact.${CODEARTIFACT_REGION}.amazonaws.com/pypi/${CODEARTIFACT_REPOSITORY}/simple/\"";

    /// <summary>The domain's ARN.</summary>
    public static string DomainArn(PlatformSettings settings, string accountId)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return $"arn:{settings.Region.Partition}:codeartifact:{settings.Region.Name}:{accountId}:domain/{settings.Names.PackageDomain}";
    }

    /// <summary>The repository's ARN.</summary>
    public static string RepositoryArn(PlatformSettings settings, string accountId)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var names = settings.Names;
        return $"arn:{settings.Region.Partition}:codeartifact:{settings.Region.Name}:{accountId}:repository/{names.PackageDomain}/{names.PackageRepository}";
    }

    /// <summary>
    /// The repository's pip index URL, without credentials; the same host and path as
    /// <see cref="EntrypointSnippet"/> builds in a container (China regions, whose DNS suffix differs,
    /// are refused by <see cref="AwsRegion"/>).
    /// </summary>
    public static string IndexUrl(PlatformSettings settings, string accountId)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var names = settings.Names;
        return $"https://{names.PackageDomain}-{accountId}.d.codeartifact.{settings.Region.Name}.amazonaws.com/pypi/{names.PackageRepository}/simple/";
    }

    /// <summary>
    /// Exactly what reading the mirror takes: a token for this stack's domain, packages from this
    /// stack's repository, and the STS bearer token that GetAuthorizationToken mints (which STS
    /// grants on no resource, hence <c>*</c>, held to CodeArtifact by its condition key).
    /// </summary>
    public static string ReaderPolicy(string domainArn, string repositoryArn) =>
        PolicyDocument.Create(
            PolicyDocument.Allow("TokenForThisStacksDomain", ["codeartifact:GetAuthorizationToken"], [domainArn]),
            PolicyDocument.Allow("ReadThisStacksMirror", ["codeartifact:ReadFromRepository"], [repositoryArn]),
            PolicyDocument.Allow("BearerTokenForCodeArtifactOnly", ["sts:GetServiceBearerToken"], ["*"], new JsonObject
            {
                ["StringEquals"] = new JsonObject { ["sts:AWSServiceName"] = BearerTokenService },
            }));

    /// <summary>The values of <see cref="JobEnvironmentNames"/> for this stack: names only, never a token.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> JobEnvironment(PlatformSettings settings, string accountId)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string[] values = [settings.Names.PackageDomain, accountId, settings.Names.PackageRepository, settings.Region.Name];
        return JobEnvironmentNames.Zip(values, (name, value) => new KeyValuePair<string, string>(name, value)).ToList();
    }
}

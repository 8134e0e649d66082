using System.Collections.Immutable;

namespace TrainingInfra.Blueprint.Tagging;

/// <summary>
/// The tags every taggable resource carries: Project, Environment (the suffix) and
/// ManagedBy = pulumi, then the extra tags from config, which may not override those three.
/// </summary>
public static class TagSet
{
    /// <summary>Tag keys the platform sets itself and config may not override.</summary>
    public static IReadOnlyList<string> ReservedKeys { get; } = ["Project", "Environment", "ManagedBy"];

    /// <summary>AWS allows 50 tags on a resource.</summary>
    public const int MaxTagsPerResource = 50;

    /// <summary>
    /// Tags awsx sets on the VPC's subnets (Name, SubnetType): config may not set them, and they
    /// count against the limit.
    /// </summary>
    public static IReadOnlyList<string> AwsxKeys { get; } = ["Name", "SubnetType"];

    /// <summary>How many tags config may add: the limit less the platform's and awsx's own.</summary>
    public static int MaxExtraTags => MaxTagsPerResource - ReservedKeys.Count - AwsxKeys.Count;

    /// <summary>The complete tag set for a stack.</summary>
    public static ImmutableDictionary<string, string> For(
        string projectName, string environmentSuffix, IReadOnlyDictionary<string, string> extraTags)
    {
        ArgumentNullException.ThrowIfNull(extraTags);
        var tags = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        tags["Project"] = projectName;
        tags["Environment"] = environmentSuffix;
        tags["ManagedBy"] = "pulumi";
        foreach (var (key, value) in extraTags)
        {
            tags.TryAdd(key, value);
        }

        return tags.ToImmutable();
    }
}

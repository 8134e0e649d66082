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

    /// <summary>
    /// AWS allows 50 tags on a resource, keys starting with aws: not counted (AWS Batch User Guide,
    /// "Tag restrictions", https://docs.aws.amazon.com/batch/latest/userguide/tag-restrictions.html,
    /// as of 2026-12; the same limit in EC2, IAM and S3).
    /// </summary>
    public const int MaxTagsPerResource = 50;

    /// <summary>
    /// Tags a job submitted to the stack's queue may carry of its own. The job definition propagates
    /// its tags to every job, and Batch fails a job whose own tags and its definition's together
    /// number more than 50 (RegisterJobDefinition, <c>propagateTags</c>,
    /// https://docs.aws.amazon.com/batch/latest/APIReference/API_RegisterJobDefinition.html, as of
    /// 2026-12). The platform's scripts submit jobs without tags; this leaves the teams' own
    /// SubmitJob calls room for ten.
    /// </summary>
    public const int JobTagAllowance = 10;

    /// <summary>
    /// Tags awsx sets on the VPC's subnets (Name, SubnetType): config may not set them, and they
    /// count against the limit.
    /// </summary>
    public static IReadOnlyList<string> AwsxKeys { get; } = ["Name", "SubnetType"];

    /// <summary>
    /// How many tags config may add: the limit less the platform's own tags and the larger of what
    /// awsx adds to a subnet and what a job adds to the job definition's tags.
    /// </summary>
    public static int MaxExtraTags => MaxTagsPerResource - ReservedKeys.Count - Math.Max(AwsxKeys.Count, JobTagAllowance);

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

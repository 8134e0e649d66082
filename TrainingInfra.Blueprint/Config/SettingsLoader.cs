using System.Text.RegularExpressions;
using TrainingInfra.Blueprint.Aws;
using TrainingInfra.Blueprint.Naming;
using TrainingInfra.Blueprint.Tagging;

namespace TrainingInfra.Blueprint.Config;

/// <summary>
/// Turns a stack's raw configuration into <see cref="PlatformSettings"/>, checking every rule and
/// reporting every broken one at once. Nothing downstream re-validates: a settings record that
/// exists is a valid one.
/// </summary>
public static partial class SettingsLoader
{
    /// <summary>The tag that, by convention, moves to every new image.</summary>
    public const string LatestTag = "latest";

    /// <summary>Loads and validates; throws <see cref="InvalidConfigurationException"/> listing every problem.</summary>
    public static PlatformSettings Load(ConfigSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var reader = new Reader(source.Lookup);

        ReportUnknownKeys(source.PresentKeys, reader);

        var region = AwsRegion.TryParse(source.Region, out var regionRule);
        if (region is null)
        {
            reader.Problem("aws:region", source.Region, regionRule!);
        }

        var suffix = ReadSuffix(source.StackName, reader);
        var isProtected = reader.Boolean(SettingKeys.Protected);
        var extraTags = ReadTags(reader);
        var permissionsBoundary = ReadPermissionsBoundary(reader);
        var network = ReadNetwork(source.StackName, reader);
        var storage = ReadStorage(reader, region);
        var notebook = ReadNotebook(reader);
        var training = ReadJobLimits(reader, ReadTraining(reader, storage.ImmutableTags));
        var batch = ReadBatch(reader);
        if (storage.ImmutableTags && batch.JobImageTag == LatestTag)
        {
            reader.Problem(SettingKeys.JobImageTag.Qualified, batch.JobImageTag,
                $"cannot be {LatestTag} while {SettingKeys.EcrImmutableTags.Qualified} is true: an immutable tag never moves to a newer image; name a version");
        }

        if (network.OwnsPrivateNetwork && notebook.Enabled && notebook.DirectInternetAccess)
        {
            reader.Problem(SettingKeys.NotebookDirectInternetAccess.Qualified, "true",
                $"must be false while {SettingKeys.NetworkMode.Qualified} is private: SageMaker's direct internet access is a path to the internet outside the VPC, which a private network exists to rule out");
        }

        var monitoring = ReadBudget(reader, ReadMonitoring(reader));
        var packageMirror = reader.Choice<AutoOnOff>(SettingKeys.PackageMirror,
            "auto: on exactly when the stack owns a private network; on; off") switch
        {
            AutoOnOff.On => true,
            AutoOnOff.Off => false,
            _ => network.OwnsPrivateNetwork,
        };

        var experiments = ReadExperiments(reader, region);

        if (reader.Problems.Count > 0)
        {
            throw new InvalidConfigurationException(reader.Problems);
        }

        return new PlatformSettings(
            source.StackName, suffix, region!, isProtected, extraTags, network, storage, notebook, training, batch, monitoring)
        {
            PermissionsBoundary = permissionsBoundary,
            PackageMirror = packageMirror,
            Experiments = experiments,
        };
    }

    private static void ReportUnknownKeys(IEnumerable<string> presentKeys, Reader reader)
    {
        var known = SettingKeys.All.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var key in presentKeys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal))
        {
            if (SettingKeys.Retired.TryGetValue(key, out var replacement))
            {
                reader.Problem($"{SettingKeys.ProjectName}:{key}", reader.Raw(key), replacement);
                continue;
            }

            var near = SettingKeys.All.FirstOrDefault(k => string.Equals(k.Name, key, StringComparison.OrdinalIgnoreCase));
            var hint = near is null ? "" : $" (did you mean {near.Qualified}?)";
            reader.Problem($"{SettingKeys.ProjectName}:{key}", reader.Raw(key),
                $"is not a key this program understands{hint}; the keys are listed in Pulumi.yaml and docs/configuration.md");
        }
    }

    private static string ReadSuffix(string stackName, Reader reader)
    {
        var key = SettingKeys.EnvironmentSuffix;
        var configured = reader.Text(key);
        var suffix = string.IsNullOrEmpty(configured) ? stackName : configured;
        var origin = string.IsNullOrEmpty(configured)
            ? $" (it defaults to the stack name '{stackName}'; set {key.Qualified} to use another)"
            : "";

        if (!SuffixPattern().IsMatch(suffix))
        {
            reader.Problem(key.Qualified, suffix,
                "must be lowercase letters, digits and hyphens, starting and ending with a letter or digit, because it is part of S3 bucket and SageMaker names" + origin);
        }
        else if (suffix.Length > ResourceNames.TightestRule.MaxSuffixLength)
        {
            var rule = ResourceNames.TightestRule;
            reader.Problem(key.Qualified, suffix,
                $"is {suffix.Length} characters; at most {rule.MaxSuffixLength} fit, because the {rule.Resource} name may have at most {rule.MaxLength} characters" + origin);
        }

        return suffix;
    }

    private static Dictionary<string, string> ReadTags(Reader reader)
    {
        var key = SettingKeys.Tags;
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in reader.StringArray(key) ?? [])
        {
            var separator = entry.IndexOf('=', StringComparison.Ordinal);
            var tagKey = separator < 0 ? entry : entry[..separator].Trim();
            var tagValue = separator < 0 ? "" : entry[(separator + 1)..].Trim();
            string? rule = null;
            if (separator <= 0 || tagKey.Length == 0)
            {
                rule = "each tag must be written Key=Value";
            }
            else if (tagKey.Length > 128 || tagValue.Length > 256)
            {
                rule = "tag keys may have at most 128 characters and values at most 256";
            }
            else if (!TagTextPattern().IsMatch(tagKey) || !TagTextPattern().IsMatch(tagValue))
            {
                rule = "tags may contain letters, digits, spaces and _ . : / = + - @ only";
            }
            else if (tagKey.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                rule = "tag keys starting with aws: are reserved by AWS";
            }
            else if (TagSet.ReservedKeys.Contains(tagKey) || TagSet.AwsxKeys.Contains(tagKey))
            {
                rule = $"{tagKey} is set by the platform ({string.Join(", ", TagSet.ReservedKeys.Concat(TagSet.AwsxKeys))}) and cannot be overridden";
            }
            else if (!tags.TryAdd(tagKey, tagValue))
            {
                rule = $"the tag {tagKey} is given twice";
            }

            if (rule is not null)
            {
                reader.Problem(key.Qualified, entry, rule);
            }
        }

        if (tags.Count > TagSet.MaxExtraTags)
        {
            reader.Problem(key.Qualified, reader.Raw(key.Name),
                $"at most {TagSet.MaxExtraTags} extra tags fit: AWS allows {TagSet.MaxTagsPerResource} per resource, the platform sets {TagSet.ReservedKeys.Count}, and a Batch job fails when its own tags and the {TagSet.ReservedKeys.Count + TagSet.MaxExtraTags} its job definition passes on number more than {TagSet.MaxTagsPerResource}, which leaves jobs {TagSet.JobTagAllowance}");
        }

        return tags;
    }

    [GeneratedRegex("^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$")]
    private static partial Regex ImageTagPattern();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex SuffixPattern();

    [GeneratedRegex("^[\\p{L}\\p{N} _.:/=+\\-@]*$")]
    private static partial Regex TagTextPattern();
}

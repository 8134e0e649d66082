using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TrainingInfra.Blueprint.Aws;
using TrainingInfra.Blueprint.Batch;
using TrainingInfra.Blueprint.Monitoring;
using TrainingInfra.Blueprint.Naming;
using TrainingInfra.Blueprint.Network;
using TrainingInfra.Blueprint.SageMaker;
using TrainingInfra.Blueprint.Tagging;

namespace TrainingInfra.Blueprint.Config;

/// <summary>
/// Turns a stack's raw configuration into <see cref="PlatformSettings"/>, checking every rule and
/// reporting every broken one at once. Nothing downstream re-validates: a settings record that
/// exists is a valid one.
/// </summary>
public static partial class SettingsLoader
{
    /// <summary>The longest SageMaker training run AWS allows: 28 days.</summary>
    public const int SageMakerMaxRuntimeLimit = 28 * 24 * 3600;

    /// <summary>The tag that, by convention, moves to every new image.</summary>
    public const string LatestTag = "latest";

    /// <summary>Allocation strategies a spot compute environment accepts.</summary>
    public static IReadOnlyList<string> AllocationStrategies { get; } =
        ["SPOT_PRICE_CAPACITY_OPTIMIZED", "SPOT_CAPACITY_OPTIMIZED", "BEST_FIT"];

    /// <summary>The value of <see cref="SettingKeys.InterfaceEndpointZones"/> that means every zone of the VPC.</summary>
    public const string AllZones = "all";

    /// <summary>The longest the access-log bucket keeps a log object: ten years.</summary>
    public const int MaxAccessLogRetentionDays = 3650;

    /// <summary>Notebook instance families the AL2023 notebook platform cannot run.</summary>
    public static IReadOnlyList<string> UnsupportedNotebookFamilies { get; } = ["p2", "p3", "p3dn", "inf1", "g3"];

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
        var network = ReadNetwork(source.StackName, reader);
        var storage = new StorageSettings(
            reader.Integer(SettingKeys.ModelArchiveDays, min: 1) ?? 0,
            reader.Integer(SettingKeys.NoncurrentVersionDays, min: 1) ?? 0,
            reader.Integer(SettingKeys.EcrMaxImageCount, min: 1) ?? 0,
            reader.Boolean(SettingKeys.EcrImmutableTags),
            reader.Boolean(SettingKeys.CustomerManagedKey),
            ReadAccessLogs(reader),
            ReadReplicaRegion(reader, region));
        var notebook = ReadNotebook(reader);
        var training = ReadJobLimits(reader, ReadTraining(reader, storage.ImmutableTags));
        var batch = ReadBatch(reader);
        if (storage.ImmutableTags && batch.JobImageTag == LatestTag)
        {
            reader.Problem(SettingKeys.JobImageTag.Qualified, batch.JobImageTag,
                $"cannot be {LatestTag} while {SettingKeys.EcrImmutableTags.Qualified} is true: an immutable tag never moves to a newer image; name a version");
        }

        var monitoring = ReadBudget(reader, new MonitoringSettings(ReadRetention(reader), ReadEmails(reader)));

        if (reader.Problems.Count > 0)
        {
            throw new InvalidConfigurationException(reader.Problems);
        }

        return new PlatformSettings(
            source.StackName, suffix, region!, isProtected, extraTags, network, storage, notebook, training, batch, monitoring);
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
                $"is not a key this program understands{hint}; the keys are listed in Pulumi.yaml and the README");
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
                $"at most {TagSet.MaxExtraTags} extra tags fit beside the platform's and awsx's own (AWS allows {TagSet.MaxTagsPerResource} per resource)");
        }

        return tags;
    }

    private static NetworkSettings ReadNetwork(string stackName, Reader reader)
    {
        var cidrKey = SettingKeys.VpcCidr;
        var cidrText = reader.Text(cidrKey);
        var cidr = Ipv4Cidr.TryParse(cidrText, out var cidrError);
        if (cidr is null)
        {
            reader.Problem(cidrKey.Qualified, cidrText, cidrError!);
        }
        else if (cidr.Value.PrefixLength is < 16 or > 24)
        {
            reader.Problem(cidrKey.Qualified, cidrText, "must be a /16 to /24 network (AWS allows /16 to /28 for a VPC; below /24 there is no room for the subnets)");
            cidr = null;
        }

        var zones = reader.Integer(SettingKeys.AvailabilityZones, min: 1, max: 6);
        var maskKey = SettingKeys.SubnetCidrMask;
        var mask = reader.Integer(maskKey, min: 16, max: SubnetLayout.SmallestSubnetMask);
        if (cidr is { } vpc && zones is { } zoneCount && mask is { } subnetMask
            && !SubnetLayout.Fits(vpc, zoneCount, subnetMask))
        {
            var largest = SubnetLayout.LargestFittingSubnet(vpc, zoneCount);
            var advice = largest is null
                ? $"{vpc} is too small for {zoneCount} zones"
                : $"use /{largest} or smaller subnets, fewer zones or a larger VPC";
            reader.Problem(maskKey.Qualified, subnetMask.ToString(CultureInfo.InvariantCulture),
                $"{zoneCount} zones × {SubnetLayout.GroupsPerZone.Count} subnets of /{subnetMask} do not fit in {vpc}: each zone gets a /{SubnetLayout.ZoneBlockPrefix(vpc, zoneCount)} block; {advice}");
        }

        var networkStack = ReadNetworkStack(stackName, reader);
        var endpointServices = ReadEndpointServices(reader);
        var endpointZones = ReadEndpointZones(reader, zones);
        var network = new NetworkSettings(
            networkStack,
            cidr ?? default,
            zones ?? 0,
            mask ?? 0,
            endpointServices,
            endpointZones,
            reader.Boolean(SettingKeys.VpcFlowLogs));

        if (networkStack is not null)
        {
            // The VPC's shape belongs to the stack that owns it; a value here would be silently
            // ignored, so it is refused instead.
            foreach (var key in SharedNetworkKeys.Where(k => reader.Text(k) != k.Default))
            {
                reader.Problem(key.Qualified, reader.Text(key),
                    $"has no effect while {SettingKeys.NetworkStack.Qualified} is set: the VPC, its subnets, endpoints and flow logs belong to stack '{networkStack}'; set it there, or remove {SettingKeys.NetworkStack.Qualified}");
            }
        }

        return network;
    }

    /// <summary>Keys that shape a network this stack owns, and mean nothing on an attached one.</summary>
    private static IReadOnlyList<SettingKey> SharedNetworkKeys { get; } =
    [
        SettingKeys.VpcCidr, SettingKeys.AvailabilityZones, SettingKeys.SubnetCidrMask,
        SettingKeys.InterfaceEndpointZones, SettingKeys.VpcFlowLogs,
    ];

    private static string? ReadNetworkStack(string stackName, Reader reader)
    {
        var key = SettingKeys.NetworkStack;
        var value = reader.Text(key).Trim();
        if (value.Length == 0)
        {
            return null;
        }

        var parts = value.Split('/');
        if (parts.Length is not (1 or 3) || !parts.All(StackNamePartPattern().IsMatch))
        {
            reader.Problem(key.Qualified, value,
                $"must be a stack name (letters, digits, - _ . such as dev) or org/{SettingKeys.ProjectName}/stack, at most 100 characters a part");
            return null;
        }

        if (parts.Length == 3 && parts[1] != SettingKeys.ProjectName)
        {
            reader.Problem(key.Qualified, value,
                $"must name a stack of this project ({SettingKeys.ProjectName}): only its stacks export the network outputs this stack reads");
            return null;
        }

        if (parts[^1] == stackName)
        {
            reader.Problem(key.Qualified, value, $"a stack cannot attach to its own network ('{stackName}' is this stack)");
            return null;
        }

        return value;
    }

    private static List<string> ReadEndpointServices(Reader reader)
    {
        var key = SettingKeys.InterfaceEndpointServices;
        var services = reader.StringArray(key) ?? [];
        foreach (var service in services.Where(s => !InterfaceEndpointCatalog.IsKnown(s)))
        {
            var hint = InterfaceEndpointCatalog.Suggest(service) is { } near ? $" (did you mean {near}?)" : "";
            reader.Problem(key.Qualified, service,
                $"is not an interface endpoint service this program knows{hint}; give the short name (ecr.dkr, not com.amazonaws.us-east-1.ecr.dkr), one of: {string.Join(", ", InterfaceEndpointCatalog.Services)}");
        }

        foreach (var duplicate in services.GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            reader.Problem(key.Qualified, duplicate.Key, "is listed twice");
        }

        return services.Distinct(StringComparer.Ordinal).ToList();
    }

    private static int ReadEndpointZones(Reader reader, int? availabilityZones)
    {
        var key = SettingKeys.InterfaceEndpointZones;
        var text = reader.Text(key).Trim();
        if (text == AllZones)
        {
            return availabilityZones ?? 0;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var zones)
            || zones < 1 || (availabilityZones is { } total && zones > total))
        {
            var range = availabilityZones is { } az ? $"1 to {az} ({SettingKeys.AvailabilityZones.Qualified})" : $"1 to {SettingKeys.AvailabilityZones.Qualified}";
            reader.Problem(key.Qualified, text, $"must be {AllZones} or a number of zones from {range}: an endpoint needs a zone, and it can be only in the VPC's zones");
            return 0;
        }

        return zones;
    }

    private static NotebookSettings ReadNotebook(Reader reader)
    {
        var typeKey = SettingKeys.NotebookInstanceType;
        var instanceType = reader.Text(typeKey);
        var match = NotebookTypePattern().Match(instanceType);
        if (!match.Success)
        {
            reader.Problem(typeKey.Qualified, instanceType, "must be a SageMaker instance type such as ml.t3.medium or ml.m5.xlarge");
        }
        else if (UnsupportedNotebookFamilies.Contains(match.Groups["family"].Value))
        {
            reader.Problem(typeKey.Qualified, instanceType,
                $"the notebook-al2023-v1 platform does not support the {string.Join(", ", UnsupportedNotebookFamilies.Select(f => "ml." + f))} families");
        }

        return new NotebookSettings(
            reader.Boolean(SettingKeys.NotebookEnabled),
            instanceType,
            reader.Integer(SettingKeys.NotebookVolumeSizeGb, min: 5, max: 16384) ?? 0,
            reader.Boolean(SettingKeys.NotebookDirectInternetAccess),
            reader.Boolean(SettingKeys.NotebookRootAccess),
            ReadNotebookAccess(reader),
            ReadIdleStop(reader));
    }

    private static NotebookAccess ReadNotebookAccess(Reader reader)
    {
        var key = SettingKeys.NotebookAccess;
        var text = reader.Text(key);
        var known = Enum.GetValues<NotebookAccess>().ToDictionary(v => v.ToString().ToLowerInvariant(), v => v, StringComparer.Ordinal);
        if (known.TryGetValue(text, out var access))
        {
            return access;
        }

        reader.Problem(key.Qualified, text,
            $"must be one of {string.Join(", ", known.Keys)} (full attaches AmazonSageMakerFullAccess; scoped allows only this stack's training jobs)");
        return NotebookAccess.Full;
    }

    private static AccessLogSettings ReadAccessLogs(Reader reader) =>
        new(reader.Boolean(SettingKeys.BucketAccessLogs),
            reader.Integer(SettingKeys.AccessLogRetentionDays, min: 1, max: MaxAccessLogRetentionDays) ?? 0);

    /// <summary>
    /// The replica region: unset means no replication. A region S3 does not have, the stack's own
    /// region (cross-region replication needs a second one) or one in another partition (a role of
    /// one partition cannot write to buckets of another) is refused before anything is created.
    /// </summary>
    private static AwsRegion? ReadReplicaRegion(Reader reader, AwsRegion? stackRegion)
    {
        var key = SettingKeys.ReplicaRegion;
        var text = reader.Text(key);
        if (text.Length == 0)
        {
            return null;
        }

        var replica = AwsRegion.TryParse(text, out var rule);
        if (replica is null || !AwsRegions.Known.Contains(text))
        {
            reader.Problem(key.Qualified, text, rule ?? $"is not an AWS region this program knows; one of {string.Join(", ", AwsRegions.Known)}");
            return null;
        }

        if (stackRegion is null)
        {
            return replica;
        }

        if (replica.Name == stackRegion.Name)
        {
            reader.Problem(key.Qualified, text,
                $"is the stack's own region (aws:region); cross-region replication needs another region, or leave {key.Qualified} empty");
            return null;
        }

        if (replica.Partition != stackRegion.Partition)
        {
            reader.Problem(key.Qualified, text,
                $"is in the {replica.Partition} partition but the stack's region {stackRegion.Name} is in {stackRegion.Partition}; S3 replicates only within one partition");
            return null;
        }

        return replica;
    }

    private static int ReadIdleStop(Reader reader)
    {
        var key = SettingKeys.NotebookIdleStopMinutes;
        var minutes = reader.Integer(key, min: 0, max: NotebookIdleStop.MaxMinutes);
        if (minutes is > 0 and < NotebookIdleStop.MinMinutes)
        {
            reader.Problem(key.Qualified, reader.Text(key),
                $"must be 0 (never stop) or {NotebookIdleStop.MinMinutes} to {NotebookIdleStop.MaxMinutes}: the idle check runs every {NotebookIdleStop.CheckIntervalMinutes} minutes, and a notebook that stops within minutes of its start cannot be used");
            return 0;
        }

        return minutes ?? 0;
    }

    // The most instances the platform lets one training job ask for.
    private const int MaxTrainingInstanceCount = 32;

    private static TrainingSettings ReadTraining(Reader reader, bool immutableTags)
    {
        var runtime = reader.Integer(SettingKeys.TrainingMaxRuntimeSeconds, min: 1, max: SageMakerMaxRuntimeLimit);
        var waitKey = SettingKeys.TrainingMaxWaitSeconds;
        var wait = reader.Integer(waitKey, min: 1);
        if (wait < runtime)
        {
            reader.Problem(waitKey.Qualified, wait?.ToString(CultureInfo.InvariantCulture),
                $"must be at least {SettingKeys.TrainingMaxRuntimeSeconds.Qualified} ({runtime}): SageMaker rejects a spot training job that may wait less than it may run");
        }

        var typeKey = SettingKeys.TrainingInstanceType;
        var instanceType = reader.Text(typeKey);
        if (!TrainingInstanceTypes.IsTrainingType(instanceType))
        {
            var rule = NotebookTypePattern().IsMatch(instanceType)
                ? "is not an instance type SageMaker training accepts (ResourceConfig.InstanceType); see the SageMaker API reference for the list"
                : "must be a SageMaker training instance type such as ml.m5.xlarge or ml.g5.2xlarge";
            reader.Problem(typeKey.Qualified, instanceType, rule);
        }

        // The API has no upper bound; 32 keeps a typo from booking a cluster. A larger job is a
        // deliberate change here, next to the quota increase it needs.
        var count = reader.Integer(SettingKeys.TrainingInstanceCount, min: 1, max: MaxTrainingInstanceCount);

        // 16384 GB is the largest gp2 volume, the EBS type SageMaker gives training instances.
        var volume = reader.Integer(SettingKeys.TrainingVolumeSizeGb, min: 1, max: 16384);

        var tagKey = SettingKeys.TrainingImageTag;
        var tag = reader.Text(tagKey);
        if (!ImageTagPattern().IsMatch(tag))
        {
            reader.Problem(tagKey.Qualified, tag, "must be a Docker image tag: up to 128 letters, digits, _ . -, not starting with . or -");
        }
        else if (immutableTags && tag == LatestTag)
        {
            reader.Problem(tagKey.Qualified, tag,
                $"cannot be {LatestTag} while {SettingKeys.EcrImmutableTags.Qualified} is true: an immutable tag never moves to a newer image; name a version");
        }

        return new TrainingSettings(runtime ?? 0, wait ?? 0, instanceType, count ?? 0, volume ?? 0, tag);
    }

    private static BatchSettings ReadBatch(Reader reader)
    {
        var typesKey = SettingKeys.BatchInstanceTypes;
        var types = reader.StringArray(typesKey);
        if (types is [])
        {
            reader.Problem(typesKey.Qualified, reader.Text(typesKey), "must name at least one instance type");
        }

        foreach (var type in (types ?? []).Where(t => !BatchTypePattern().IsMatch(t)))
        {
            reader.Problem(typesKey.Qualified, type, "each entry must be an EC2 instance type (m5.xlarge), a family (m5) or optimal");
        }

        var strategyKey = SettingKeys.BatchAllocationStrategy;
        var strategy = reader.Text(strategyKey);
        if (!AllocationStrategies.Contains(strategy))
        {
            reader.Problem(strategyKey.Qualified, strategy, $"must be one of {string.Join(", ", AllocationStrategies)} (spot compute environments accept no other)");
        }

        var min = reader.Integer(SettingKeys.BatchMinVcpus, min: 0);
        var maxKey = SettingKeys.BatchMaxVcpus;
        var max = reader.Integer(maxKey, min: 1);
        if (min > max)
        {
            reader.Problem(maxKey.Qualified, max?.ToString(CultureInfo.InvariantCulture),
                $"must be at least {SettingKeys.BatchMinVcpus.Qualified} ({min})");
        }

        var bid = reader.Integer(SettingKeys.BatchBidPercentage, min: 1, max: 100);
        var tagKey = SettingKeys.JobImageTag;
        var tag = reader.Text(tagKey);
        if (!ImageTagPattern().IsMatch(tag))
        {
            reader.Problem(tagKey.Qualified, tag, "must be a Docker image tag: up to 128 letters, digits, _ . -, not starting with . or -");
        }

        var memory = reader.Integer(SettingKeys.JobMemoryMiB, min: 4);
        var vcpusKey = SettingKeys.JobVcpus;
        var vcpus = reader.Integer(vcpusKey, min: 1);
        var attempts = reader.Integer(SettingKeys.JobAttempts, min: 1, max: 10);
        var timeout = reader.Integer(SettingKeys.JobTimeoutSeconds, min: 60);

        if (memory is { } jobMemory && vcpus is { } jobVcpus && types is { Count: > 0 } listed
            && listed.All(BatchTypePattern().IsMatch)
            && !listed.Any(t => InstanceCapacity.CanHold(t, jobVcpus, jobMemory)))
        {
            reader.Problem(typesKey.Qualified, string.Join(",", listed),
                $"no listed type can hold a job of {jobVcpus} vCPUs and {jobMemory} MiB ({SettingKeys.JobVcpus.Qualified}, {SettingKeys.JobMemoryMiB.Qualified}); such jobs would wait in RUNNABLE forever");
        }

        if (vcpus > max)
        {
            reader.Problem(vcpusKey.Qualified, vcpus?.ToString(CultureInfo.InvariantCulture),
                $"a job cannot use more vCPUs than {maxKey.Qualified} ({max}) lets the environment run");
        }

        return new BatchSettings(
            types ?? [], strategy, min ?? 0, max ?? 0, bid ?? 0, tag, memory ?? 0, vcpus ?? 0, attempts ?? 0, timeout ?? 0);
    }

    private static int ReadRetention(Reader reader)
    {
        var key = SettingKeys.LogRetentionDays;
        var days = reader.Integer(key);
        if (days is { } value && !LogRetention.AcceptedDays.Contains(value))
        {
            reader.Problem(key.Qualified, reader.Text(key),
                $"CloudWatch Logs accepts only {string.Join(", ", LogRetention.AcceptedDays)} days");
        }

        return days ?? 0;
    }

    private static List<string> ReadEmails(Reader reader)
    {
        var key = SettingKeys.AlertEmails;
        var emails = reader.StringArray(key) ?? [];
        foreach (var email in emails.Where(e => !EmailPattern().IsMatch(e)))
        {
            reader.Problem(key.Qualified, email, "each entry must be an e-mail address such as ml-oncall@example.com");
        }

        foreach (var duplicate in emails.GroupBy(e => e, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            reader.Problem(key.Qualified, duplicate.Key, "is listed twice");
        }

        return emails;
    }

    [GeneratedRegex("^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$")]
    private static partial Regex ImageTagPattern();

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex StackNamePartPattern();

    [GeneratedRegex("^[^@\\s,;]+@[^@\\s,;]+\\.[a-zA-Z]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex SuffixPattern();

    [GeneratedRegex("^[\\p{L}\\p{N} _.:/=+\\-@]*$")]
    private static partial Regex TagTextPattern();

    [GeneratedRegex("^ml\\.(?<family>[a-z][a-z0-9]*)\\.(medium|large|xlarge|[1-9][0-9]*xlarge)$")]
    private static partial Regex NotebookTypePattern();

    [GeneratedRegex("^(optimal|[a-z][a-z0-9-]*(\\.(metal|nano|micro|small|medium|large|xlarge|[1-9][0-9]*xlarge|metal-[0-9]+xl))?)$")]
    private static partial Regex BatchTypePattern();

    /// <summary>Reads typed values, records a problem for each bad one and returns its default in its place.</summary>
    private sealed class Reader(Func<string, string?> lookup)
    {
        public List<ConfigProblem> Problems { get; } = [];

        public void Problem(string key, string? value, string rule) => Problems.Add(new ConfigProblem(key, value, rule));

        public string? Raw(string name) => lookup(name);

        public string Text(SettingKey key) => lookup(key.Name) ?? key.Default;

        public bool Boolean(SettingKey key)
        {
            var text = Text(key);
            if (bool.TryParse(text, out var value))
            {
                return value;
            }

            Problem(key.Qualified, text, "must be true or false");
            return bool.Parse(key.Default);
        }

        /// <summary>The value, or null (with a problem recorded) when it is not a number in range.</summary>
        public int? Integer(SettingKey key, int? min = null, int? max = null)
        {
            var text = Text(key);
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                Problem(key.Qualified, text, "must be a whole number");
                return null;
            }

            if ((min is { } lo && value < lo) || (max is { } hi && value > hi))
            {
                var range = (min, max) switch
                {
                    ({ } l, { } h) => $"must be between {l} and {h}",
                    ({ } l, null) => l == 1 ? "must be a positive number" : $"must be at least {l}",
                    (null, { } h) => $"must be at most {h}",
                    _ => "",
                };
                Problem(key.Qualified, text, range);
                return null;
            }

            return value;
        }

        /// <summary>The list, or null (with a problem recorded) when it is not a list of strings.</summary>
        public List<string>? StringArray(SettingKey key)
        {
            var text = Text(key);
            if (TryParseArray(text, out var items))
            {
                return items;
            }

            Problem(key.Qualified, text, "must be a list of strings (a YAML sequence such as [\"a\", \"b\"])");
            return null;
        }

        private static bool TryParseArray(string text, out List<string> items)
        {
            items = [];
            try
            {
                using var document = JsonDocument.Parse(text);
                if (document.RootElement.ValueKind != JsonValueKind.Array)
                {
                    return false;
                }

                foreach (var element in document.RootElement.EnumerateArray())
                {
                    if (element.ValueKind != JsonValueKind.String)
                    {
                        return false;
                    }

                    items.Add(element.GetString()!);
                }

                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }
}

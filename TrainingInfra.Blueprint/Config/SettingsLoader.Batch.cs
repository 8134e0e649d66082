using System.Globalization;
using System.Text.RegularExpressions;
using TrainingInfra.Blueprint.Batch;

namespace TrainingInfra.Blueprint.Config;

public static partial class SettingsLoader
{
    /// <summary>Allocation strategies a spot compute environment accepts.</summary>
    public static IReadOnlyList<string> AllocationStrategies { get; } =
        ["SPOT_PRICE_CAPACITY_OPTIMIZED", "SPOT_CAPACITY_OPTIMIZED", "BEST_FIT"];

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

    [GeneratedRegex("^(optimal|[a-z][a-z0-9-]*(\\.(metal|nano|micro|small|medium|large|xlarge|[1-9][0-9]*xlarge|metal-[0-9]+xl))?)$")]
    private static partial Regex BatchTypePattern();
}

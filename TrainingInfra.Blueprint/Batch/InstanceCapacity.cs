using System.Globalization;
using System.Text.RegularExpressions;

namespace TrainingInfra.Blueprint.Batch;

/// <summary>
/// The size of common general-purpose (m), compute-optimised (c) and memory-optimised (r) EC2
/// instance types, derived from their names: <c>large</c> has 2 vCPUs, <c>xlarge</c> 4 and
/// <c>Nxlarge</c> 4·N, with 2, 4 and 8 GiB per vCPU for c, m and r. That is enough to tell that a
/// job of 4 vCPUs can never be placed on an m5.large, which would leave it RUNNABLE forever.
/// Types it does not recognise (other families, variants with more memory, families without a size)
/// are reported as unknown and never rejected.
/// </summary>
public static partial class InstanceCapacity
{
    /// <summary>vCPUs and nominal memory of a recognised type, or null when unknown.</summary>
    public static (int Vcpus, int MemoryMiB)? TryDescribe(string instanceType)
    {
        var match = KnownType().Match(instanceType);
        if (!match.Success)
        {
            return null;
        }

        var size = match.Groups["size"].Value;
        var vcpus = size switch
        {
            "medium" => 1,
            "large" => 2,
            "xlarge" => 4,
            _ => 4 * int.Parse(size[..^"xlarge".Length], CultureInfo.InvariantCulture),
        };
        var gibPerVcpu = match.Groups["class"].Value switch
        {
            "c" => 2,
            "m" => 4,
            _ => 8,
        };
        return (vcpus, vcpus * gibPerVcpu * 1024);
    }

    /// <summary>
    /// Whether a job can be placed on the type: its vCPUs fit, and its memory is below the nominal
    /// memory (the ECS agent and the operating system always keep part of it).
    /// </summary>
    public static bool CanHold(string instanceType, int jobVcpus, int jobMemoryMiB) =>
        TryDescribe(instanceType) is not { } capacity
        || (jobVcpus <= capacity.Vcpus && jobMemoryMiB < capacity.MemoryMiB);

    [GeneratedRegex("^(?<class>[cmr])[5-8](a|i|g|d|ad|id|gd)?\\.(?<size>medium|large|xlarge|[1-9][0-9]?xlarge)$")]
    private static partial Regex KnownType();
}

namespace TrainingInfra.Blueprint.Network;

/// <summary>
/// How awsx's <c>Auto</c> subnet strategy carves the VPC: the range is split into one block per
/// availability zone (the prefix grows by ceil(log2(zones)) bits), and each zone's block must hold
/// one public and one isolated subnet of the configured mask. Knowing this lets a bad combination
/// of CIDR, zone count and mask be rejected before awsx fails half-way through a deployment.
/// </summary>
public static class SubnetLayout
{
    /// <summary>The subnet groups every zone gets, in awsx's allocation order.</summary>
    public static IReadOnlyList<string> GroupsPerZone { get; } = ["Public", "Private"];

    /// <summary>The smallest subnet AWS allows.</summary>
    public const int SmallestSubnetMask = 28;

    /// <summary>Prefix length of each zone's block under the Auto strategy.</summary>
    public static int ZoneBlockPrefix(Ipv4Cidr vpc, int zones) =>
        vpc.PrefixLength + (int)Math.Ceiling(Math.Log2(Math.Max(zones, 1)));

    /// <summary>Whether every zone's block holds all its subnets.</summary>
    public static bool Fits(Ipv4Cidr vpc, int zones, int subnetMask)
    {
        var zonePrefix = ZoneBlockPrefix(vpc, zones);
        if (zonePrefix > 32 || subnetMask < zonePrefix)
        {
            return false;
        }

        long zoneSize = 1L << (32 - zonePrefix);
        long needed = GroupsPerZone.Count * (1L << (32 - subnetMask));
        return needed <= zoneSize;
    }

    /// <summary>The largest subnet mask (smallest prefix number) that still fits, for error messages.</summary>
    public static int? LargestFittingSubnet(Ipv4Cidr vpc, int zones)
    {
        for (var mask = ZoneBlockPrefix(vpc, zones); mask <= SmallestSubnetMask; mask++)
        {
            if (Fits(vpc, zones, mask))
            {
                return mask;
            }
        }

        return null;
    }
}

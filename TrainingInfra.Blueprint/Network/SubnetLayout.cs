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

    /// <summary>
    /// The isolated subnet of a zone in a private network, which the program lays out itself (awsx
    /// does not build it): the first subnet of the zone's block, the block split as awsx's Auto
    /// strategy splits it, so that every combination <see cref="Fits"/> accepts fits here too.
    /// </summary>
    public static Ipv4Cidr PrivateIsolatedSubnet(Ipv4Cidr vpc, int zones, int subnetMask, int zoneIndex)
    {
        if (!Fits(vpc, zones, subnetMask) || zoneIndex < 0 || zoneIndex >= zones)
        {
            throw new ArgumentOutOfRangeException(nameof(zoneIndex), $"zone {zoneIndex} of {zones} has no /{subnetMask} in {vpc}");
        }

        var zoneSize = 1u << (32 - ZoneBlockPrefix(vpc, zones));
        return new Ipv4Cidr(vpc.Address + ((uint)zoneIndex * zoneSize), subnetMask);
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

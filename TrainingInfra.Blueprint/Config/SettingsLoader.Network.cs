using System.Globalization;
using System.Text.RegularExpressions;
using TrainingInfra.Blueprint.Network;

namespace TrainingInfra.Blueprint.Config;

public static partial class SettingsLoader
{
    /// <summary>The value of <see cref="SettingKeys.InterfaceEndpointZones"/> that means every zone of the VPC.</summary>
    public const string AllZones = "all";

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

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex StackNamePartPattern();
}

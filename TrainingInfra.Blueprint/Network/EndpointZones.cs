using TrainingInfra.Blueprint.Config;

namespace TrainingInfra.Blueprint.Network;

/// <summary>
/// Which of the VPC's zones carry each interface endpoint. Not every endpoint service is offered in
/// every zone of a region, and zone names map to different physical zones in each account, so the
/// zones come from the account itself: the VPC's zones (awsx takes the first
/// <c>availabilityZones</c> that <c>aws:index/getAvailabilityZones</c> lists, awsx/ec2/vpc.ts
/// <c>getDefaultAzs</c>) and each service's (EC2 DescribeVpcEndpointServices, read through
/// <c>aws:ec2/getVpcEndpointService</c>). An endpoint goes into the isolated subnets of the zones
/// that offer its service, as many as <c>interfaceEndpointZones</c> allows; a service offered in
/// none of them stops the stack before anything is created.
/// </summary>
/// <param name="ZonesByService">For each interface service (short name), the zone indices, in the
/// VPC's zone order, whose isolated subnets carry its endpoint; never empty.</param>
public sealed record EndpointZones(IReadOnlyDictionary<string, IReadOnlyList<int>> ZonesByService)
{
    /// <summary>
    /// Places the stack's interface endpoints. <paramref name="vpcZones"/> are the VPC's zones in
    /// the order of its isolated subnets; <paramref name="offeredZones"/> has, for each interface
    /// service the stack needs, the zones that offer it. Throws
    /// <see cref="InvalidConfigurationException"/> naming every service that no VPC zone offers.
    /// </summary>
    public static EndpointZones Place(
        PlatformSettings settings, IReadOnlyList<string> vpcZones, IReadOnlyDictionary<string, IReadOnlyList<string>> offeredZones)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(vpcZones);
        ArgumentNullException.ThrowIfNull(offeredZones);
        var zones = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
        var problems = new List<ConfigProblem>();
        foreach (var endpoint in VpcEndpointPlan.Interfaces(settings))
        {
            var offered = offeredZones.GetValueOrDefault(endpoint.Service) ?? [];
            var usable = Enumerable.Range(0, vpcZones.Count).Where(i => offered.Contains(vpcZones[i], StringComparer.Ordinal)).ToList();
            if (usable.Count == 0)
            {
                problems.Add(Unavailable(settings, endpoint, vpcZones, offered));
                continue;
            }

            zones[endpoint.Service] = usable.Take(settings.Network.InterfaceEndpointZones).ToList();
        }

        if (problems.Count > 0)
        {
            throw new InvalidConfigurationException(problems);
        }

        return new EndpointZones(zones) { VpcZones = vpcZones.ToList() };
    }

    /// <summary>
    /// The VPC's zones, in the order of its isolated subnets: a private network, which the program
    /// builds without awsx, puts its subnets into them.
    /// </summary>
    public IReadOnlyList<string> VpcZones { get; init; } = [];

    /// <summary>The isolated subnets, out of the VPC's in zone order, that carry a service's endpoint.</summary>
    public IReadOnlyList<T> SubnetsFor<T>(string service, IReadOnlyList<T> isolatedSubnets)
    {
        ArgumentNullException.ThrowIfNull(isolatedSubnets);
        return ZonesByService[service].Select(i => isolatedSubnets[i]).ToList();
    }

    private static ConfigProblem Unavailable(
        PlatformSettings settings, VpcEndpoint endpoint, IReadOnlyList<string> vpcZones, IReadOnlyList<string> offered)
    {
        // A service the teams asked for is theirs to drop; one the platform's own workloads need can
        // only be reached by a VPC in other zones.
        var askedFor = settings.Network.InterfaceEndpointServices.Contains(endpoint.Service, StringComparer.Ordinal);
        var key = askedFor ? SettingKeys.InterfaceEndpointServices : SettingKeys.AvailabilityZones;
        var elsewhere = offered.Count == 0 ? "in no zone this account sees" : "only in " + string.Join(", ", offered);
        var remedy = askedFor
            ? $"remove it from {key.Qualified}"
            : $"raise {key.Qualified} so that the VPC reaches a zone that offers it";
        var consumers = string.Join("; ", endpoint.Consumers.Select(c => c.Consumer).Distinct(StringComparer.Ordinal));
        return new ConfigProblem(key.Qualified, endpoint.Service,
            $"the interface endpoint service {endpoint.ServiceName} (needed by {consumers}) is offered in none of the VPC's zones ({string.Join(", ", vpcZones)}) but {elsewhere}; {remedy}");
    }
}

using TrainingInfra.Blueprint.Network;

namespace TrainingInfra.Blueprint.Config;

/// <summary>The VPC's shape, or the other stack whose VPC this stack uses.</summary>
/// <param name="NetworkStack">The stack whose network this stack attaches to, or null when it owns its network.
/// When set, the VPC's shape below is that stack's business and keeps its defaults here.</param>
/// <param name="VpcCidr">The VPC's IPv4 range.</param>
/// <param name="AvailabilityZones">How many zones; each gets a public and an isolated subnet.</param>
/// <param name="SubnetCidrMask">Prefix length of every subnet.</param>
/// <param name="InterfaceEndpointServices">Interface endpoints asked for by name, beyond those the workloads need.</param>
/// <param name="InterfaceEndpointZones">How many of the zones carry the interface endpoints (1 to <paramref name="AvailabilityZones"/>).</param>
/// <param name="FlowLogs">Whether the VPC's traffic is logged.</param>
/// <param name="Mode">Whether the stack's own network has a path to the internet (an attached network's
/// mode is the owner's: <see cref="AttachedNetwork.Mode"/>).</param>
public sealed record NetworkSettings(
    string? NetworkStack,
    Ipv4Cidr VpcCidr,
    int AvailabilityZones,
    int SubnetCidrMask,
    IReadOnlyList<string> InterfaceEndpointServices,
    int InterfaceEndpointZones,
    bool FlowLogs,
    NetworkMode Mode)
{
    /// <summary>Whether the stack creates its own VPC rather than attaching to another stack's.</summary>
    public bool OwnsNetwork => NetworkStack is null;

    /// <summary>Whether the stack's own network is private (an attaching stack's is the owner's business).</summary>
    public bool OwnsPrivateNetwork => OwnsNetwork && Mode == NetworkMode.Private;
}

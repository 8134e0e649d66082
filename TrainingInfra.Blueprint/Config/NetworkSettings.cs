using TrainingInfra.Blueprint.Network;

namespace TrainingInfra.Blueprint.Config;

/// <summary>The VPC's shape.</summary>
/// <param name="VpcCidr">The VPC's IPv4 range.</param>
/// <param name="AvailabilityZones">How many zones; each gets a public and an isolated subnet.</param>
/// <param name="SubnetCidrMask">Prefix length of every subnet.</param>
/// <param name="InterfaceEndpoints">Whether the isolated subnets get interface endpoints.</param>
/// <param name="FlowLogs">Whether the VPC's traffic is logged.</param>
public sealed record NetworkSettings(Ipv4Cidr VpcCidr, int AvailabilityZones, int SubnetCidrMask, bool InterfaceEndpoints, bool FlowLogs);

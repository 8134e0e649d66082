namespace TrainingInfra.Blueprint.Config;

public static partial class SettingKeys
{
    /// <summary>The VPC's IPv4 range.</summary>
    public static readonly SettingKey VpcCidr = new(
        "vpcCidr", SettingType.String, "10.220.0.0/16",
        "IPv4 CIDR of the VPC, /16 to /24, large enough for a public and an isolated subnet in every availability zone.");

    /// <summary>How many availability zones the VPC spans.</summary>
    public static readonly SettingKey AvailabilityZones = new(
        "availabilityZones", SettingType.Integer, "2",
        "Number of availability zones (1 to 6); each gets one public and one isolated subnet.");

    /// <summary>Prefix length of every subnet.</summary>
    public static readonly SettingKey SubnetCidrMask = new(
        "subnetCidrMask", SettingType.Integer, "24",
        "Prefix length of each subnet (16 to 28, and small enough that every subnet fits in the VPC CIDR).");

    /// <summary>Another stack of this project whose network this stack uses instead of its own.</summary>
    public static readonly SettingKey NetworkStack = new(
        "networkStack", SettingType.String, "",
        "Attach to the network of another stack of this project (a stack name such as dev, or org/training-infra/dev on Pulumi Cloud) instead of creating a VPC: the VPC, subnets, internet gateway, endpoints and flow logs are that stack's. Empty (the default) creates the stack's own network. A protected stack may attach only to a protected stack's network.");

    /// <summary>Interface endpoints that the teams' own training code needs.</summary>
    public static readonly SettingKey InterfaceEndpointServices = new(
        "interfaceEndpointServices", SettingType.StringArray, "[]",
        "Interface endpoints for calls that the teams' own training code makes from the isolated subnets, by service name (for example sts, sagemaker.api, secretsmanager), beside those the platform's workloads need; each bills per hour and zone. On a stack with networkStack set, each must exist in that stack's network.");

    /// <summary>How many zones carry the interface endpoints.</summary>
    public static readonly SettingKey InterfaceEndpointZones = new(
        "interfaceEndpointZones", SettingType.String, "all",
        "How many availability zones carry the interface endpoints: all, or a number from 1 to availabilityZones. An endpoint serves every subnet of the VPC, so one zone is enough outside production, at a cross-zone data charge and without surviving that zone's outage.");

    /// <summary>Whether the VPC's traffic is logged.</summary>
    public static readonly SettingKey VpcFlowLogs = new(
        "vpcFlowLogs", SettingType.Boolean, "false",
        "Log the VPC's accepted and rejected traffic (flow logs) into a log group with the platform's retention.");
}

namespace TrainingInfra.Blueprint.Network;

/// <summary>
/// The stack outputs through which a stack's network is shared: every stack exports them, and a
/// stack with <c>networkStack</c> set reads them from that stack. One list, so that what is
/// exported and what is read cannot drift apart.
/// </summary>
public static class NetworkOutputs
{
    /// <summary>The VPC's id (the CDK design's output).</summary>
    public const string VpcId = "VpcId";

    /// <summary>The VPC's IPv4 range.</summary>
    public const string VpcCidr = "VpcCidr";

    /// <summary>The public subnets, comma-separated: the notebook and the Batch instances go there in a
    /// public network; empty in a private one, which has none.</summary>
    public const string PublicSubnetIds = "PublicSubnetIds";

    /// <summary>The isolated subnets, comma-separated (the CDK design's name): training runs there.</summary>
    public const string PrivateSubnetIds = "PrivateSubnetIds";

    /// <summary>The security group of the interface endpoints (HTTPS from the VPC).</summary>
    public const string EndpointSecurityGroupId = "EndpointSecurityGroupId";

    /// <summary>The interface endpoint services in the VPC, comma-separated short names.</summary>
    public const string InterfaceEndpointServices = "InterfaceEndpointServices";

    /// <summary>The region of the VPC.</summary>
    public const string Region = "Region";

    /// <summary>The stack that owns the network: the stack itself, or the one it attached to.</summary>
    public const string NetworkOwner = "NetworkOwner";

    /// <summary>Whether the stack that owns the network is protected (true or false).</summary>
    public const string NetworkProtected = "NetworkProtected";

    /// <summary>The network's mode, public or private: where an attaching stack puts its notebook and Batch hosts.</summary>
    public const string NetworkMode = "NetworkMode";

    /// <summary>Every output an attaching stack reads.</summary>
    public static IReadOnlyList<string> Read { get; } =
    [
        VpcId, VpcCidr, PublicSubnetIds, PrivateSubnetIds, EndpointSecurityGroupId, InterfaceEndpointServices,
        Region, NetworkOwner, NetworkProtected, NetworkMode,
    ];

    /// <summary>The value of the <see cref="NetworkMode"/> output for a mode.</summary>
    public static string ModeName(Config.NetworkMode mode) => mode.ToString().ToLowerInvariant();

    /// <summary>A list output's value: ids joined by commas, as the CDK design wrote subnet ids.</summary>
    public static string JoinList(IEnumerable<string> items) => string.Join(",", items);

    /// <summary>A list output read back; an empty value is an empty list.</summary>
    public static IReadOnlyList<string> SplitList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

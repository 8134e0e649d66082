using Pulumi;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Network;

namespace TrainingInfra.Components;

/// <summary>What the network needs: the stack's settings and, for flow logs, the account.</summary>
public sealed class NetworkComponentArgs
{
    /// <summary>The validated settings of the stack.</summary>
    public required PlatformSettings Settings { get; init; }

    /// <summary>The AWS account the stack deploys to.</summary>
    public required Output<string> AccountId { get; init; }

    /// <summary>
    /// Which of the VPC's zones carry each interface endpoint, read from the account before any
    /// resource was registered; needed when the stack creates its own network.
    /// </summary>
    public EndpointZones? EndpointZones { get; init; }

    /// <summary>The stack's customer-managed data key, when it has one: the flow-log group is encrypted with it.</summary>
    public Output<string>? DataKeyArn { get; init; }
}

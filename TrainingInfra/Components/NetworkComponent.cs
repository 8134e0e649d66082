using System.Collections.Immutable;
using Pulumi;
using Pulumi.Awsx.Ec2;
using Pulumi.Awsx.Ec2.Inputs;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Network;
using Ec2 = Pulumi.Aws.Ec2;

namespace TrainingInfra.Components;

/// <summary>
/// The VPC: public (in public mode only) and isolated subnets in each zone, no NAT gateway, the S3
/// gateway endpoint on the route tables, and the interface endpoints the stack's workloads call
/// from the isolated subnets. Or, with <c>networkStack</c> set, another stack's VPC, read from that stack's outputs
/// before anything else of this stack is registered.
/// </summary>
public sealed partial class NetworkComponent : ComponentResource
{
    /// <summary>Creates the network, or attaches to another stack's.</summary>
    public NetworkComponent(string name, NetworkComponentArgs args, ComponentResourceOptions? options = null)
        : base("training-infra:components:Network", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = args.Settings;
        if (settings.Network.NetworkStack is { } owner)
        {
            var attached = ReadAttachedNetwork(settings, owner);
            VpcId = Output.Create(attached.VpcId);
            VpcCidr = Output.Create(attached.VpcCidr);
            PublicSubnetIds = Output.Create(attached.PublicSubnetIds.ToImmutableArray());
            IsolatedSubnetIds = Output.Create(attached.IsolatedSubnetIds.ToImmutableArray());
            EndpointSecurityGroupId = Output.Create(attached.EndpointSecurityGroupId);
            InterfaceEndpointServices = Output.Create(NetworkOutputs.JoinList(attached.InterfaceEndpointServices));
            NetworkOwner = owner.Split('/')[^1];
            NetworkProtected = attached.OwnerProtected;
            Mode = attached.Mode;
            HostSubnetIds = Output.Create(attached.HostSubnetIds.ToImmutableArray());
        }
        else
        {
            var zones = args.EndpointZones ?? throw new ArgumentException("a network of the stack's own needs its endpoint zones", nameof(args));
            Mode = settings.Network.Mode;
            if (Mode == NetworkMode.Private)
            {
                (VpcId, IsolatedSubnetIds) = CreatePrivateVpc(settings, zones);
                PublicSubnetIds = Output.Create(ImmutableArray<string>.Empty);
                HostSubnetIds = IsolatedSubnetIds;
            }
            else
            {
                var vpc = CreateVpc(settings);
                VpcId = vpc.VpcId;
                PublicSubnetIds = vpc.PublicSubnetIds;
                IsolatedSubnetIds = vpc.IsolatedSubnetIds;
                HostSubnetIds = PublicSubnetIds;
            }

            CloseDefaultSecurityGroup(VpcId, settings.Tags);
            VpcCidr = Output.Create(settings.Network.VpcCidr.ToString());
            var interfaceEndpoints = VpcEndpointPlan.Interfaces(settings);
            EndpointSecurityGroupId = CreateInterfaceEndpoints(settings, interfaceEndpoints, zones);
            InterfaceEndpointServices = Output.Create(NetworkOutputs.JoinList(interfaceEndpoints.Select(e => e.Service)));
            NetworkOwner = settings.StackName;
            NetworkProtected = settings.Protected;
            if (settings.Network.FlowLogs)
            {
                CreateFlowLogs(settings, args.AccountId, args.DataKeyArn, VpcId);
            }
        }

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["vpcId"] = VpcId,
            ["vpcCidr"] = VpcCidr,
            ["publicSubnetIds"] = PublicSubnetIds,
            ["isolatedSubnetIds"] = IsolatedSubnetIds,
            ["endpointSecurityGroupId"] = EndpointSecurityGroupId,
            ["interfaceEndpointServices"] = InterfaceEndpointServices,
            ["networkOwner"] = NetworkOwner,
            ["networkProtected"] = NetworkProtected,
            ["networkMode"] = NetworkOutputs.ModeName(Mode),
            ["hostSubnetIds"] = HostSubnetIds,
        });
    }

    /// <summary>The VPC's id.</summary>
    public Output<string> VpcId { get; }

    /// <summary>The VPC's IPv4 range.</summary>
    public Output<string> VpcCidr { get; }

    /// <summary>One public subnet per zone, with a route to the internet gateway; none in a private network.</summary>
    public Output<ImmutableArray<string>> PublicSubnetIds { get; }

    /// <summary>One isolated subnet per zone, without a route out: where training runs.</summary>
    public Output<ImmutableArray<string>> IsolatedSubnetIds { get; }

    /// <summary>Where the notebook and the Batch hosts run: the public subnets, or in a private network the isolated ones.</summary>
    public Output<ImmutableArray<string>> HostSubnetIds { get; }

    /// <summary>The network's mode: this stack's, or that of the network it attached to.</summary>
    public NetworkMode Mode { get; }

    /// <summary>The interface endpoints' security group.</summary>
    public Output<string> EndpointSecurityGroupId { get; }

    /// <summary>The interface endpoint services in the VPC, comma-separated.</summary>
    public Output<string> InterfaceEndpointServices { get; }

    /// <summary>The stack that owns the VPC: this one, or the one it attached to.</summary>
    public string NetworkOwner { get; }

    /// <summary>Whether the stack that owns the VPC is protected.</summary>
    public bool NetworkProtected { get; }

    /// <summary>
    /// Reads the owning stack's network outputs and checks them before the constructor returns:
    /// the stack creates its resources only after this component, so a missing output or a
    /// refused attachment stops the program before any of them is registered. Waiting here is
    /// safe: Pulumi constructs the stack without a synchronisation context, and the read is
    /// answered by the engine (by the mocks in tests), not by this thread.
    /// </summary>
    private AttachedNetwork ReadAttachedNetwork(PlatformSettings settings, string owner)
    {
        var reference = new StackReference("network-stack", new StackReferenceArgs
        {
            Name = AttachedNetwork.ReferenceName(owner, Deployment.Instance.OrganizationName),
        }, new CustomResourceOptions { Parent = this });

        var outputs = Task.WhenAll(NetworkOutputs.Read.Select(async output =>
                (Name: output, Details: await reference.GetOutputDetailsAsync(output).ConfigureAwait(false))))
            .GetAwaiter().GetResult()
            .Where(o => o.Details.Value is not null || o.Details.SecretValue is not null)
            .ToDictionary(o => o.Name, o => o.Details.Value ?? o.Details.SecretValue, StringComparer.Ordinal);
        try
        {
            return AttachedNetwork.FromOutputs(settings, outputs);
        }
        catch (InvalidConfigurationException error)
        {
            throw new RunException(error.Message, error);
        }
    }

    private Vpc CreateVpc(PlatformSettings settings)
    {
        var network = settings.Network;
        var tags = settings.Tags;

        // Every awsx strategy is explicit: its defaults (a NAT gateway per zone, the Legacy subnet
        // and endpoint strategies) are not the platform's.
        return new Vpc(settings.Names.Vpc, new VpcArgs
        {
            CidrBlock = network.VpcCidr.ToString(),
            NumberOfAvailabilityZones = network.AvailabilityZones,
            NatGateways = new NatGatewayConfigurationArgs { Strategy = NatGatewayStrategy.None },
            SubnetStrategy = SubnetAllocationStrategy.Auto,
            SubnetSpecs =
            {
                new SubnetSpecArgs { Type = SubnetType.Public, Name = SubnetLayout.GroupsPerZone[0], CidrMask = network.SubnetCidrMask },
                new SubnetSpecArgs { Type = SubnetType.Isolated, Name = SubnetLayout.GroupsPerZone[1], CidrMask = network.SubnetCidrMask },
            },
            // Private DNS of the interface endpoints resolves only with both switched on.
            EnableDnsHostnames = true,
            EnableDnsSupport = true,
            // Auto attaches a gateway endpoint to every route table of the VPC, which includes
            // the isolated subnets' ones; Legacy would attach it to none.
            VpcEndpointStrategy = VpcEndpointStrategy.Auto,
            VpcEndpointSpecs = VpcEndpointPlan.Gateways(settings)
                .Select(e => new VpcEndpointSpecArgs { ServiceName = e.ServiceName, VpcEndpointType = e.Type, Tags = tags })
                .ToList(),
            Tags = tags,
        }, new ComponentResourceOptions { Parent = this });
    }

    /// <summary>
    /// Takes over the default security group that AWS creates with every VPC and leaves it with no
    /// rules at all: nothing of the platform uses it, and its default rules (all traffic between
    /// members, all outbound) would quietly apply to anything launched without a group. The
    /// provider removes every existing rule when it adopts the group; removing this resource from
    /// the stack leaves the group as it is.
    /// </summary>
    private void CloseDefaultSecurityGroup(Output<string> vpcId, ImmutableDictionary<string, string> tags)
    {
        _ = new Ec2.DefaultSecurityGroup("default-security-group", new Ec2.DefaultSecurityGroupArgs
        {
            VpcId = vpcId,
            Tags = tags,
        }, new CustomResourceOptions { Parent = this });
    }
}

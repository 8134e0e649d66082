using System.Collections.Immutable;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Iam;
using Pulumi.Aws.Vpc;
using Pulumi.Awsx.Ec2;
using Pulumi.Awsx.Ec2.Inputs;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Network;
using Ec2 = Pulumi.Aws.Ec2;

namespace TrainingInfra.Components;

/// <summary>
/// The VPC: public and isolated subnets in each zone, no NAT gateway, the S3 gateway endpoint on
/// the route tables, and interface endpoints that give the isolated subnets their only way to
/// AWS services.
/// </summary>
public sealed class NetworkComponent : ComponentResource
{
    /// <summary>Creates the network.</summary>
    public NetworkComponent(string name, NetworkComponentArgs args, ComponentResourceOptions? options = null)
        : base("training-infra:components:Network", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = args.Settings;
        var network = settings.Network;
        var tags = settings.Tags;
        var endpoints = VpcEndpointPlan.For(settings.Region, network.InterfaceEndpoints);

        // Every awsx strategy is explicit: its defaults (a NAT gateway per zone, the Legacy subnet
        // and endpoint strategies) are not the platform's.
        var vpc = new Vpc(settings.Names.Vpc, new VpcArgs
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
            VpcEndpointSpecs = endpoints
                .Where(e => e.Type == VpcEndpointPlan.Gateway)
                .Select(e => new VpcEndpointSpecArgs { ServiceName = e.ServiceName, VpcEndpointType = e.Type, Tags = tags })
                .ToList(),
            Tags = tags,
        }, new ComponentResourceOptions { Parent = this });
        CloseDefaultSecurityGroup(vpc.VpcId, tags);

        VpcId = vpc.VpcId;
        PublicSubnetIds = vpc.PublicSubnetIds;
        IsolatedSubnetIds = vpc.IsolatedSubnetIds;

        var interfaceEndpoints = endpoints.Where(e => e.Type == VpcEndpointPlan.Interface).ToList();
        if (interfaceEndpoints.Count > 0)
        {
            CreateInterfaceEndpoints(settings.Names.Vpc, network.VpcCidr.ToString(), interfaceEndpoints, tags);
        }

        if (network.FlowLogs)
        {
            CreateFlowLogs(settings, args.AccountId, args.DataKeyArn, vpc.VpcId);
        }

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["vpcId"] = VpcId,
            ["publicSubnetIds"] = PublicSubnetIds,
            ["isolatedSubnetIds"] = IsolatedSubnetIds,
        });
    }

    /// <summary>The VPC's id.</summary>
    public Output<string> VpcId { get; }

    /// <summary>One public subnet per zone, with a route to the internet gateway.</summary>
    public Output<ImmutableArray<string>> PublicSubnetIds { get; }

    /// <summary>One isolated subnet per zone, without a route out: where training runs.</summary>
    public Output<ImmutableArray<string>> IsolatedSubnetIds { get; }

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

    private void CreateFlowLogs(PlatformSettings settings, Output<string> accountId, Output<string>? dataKeyArn, Output<string> vpcId)
    {
        var options = new CustomResourceOptions { Parent = this };
        var logGroupArgs = new LogGroupArgs
        {
            Name = settings.Names.FlowLogGroup,
            RetentionInDays = settings.Monitoring.LogRetentionDays,
            Tags = settings.Tags,
        };
        if (dataKeyArn is not null)
        {
            logGroupArgs.KmsKeyId = dataKeyArn;
        }

        var logGroup = new LogGroup("vpc-flow-logs", logGroupArgs, options);

        var role = new Role("vpc-flow-logs", new RoleArgs
        {
            Description = $"Delivers the flow logs of {settings.Names.Vpc} to {settings.Names.FlowLogGroup}",
            AssumeRolePolicy = accountId.Apply(FlowLogPolicies.Trust),
            Tags = settings.Tags,
        }, options);

        _ = new RolePolicy("vpc-flow-logs-delivery", new RolePolicyArgs
        {
            Role = role.Name,
            Policy = logGroup.Arn.Apply(FlowLogPolicies.Delivery),
        }, new CustomResourceOptions { Parent = role });

        _ = new Ec2.FlowLog("vpc-flow-logs", new Ec2.FlowLogArgs
        {
            VpcId = vpcId,
            TrafficType = FlowLogPolicies.TrafficType,
            LogDestinationType = "cloud-watch-logs",
            LogDestination = logGroup.Arn,
            IamRoleArn = role.Arn,
            MaxAggregationInterval = FlowLogPolicies.MaxAggregationIntervalSeconds,
            Tags = settings.Tags,
        }, options);
    }

    private void CreateInterfaceEndpoints(
        string vpcName, string vpcCidr, IReadOnlyList<VpcEndpoint> endpoints, ImmutableDictionary<string, string> tags)
    {
        var securityGroup = new Ec2.SecurityGroup("vpc-endpoints", new Ec2.SecurityGroupArgs
        {
            VpcId = VpcId,
            Description = $"HTTPS from inside {vpcName} to its interface VPC endpoints",
            Tags = tags,
        }, new CustomResourceOptions { Parent = this });

        _ = new SecurityGroupIngressRule("vpc-endpoints-https-from-vpc", new SecurityGroupIngressRuleArgs
        {
            SecurityGroupId = securityGroup.Id,
            IpProtocol = "tcp",
            FromPort = VpcEndpointPlan.HttpsPort,
            ToPort = VpcEndpointPlan.HttpsPort,
            CidrIpv4 = vpcCidr,
            Description = "HTTPS from the VPC",
            Tags = tags,
        }, new CustomResourceOptions { Parent = securityGroup });

        foreach (var endpoint in endpoints)
        {
            _ = new Ec2.VpcEndpoint(endpoint.ResourceName, new Ec2.VpcEndpointArgs
            {
                VpcId = VpcId,
                ServiceName = endpoint.ServiceName,
                VpcEndpointType = endpoint.Type,
                PrivateDnsEnabled = true,
                SubnetIds = IsolatedSubnetIds,
                SecurityGroupIds = { securityGroup.Id },
                Tags = tags,
            }, new CustomResourceOptions { Parent = this });
        }
    }
}

using System.Collections.Immutable;
using Pulumi;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Network;
using Ec2 = Pulumi.Aws.Ec2;

namespace TrainingInfra.Components;

public sealed partial class NetworkComponent
{
    /// <summary>
    /// A private network, built from plain EC2 resources rather than awsx: awsx 3.8.0's Vpc creates an
    /// internet gateway whatever its subnets are (awsx/ec2/vpc.ts, "We unconditionally create the
    /// IGW"), and a private network must not have one. Built this way, every piece is a resource of
    /// its own, which the mock runtime registers and the tests can see (awsx's children it never
    /// registers). One isolated subnet per zone, each with its own route table that holds nothing
    /// but the VPC's local route and the S3 gateway endpoint's prefix-list route.
    /// </summary>
    private (Output<string> VpcId, Output<ImmutableArray<string>> IsolatedSubnetIds) CreatePrivateVpc(
        PlatformSettings settings, EndpointZones zones)
    {
        var network = settings.Network;
        var tags = settings.Tags;
        var vpcName = settings.Names.Vpc;
        var vpc = new Ec2.Vpc(vpcName, new Ec2.VpcArgs
        {
            CidrBlock = network.VpcCidr.ToString(),
            // Private DNS of the interface endpoints resolves only with both switched on.
            EnableDnsHostnames = true,
            EnableDnsSupport = true,
            Tags = tags.SetItem("Name", vpcName),
        }, new CustomResourceOptions { Parent = this });

        var subnetIds = new List<Output<string>>();
        var routeTableIds = new List<Output<string>>();
        for (var zone = 0; zone < network.AvailabilityZones; zone++)
        {
            // Named and tagged as awsx names and tags its isolated subnets, so that people and
            // scripts find them the same way in either mode.
            var subnetName = $"{vpcName}-{SubnetLayout.GroupsPerZone[1]}-{zone + 1}";
            var subnet = new Ec2.Subnet(subnetName, new Ec2.SubnetArgs
            {
                VpcId = vpc.Id,
                CidrBlock = SubnetLayout.PrivateIsolatedSubnet(network.VpcCidr, network.AvailabilityZones, network.SubnetCidrMask, zone).ToString(),
                AvailabilityZone = zones.VpcZones[zone],
                // Said out loud although it is EC2's default: nothing launched here gets a public address.
                MapPublicIpOnLaunch = false,
                Tags = tags.SetItem("Name", subnetName).SetItem("SubnetType", "Isolated"),
            }, new CustomResourceOptions { Parent = vpc });
            var routeTable = new Ec2.RouteTable(subnetName, new Ec2.RouteTableArgs
            {
                VpcId = vpc.Id,
                Tags = tags.SetItem("Name", subnetName),
            }, new CustomResourceOptions { Parent = subnet });
            _ = new Ec2.RouteTableAssociation(subnetName, new Ec2.RouteTableAssociationArgs
            {
                RouteTableId = routeTable.Id,
                SubnetId = subnet.Id,
            }, new CustomResourceOptions { Parent = routeTable });
            subnetIds.Add(subnet.Id);
            routeTableIds.Add(routeTable.Id);
        }

        // The S3 gateway endpoint on every route table, as awsx's Auto strategy attaches it in a
        // public network: its prefix-list route is the only way out of the subnets.
        foreach (var gateway in VpcEndpointPlan.Gateways(settings))
        {
            _ = new Ec2.VpcEndpoint(gateway.ResourceName, new Ec2.VpcEndpointArgs
            {
                VpcId = vpc.Id,
                ServiceName = gateway.ServiceName,
                VpcEndpointType = gateway.Type,
                RouteTableIds = Output.All(routeTableIds),
                Tags = tags,
            }, new CustomResourceOptions { Parent = this });
        }

        return (vpc.Id, Output.All(subnetIds));
    }
}

using System.Collections.Immutable;
using Pulumi;
using Pulumi.Aws.Vpc;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Network;
using Ec2 = Pulumi.Aws.Ec2;

namespace TrainingInfra.Components;

public sealed partial class NetworkComponent
{
    private Output<string> CreateInterfaceEndpoints(PlatformSettings settings, IReadOnlyList<VpcEndpoint> endpoints, EndpointZones zones)
    {
        var tags = settings.Tags;
        var vpcCidr = settings.Network.VpcCidr.ToString();

        // Created even before any endpoint needs it: stacks attached to this network read its id.
        var securityGroup = new Ec2.SecurityGroup("vpc-endpoints", new Ec2.SecurityGroupArgs
        {
            VpcId = VpcId,
            Description = $"HTTPS from inside {settings.Names.Vpc} to its interface VPC endpoints",
            Tags = tags,
        }, new CustomResourceOptions { Parent = this });

        // The whole VPC's range: the security groups of stacks attached to this network are in it too.
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

        // An endpoint answers every subnet of the VPC from whichever zones it is in, so fewer
        // zones trade resilience and a cross-zone data charge for fewer hourly endpoint-zones. Each
        // goes only into zones that offer its service (EndpointZones).
        foreach (var endpoint in endpoints)
        {
            var endpointSubnets = IsolatedSubnetIds.Apply(ids => zones.SubnetsFor(endpoint.Service, ids).ToImmutableArray());
            _ = new Ec2.VpcEndpoint(endpoint.ResourceName, new Ec2.VpcEndpointArgs
            {
                VpcId = VpcId,
                ServiceName = endpoint.ServiceName,
                VpcEndpointType = endpoint.Type,
                PrivateDnsEnabled = true,
                SubnetIds = endpointSubnets,
                SecurityGroupIds = { securityGroup.Id },
                Tags = tags,
            }, new CustomResourceOptions { Parent = this });
        }

        return securityGroup.Id;
    }
}

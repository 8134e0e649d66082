using Pulumi;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Network;
using Ec2 = Pulumi.Aws.Ec2;

namespace TrainingInfra;

/// <summary>
/// Reads from the stack's account which zones its VPC will use and which of them offer each
/// interface endpoint service the stack needs, and places the endpoints (<see cref="EndpointZones"/>).
/// It runs before any resource is registered, so a service no VPC zone offers stops the program
/// with nothing created. Waiting here is safe for the same reason as the network stack's read
/// (NetworkComponent): Pulumi constructs the stack without a synchronisation context, and the
/// engine (the mocks in tests) answers the reads.
/// </summary>
internal static class AccountZones
{
    /// <summary>The endpoints' zones for a stack that creates its own network.</summary>
    public static EndpointZones Read(PlatformSettings settings)
    {
        // The call and the slice that awsx makes to choose the VPC's zones (awsx/ec2/vpc.ts,
        // getDefaultAzs: getAvailabilityZones() without arguments, then the first
        // numberOfAvailabilityZones names); its isolated subnets follow that order.
        var vpcZones = Pulumi.Aws.GetAvailabilityZones.InvokeAsync().GetAwaiter().GetResult()
            .Names.Take(settings.Network.AvailabilityZones).ToList();

        var interfaces = VpcEndpointPlan.Interfaces(settings);
        var offered = Task.WhenAll(interfaces.Select(async endpoint =>
            {
                var service = await Ec2.GetVpcEndpointService.InvokeAsync(new Ec2.GetVpcEndpointServiceArgs
                {
                    ServiceName = endpoint.ServiceName,
                    ServiceType = VpcEndpointPlan.Interface,
                }).ConfigureAwait(false);
                return (endpoint.Service, Zones: (IReadOnlyList<string>)service.AvailabilityZones.ToList());
            }))
            .GetAwaiter().GetResult()
            .ToDictionary(e => e.Service, e => e.Zones, StringComparer.Ordinal);

        try
        {
            return EndpointZones.Place(settings, vpcZones, offered);
        }
        catch (InvalidConfigurationException error)
        {
            throw new RunException(error.Message, error);
        }
    }
}

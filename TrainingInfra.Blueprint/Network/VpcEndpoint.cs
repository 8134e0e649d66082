namespace TrainingInfra.Blueprint.Network;

/// <summary>A VPC endpoint the platform creates, and who needs it.</summary>
/// <param name="Service">The service's short name, e.g. <c>ecr.dkr</c>.</param>
/// <param name="ServiceName">The full endpoint service name, e.g. <c>com.amazonaws.us-east-1.ecr.dkr</c>.</param>
/// <param name="Type"><c>Gateway</c> or <c>Interface</c>.</param>
/// <param name="Consumers">The calls that go through it; never empty.</param>
public sealed record VpcEndpoint(string Service, string ServiceName, string Type, IReadOnlyList<EndpointNeed> Consumers)
{
    /// <summary>A resource name derived from the service, e.g. <c>ecr-dkr-endpoint</c>.</summary>
    public string ResourceName => Service.Replace('.', '-') + "-endpoint";
}

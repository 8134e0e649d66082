using Pulumi.Testing;
using static TrainingInfra.Mocks.Guardrails.Scan;

namespace TrainingInfra.Mocks.Guardrails;

/// <summary>
/// What a private network promises (networkMode private): no resource with a public address, no
/// internet or NAT gateway, no route towards the internet. The rule looks at every registered
/// resource, whichever way the VPC is built, and at awsx's inputs where awsx is used: awsx's
/// children never reach the mock runtime, but its Vpc always creates an internet gateway
/// (awsx/ec2/vpc.ts at v3.8.0), so its presence alone is a finding.
/// </summary>
public static class PrivateNetworkRules
{
    private const string InternetGateway = "aws:ec2/internetGateway:InternetGateway";
    private const string EgressOnlyInternetGateway = "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway";
    private const string NatGateway = "aws:ec2/natGateway:NatGateway";
    private const string ElasticIp = "aws:ec2/eip:Eip";
    private const string Route = "aws:ec2/route:Route";
    private const string RouteTable = "aws:ec2/routeTable:RouteTable";
    private const string Instance = "aws:ec2/instance:Instance";

    /// <summary>TI.NET.3: in a private network, nothing has a public address or a path to the internet.</summary>
    public static GuardrailRule NoPathToTheInternet { get; } = new(
        "TI.NET.3", "In a private network, nothing has a public address, an internet or NAT gateway, or a route to the internet",
        s => s.Network.OwnsPrivateNetwork,
        run => run.Registered.Where(r => r.Type is AwsxVpc or PlainVpc or Subnet or RouteTable or Route or LaunchTemplate or Notebook
            or InternetGateway or EgressOnlyInternetGateway or NatGateway or ElasticIp or Instance).ToList(),
        run => run.Registered.SelectMany(Problems).Select(p => Finding("TI.NET.3", p.Resource, p.Problem)));

    private static IEnumerable<(MockResourceArgs Resource, string Problem)> Problems(MockResourceArgs r)
    {
        switch (r.Type)
        {
            case AwsxVpc:
                yield return (r, "awsx's Vpc always creates an internet gateway");
                break;
            case InternetGateway or EgressOnlyInternetGateway or NatGateway:
                yield return (r, "is a gateway to the internet");
                break;
            case ElasticIp:
                yield return (r, "is a public address");
                break;
            case Subnet when r.Flag("mapPublicIpOnLaunch") == true || r.Flag("assignIpv6AddressOnCreation") == true:
                yield return (r, "gives instances public addresses on launch");
                break;
            case Route when IsDefaultRoute(r.Text("destinationCidrBlock"), r.Text("destinationIpv6CidrBlock")) || r.Text("gatewayId") is { Length: > 0 }:
                yield return (r, "routes towards the internet");
                break;
            case RouteTable when r.List("routes").Select(x => x.AsMap()).Any(route =>
                    IsDefaultRoute(route.GetValueOrDefault("cidrBlock") as string, route.GetValueOrDefault("ipv6CidrBlock") as string)
                    || route.GetValueOrDefault("gatewayId") is string { Length: > 0 }):
                yield return (r, "routes towards the internet");
                break;
            case LaunchTemplate when r.List("networkInterfaces").Select(x => x.AsMap())
                    .Any(n => n.GetValueOrDefault("associatePublicIpAddress") is "true" or true):
                yield return (r, "gives its instances public addresses");
                break;
            case Instance when r.Flag("associatePublicIpAddress") == true:
                yield return (r, "has a public address");
                break;
            case Notebook when r.Text("directInternetAccess") != "Disabled":
                yield return (r, "has SageMaker's direct internet access");
                break;
        }
    }

    private static bool IsDefaultRoute(string? ipv4, string? ipv6) => ipv4 == "0.0.0.0/0" || ipv6 == "::/0";
}

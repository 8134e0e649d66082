namespace TrainingInfra.Blueprint.Network;

/// <summary>Values the platform's security-group rules share.</summary>
public static class SecurityGroupRules
{
    /// <summary>EC2's protocol value for every protocol and port.</summary>
    public const string AllTraffic = "-1";

    /// <summary>Every IPv4 destination: used for egress only, never for ingress.</summary>
    public const string AnyIpv4 = "0.0.0.0/0";
}

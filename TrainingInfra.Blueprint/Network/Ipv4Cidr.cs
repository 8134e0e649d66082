using System.Globalization;

namespace TrainingInfra.Blueprint.Network;

/// <summary>An IPv4 network in CIDR notation, such as <c>10.220.0.0/16</c>.</summary>
/// <param name="Address">The network address as a 32-bit number.</param>
/// <param name="PrefixLength">The number of network bits, 0 to 32.</param>
public readonly record struct Ipv4Cidr(uint Address, int PrefixLength)
{
    /// <summary>How many addresses the network holds.</summary>
    public long AddressCount => 1L << (32 - PrefixLength);

    /// <summary>
    /// Parses <c>a.b.c.d/n</c>. Returns null, with a reason, when the text is not a CIDR or its
    /// address has bits set beyond the prefix (AWS would silently use a different network).
    /// </summary>
    public static Ipv4Cidr? TryParse(string text, out string? error)
    {
        error = null;
        var parts = text.Split('/');
        if (parts.Length != 2)
        {
            error = "must be an IPv4 CIDR such as 10.220.0.0/16";
            return null;
        }

        var octets = parts[0].Split('.');
        if (octets.Length != 4 || !octets.All(IsOctet)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
            || prefix > 32 || parts[1].Length > 2)
        {
            error = "must be an IPv4 CIDR such as 10.220.0.0/16";
            return null;
        }

        var address = octets.Aggregate(0u, (acc, o) => (acc << 8) | uint.Parse(o, CultureInfo.InvariantCulture));
        var hostMask = prefix == 0 ? uint.MaxValue : (1u << (32 - prefix)) - 1;
        if ((address & hostMask) != 0)
        {
            var network = new Ipv4Cidr(address & ~hostMask, prefix);
            error = $"has host bits set; the network address of a /{prefix} here is {network}";
            return null;
        }

        return new Ipv4Cidr(address, prefix);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Address >> 24}.{(Address >> 16) & 255}.{(Address >> 8) & 255}.{Address & 255}/{PrefixLength}";

    private static bool IsOctet(string text) =>
        text.Length is > 0 and <= 3
        && text.All(char.IsAsciiDigit)
        && (text.Length == 1 || text[0] != '0')
        && int.Parse(text, CultureInfo.InvariantCulture) <= 255;
}

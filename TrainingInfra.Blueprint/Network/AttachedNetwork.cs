using System.Collections;
using System.Globalization;
using TrainingInfra.Blueprint.Config;

namespace TrainingInfra.Blueprint.Network;

/// <summary>
/// The network of another stack, as its outputs describe it, checked before this stack registers
/// anything on it.
/// </summary>
/// <param name="OwnerStack">The stack that owns the network, as <c>networkStack</c> names it.</param>
/// <param name="VpcId">The VPC.</param>
/// <param name="VpcCidr">The VPC's IPv4 range.</param>
/// <param name="PublicSubnetIds">One public subnet per zone.</param>
/// <param name="IsolatedSubnetIds">One isolated subnet per zone.</param>
/// <param name="EndpointSecurityGroupId">The interface endpoints' security group.</param>
/// <param name="InterfaceEndpointServices">The interface endpoint services in the VPC.</param>
/// <param name="OwnerProtected">Whether the owning stack is protected.</param>
/// <param name="Mode">The network's mode: in a private one, the attaching stack's notebook and Batch
/// hosts go into the isolated subnets, as the owner's do.</param>
public sealed record AttachedNetwork(
    string OwnerStack,
    string VpcId,
    string VpcCidr,
    IReadOnlyList<string> PublicSubnetIds,
    IReadOnlyList<string> IsolatedSubnetIds,
    string EndpointSecurityGroupId,
    IReadOnlyList<string> InterfaceEndpointServices,
    bool OwnerProtected,
    NetworkMode Mode)
{
    /// <summary>The subnets where the attaching stack's notebook and Batch hosts run.</summary>
    public IReadOnlyList<string> HostSubnetIds => Mode == NetworkMode.Private ? IsolatedSubnetIds : PublicSubnetIds;

    /// <summary>
    /// The name a stack reference needs: Pulumi resolves only fully qualified names
    /// (<c>org/project/stack</c>; on a self-managed backend the organisation is literally
    /// <c>organization</c>), so a bare stack name is qualified with this program's project and the
    /// running stack's organisation. Source: https://www.pulumi.com/docs/iac/concepts/stacks/
    /// ("Stack references", read 2026-12-01).
    /// </summary>
    public static string ReferenceName(string networkStack, string organization)
    {
        ArgumentNullException.ThrowIfNull(networkStack);
        return networkStack.Contains('/', StringComparison.Ordinal)
            ? networkStack
            : $"{organization}/{SettingKeys.ProjectName}/{networkStack}";
    }

    /// <summary>
    /// Reads the owning stack's outputs for the attaching stack. Throws
    /// <see cref="InvalidConfigurationException"/> naming <c>networkStack</c>, the owning stack
    /// and every problem at once: an output missing, another region, a network that is itself
    /// borrowed, a protected stack on an ephemeral stack's network, or an endpoint this stack
    /// needs that the network lacks.
    /// </summary>
    /// <param name="settings">The attaching stack's settings; its <c>networkStack</c> is set.</param>
    /// <param name="outputs">The owning stack's outputs that exist, by name (values as Pulumi returns them).</param>
    public static AttachedNetwork FromOutputs(PlatformSettings settings, IReadOnlyDictionary<string, object?> outputs)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(outputs);
        var owner = settings.Network.NetworkStack
            ?? throw new ArgumentException("the stack does not attach to another stack's network", nameof(settings));
        var key = SettingKeys.NetworkStack.Qualified;
        var problems = new List<ConfigProblem>();

        string Text(string name)
        {
            switch (outputs.GetValueOrDefault(name))
            {
                case string text when text.Length > 0:
                    return text;
                case "" when name == NetworkOutputs.PublicSubnetIds:
                    // A private network has no public subnet.
                    return "";
                case bool flag:
                    return flag ? "true" : "false";
                case IEnumerable items and not string:
                    return NetworkOutputs.JoinList(items.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture) ?? ""));
                case null when !outputs.ContainsKey(name):
                    problems.Add(new ConfigProblem(key, owner,
                        $"stack '{owner}' does not export the output {name}, which this stack reads to use its network; run pulumi up on '{owner}' with this version of the program first"));
                    return "";
                default:
                    problems.Add(new ConfigProblem(key, owner, $"stack '{owner}' exports {name} empty; its network cannot be used"));
                    return "";
            }
        }

        var values = NetworkOutputs.Read.ToDictionary(name => name, Text, StringComparer.Ordinal);
        var mode = Enum.GetValues<NetworkMode>().Cast<NetworkMode?>()
            .FirstOrDefault(m => NetworkOutputs.ModeName(m!.Value) == values[NetworkOutputs.NetworkMode]);
        if (problems.Count == 0 && mode is null)
        {
            problems.Add(new ConfigProblem(key, owner,
                $"stack '{owner}' exports {NetworkOutputs.NetworkMode} as '{values[NetworkOutputs.NetworkMode]}', which is neither public nor private"));
        }

        if (problems.Count == 0)
        {
            CheckCompatible(settings, owner, values, mode!.Value, problems);
        }

        if (problems.Count > 0)
        {
            throw new InvalidConfigurationException(problems);
        }

        return new AttachedNetwork(
            owner,
            values[NetworkOutputs.VpcId],
            values[NetworkOutputs.VpcCidr],
            NetworkOutputs.SplitList(values[NetworkOutputs.PublicSubnetIds]),
            NetworkOutputs.SplitList(values[NetworkOutputs.PrivateSubnetIds]),
            values[NetworkOutputs.EndpointSecurityGroupId],
            NetworkOutputs.SplitList(values[NetworkOutputs.InterfaceEndpointServices]),
            values[NetworkOutputs.NetworkProtected] == "true",
            mode!.Value);
    }

    private static void CheckCompatible(
        PlatformSettings settings, string owner, Dictionary<string, string> values, NetworkMode mode, List<ConfigProblem> problems)
    {
        var key = SettingKeys.NetworkStack.Qualified;
        var ownerName = owner.Split('/')[^1];
        if (values[NetworkOutputs.NetworkOwner] != ownerName)
        {
            problems.Add(new ConfigProblem(key, owner,
                $"stack '{owner}' does not own its network, it uses that of '{values[NetworkOutputs.NetworkOwner]}'; attach to '{values[NetworkOutputs.NetworkOwner]}' directly, so that no stack depends on a stack that merely borrows"));
        }

        if (values[NetworkOutputs.Region] != settings.Region.Name)
        {
            problems.Add(new ConfigProblem(key, owner,
                $"stack '{owner}' has its network in {values[NetworkOutputs.Region]}, this stack deploys to {settings.Region.Name} (aws:region); a VPC serves only its own region"));
        }

        if (settings.Protected && values[NetworkOutputs.NetworkProtected] != "true")
        {
            problems.Add(new ConfigProblem(key, owner,
                $"this stack is protected ({SettingKeys.Protected.Qualified} = true) and stack '{owner}' is ephemeral: destroying '{owner}' would pull the network out from under this stack; attach only to a protected stack's network, or give this stack its own"));
        }

        var available = NetworkOutputs.SplitList(values[NetworkOutputs.InterfaceEndpointServices]).ToHashSet(StringComparer.Ordinal);
        if (mode == NetworkMode.Public && values[NetworkOutputs.PublicSubnetIds].Length == 0)
        {
            problems.Add(new ConfigProblem(key, owner,
                $"stack '{owner}' has a public network without public subnets ({NetworkOutputs.PublicSubnetIds} is empty); its network cannot be used"));
        }

        if (mode == NetworkMode.Private && settings.Notebook is { Enabled: true, DirectInternetAccess: true })
        {
            problems.Add(new ConfigProblem(SettingKeys.NotebookDirectInternetAccess.Qualified, "true",
                $"must be false on the private network of '{owner}': SageMaker's direct internet access is a path to the internet outside the VPC, which that network exists to rule out"));
        }

        var missing = VpcEndpointPlan.InterfaceServicesNeeded(settings, mode).Where(s => !available.Contains(s)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new ConfigProblem(key, owner,
                $"this stack needs the interface endpoints {string.Join(", ", missing)}, which the network of '{owner}' lacks; add them to {SettingKeys.InterfaceEndpointServices.Qualified} of '{owner}' and update it first"));
        }
    }
}

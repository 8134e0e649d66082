using System.Reflection;
using Pulumi;

namespace TrainingInfra.Mocks;

/// <summary>
/// Tells from the Pulumi.Aws assembly itself whether a resource type takes tags: its args class
/// has a Tags property. A new resource type is then covered by the tagging test without a list
/// to keep up to date.
/// </summary>
public static class Taggability
{
    private static readonly Lazy<Dictionary<string, Type>> ResourceTypes = new(() =>
        typeof(Pulumi.Aws.Provider).Assembly.GetTypes()
            .Select(t => (Type: t, Attribute: t.GetCustomAttribute<ResourceTypeAttribute>()))
            .Where(t => t.Attribute is not null && typeof(CustomResource).IsAssignableFrom(t.Type))
            .GroupBy(t => t.Attribute!.Type)
            .ToDictionary(g => g.Key, g => g.First().Type));

    public static bool HasTagsInput(string token)
    {
        if (!ResourceTypes.Value.TryGetValue(token, out var resource))
        {
            // Components (local and awsx) take tags where they pass them on; the VPC does.
            return token == "awsx:ec2:Vpc";
        }

        var args = resource.Assembly.GetType($"{resource.FullName}Args");
        return args?.GetProperty("Tags") is not null;
    }
}

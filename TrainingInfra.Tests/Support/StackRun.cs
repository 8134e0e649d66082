using System.Collections.Immutable;
using System.Text.Json;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Testing;

namespace TrainingInfra.Tests.Support;

/// <summary>
/// Runs <see cref="TrainingStack"/> under Pulumi's mock runtime with the config of a real stack
/// file (plus optional overrides) and keeps what was registered.
/// </summary>
internal sealed class StackRun
{
    private StackRun(ImmutableArray<Resource> resources, IReadOnlyList<MockResourceArgs> registered)
    {
        Resources = resources;
        Registered = registered;
    }

    public ImmutableArray<Resource> Resources { get; }

    public IReadOnlyList<MockResourceArgs> Registered { get; }

    public static async Task<StackRun> OfStackFile(string stack, params (string Key, string Value)[] overrides)
    {
        var config = StackConfigFiles.StackConfig(stack).ToDictionary(e => e.Key, e => e.Value);
        foreach (var (key, value) in overrides)
        {
            config[key.Contains(':', StringComparison.Ordinal) ? key : $"{SettingKeys.ProjectName}:{key}"] = value;
        }

        var mocks = new CloudMocks();
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", JsonSerializer.Serialize(config));
        try
        {
            var resources = await Deployment.TestAsync<TrainingStack>(
                mocks.Mock.Object,
                new TestOptions { IsPreview = false, StackName = stack, ProjectName = SettingKeys.ProjectName });
            return new StackRun(resources, mocks.Registered);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", null);
        }
    }

    /// <summary>Every registration of a resource type.</summary>
    public IReadOnlyList<MockResourceArgs> OfType(string type) => Registered.Where(r => r.Type == type).ToList();

    /// <summary>The one registration of a type with a given logical name.</summary>
    public MockResourceArgs Named(string type, string name) => Assert.Single(Registered, r => r.Type == type && r.Name == name);

    public TrainingStack Stack => Resources.OfType<TrainingStack>().Single();

    public static Task<T> Value<T>(Output<T> output) => OutputUtilities.GetValueAsync(output);
}

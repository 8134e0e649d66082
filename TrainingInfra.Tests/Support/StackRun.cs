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
    private StackRun(
        string stackName,
        PlatformSettings settings,
        ImmutableArray<Resource> resources,
        IReadOnlyList<MockResourceArgs> registered,
        IReadOnlyDictionary<(string Type, string Name), ResourceOptions> options)
    {
        StackName = stackName;
        Settings = settings;
        Resources = resources;
        Registered = registered;
        Options = options;
    }

    public string StackName { get; }

    /// <summary>The settings the stack ran with, read from the same config by the blueprint.</summary>
    public PlatformSettings Settings { get; }

    /// <summary>
    /// The options each resource was created with (Protect, RetainOnDelete, ...), which never
    /// reach the mocks: seen through a stack transformation that records and changes nothing.
    /// </summary>
    public IReadOnlyDictionary<(string Type, string Name), ResourceOptions> Options { get; }

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
        var options = new Dictionary<(string, string), ResourceOptions>();
        var stackOptions = new StackOptions
        {
            ResourceTransformations =
            {
                args =>
                {
                    lock (options)
                    {
                        options[(args.Resource.GetResourceType(), args.Resource.GetResourceName())] = args.Options;
                    }

                    return null;
                },
            },
        };
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", JsonSerializer.Serialize(config));
        try
        {
            var resources = await Deployment.TestWithServiceProviderAsync<TrainingStack>(
                mocks.Mock.Object,
                new StackFactory(() => new TrainingStack(stackOptions)),
                new TestOptions { IsPreview = false, StackName = stack, ProjectName = SettingKeys.ProjectName });
            var prefix = SettingKeys.ProjectName + ":";
            var settings = SettingsLoader.Load(ConfigSource.FromDictionary(
                stack,
                config.GetValueOrDefault("aws:region"),
                config.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal))
                    .ToDictionary(e => e.Key[prefix.Length..], e => e.Value)));
            return new StackRun(stack, settings, resources, mocks.Registered, options);
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

    /// <summary>Hands Pulumi's runner a stack built with options.</summary>
    private sealed class StackFactory(Func<TrainingStack> create) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(TrainingStack) ? create() : null;
    }
}

using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Planning;
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

    /// <summary>The organisation the tests' backend has, as Pulumi names it on a self-managed backend.</summary>
    public const string Organization = "organization";

    /// <summary>
    /// Runs a stack file. A stack that attaches to another stack's network reads the outputs of
    /// that stack's own run, so the test checks that what one stack exports is what the other reads.
    /// </summary>
    public static async Task<StackRun> OfStackFile(string stack, params (string Key, string Value)[] overrides)
    {
        var config = Config(stack, overrides);
        var stacks = new Dictionary<string, ImmutableDictionary<string, object>>(StringComparer.Ordinal);
        if (config.GetValueOrDefault($"{SettingKeys.ProjectName}:networkStack") is { Length: > 0 } owner && !owner.Contains('/', StringComparison.Ordinal))
        {
            var ownerRun = await OfStackFile(owner).ConfigureAwait(false);
            stacks[$"{Organization}/{SettingKeys.ProjectName}/{owner}"] = await ownerRun.OutputsAsync().ConfigureAwait(false);
        }

        return await Run(stack, config, stacks).ConfigureAwait(false);
    }

    /// <summary>Runs a stack file against a backend that holds the given stacks, by fully qualified name, with their outputs.</summary>
    public static Task<StackRun> OfStackFile(
        string stack, IReadOnlyDictionary<string, ImmutableDictionary<string, object>> stacks, params (string Key, string Value)[] overrides) =>
        Run(stack, Config(stack, overrides), stacks);

    /// <summary>The stack's outputs, by name, as another stack's reference reads them.</summary>
    public async Task<ImmutableDictionary<string, object>> OutputsAsync()
    {
        var outputs = ImmutableDictionary.CreateBuilder<string, object>(StringComparer.Ordinal);
        foreach (var property in typeof(TrainingStack).GetProperties())
        {
            if (property.GetCustomAttribute<OutputAttribute>()?.Name is not { } name)
            {
                continue;
            }

            var output = property.GetValue(Stack)!;
            var valueType = output.GetType().GetGenericArguments()[0];
            var read = typeof(OutputUtilities).GetMethod(nameof(OutputUtilities.GetValueAsync))!.MakeGenericMethod(valueType);
            var task = (Task)read.Invoke(null, [output])!;
            await task.ConfigureAwait(false);
            outputs[name] = task.GetType().GetProperty("Result")!.GetValue(task)!;
        }

        return outputs.ToImmutable();
    }

    private static Dictionary<string, string> Config(string stack, (string Key, string Value)[] overrides)
    {
        var config = StackConfigFiles.StackConfig(stack).ToDictionary(e => e.Key, e => e.Value);
        foreach (var (key, value) in overrides)
        {
            config[key.Contains(':', StringComparison.Ordinal) ? key : $"{SettingKeys.ProjectName}:{key}"] = value;
        }

        return config;
    }

    /// <summary>
    /// Runs a stack file that must be refused: the error, and every registration the mocks saw
    /// before it (a refusal before any resource leaves only the stack and what read its config).
    /// </summary>
    public static async Task<(Exception Error, IReadOnlyList<MockResourceArgs> Registered)> Refusal(
        string stack, IReadOnlyDictionary<string, ImmutableDictionary<string, object>> stacks, params (string Key, string Value)[] overrides)
    {
        var mocks = new CloudMocks(stacks);
        var error = await Record.ExceptionAsync(() => Run(stack, Config(stack, overrides), mocks)).ConfigureAwait(false);
        Assert.NotNull(error);
        return (error, mocks.Registered);
    }

    private static Task<StackRun> Run(
        string stack, Dictionary<string, string> config, IReadOnlyDictionary<string, ImmutableDictionary<string, object>> stacks) =>
        Run(stack, config, new CloudMocks(stacks));

    private static async Task<StackRun> Run(string stack, Dictionary<string, string> config, CloudMocks mocks)
    {
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
            // Off the test framework's synchronisation context, as under the Pulumi CLI: a stack that
            // reads another stack's network waits for that read in its constructor.
            var resources = await Task.Run(() => Deployment.TestWithServiceProviderAsync<TrainingStack>(
                mocks.Mock.Object,
                new StackFactory(() => new TrainingStack(stackOptions)),
                new TestOptions { IsPreview = false, StackName = stack, ProjectName = SettingKeys.ProjectName, OrganizationName = Organization })).ConfigureAwait(false);
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

    /// <summary>What the stack registered, as the blueprint's cost and quota models read it.</summary>
    public IReadOnlyList<PlannedResource> Planned() =>
        Registered.Select(r => new PlannedResource(r.Type!, r.Name!, r.Inputs.ToDictionary(i => i.Key, i => (object?)i.Value, StringComparer.Ordinal))).ToList();

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

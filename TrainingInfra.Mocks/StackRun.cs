using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Planning;
using TrainingInfra.Testing;

namespace TrainingInfra.Mocks;

/// <summary>
/// Runs <see cref="TrainingStack"/> under Pulumi's mock runtime with the config of a real stack
/// file (plus optional overrides) and keeps what was registered. What the mock-runtime tests and
/// the plan tool both run: the config is assembled as Pulumi assembles it (Pulumi.yaml defaults,
/// the stack's file, overrides).
/// </summary>
public sealed class StackRun
{
    private StackRun(
        string stackName,
        PlatformSettings settings,
        ImmutableArray<Resource> resources,
        IReadOnlyList<MockResourceArgs> registered,
        IReadOnlyDictionary<(string Type, string Name), ResourceOptions> options,
        IReadOnlyDictionary<(string Type, string Name), ImmutableDictionary<string, object>> states)
    {
        States = states;
        StackName = stackName;
        Settings = settings;
        Resources = resources;
        Registered = registered;
        Options = options;
    }

    /// <summary>The stack's name.</summary>
    public string StackName { get; }

    /// <summary>The settings the stack ran with, read from the same config by the blueprint.</summary>
    public PlatformSettings Settings { get; }

    /// <summary>
    /// The options each resource was created with (Protect, RetainOnDelete, ...), which never
    /// reach the mocks: seen through a stack transformation that records and changes nothing.
    /// </summary>
    public IReadOnlyDictionary<(string Type, string Name), ResourceOptions> Options { get; }

    /// <summary>Every resource the program created, the stack among them.</summary>
    public ImmutableArray<Resource> Resources { get; }

    /// <summary>Every registration the mocks saw, in order.</summary>
    public IReadOnlyList<MockResourceArgs> Registered { get; }

    /// <summary>What the mocks returned for each resource (inputs and the outputs AWS would compute), by type and logical name.</summary>
    public IReadOnlyDictionary<(string Type, string Name), ImmutableDictionary<string, object>> States { get; }

    /// <summary>The organisation the tests' backend has, as Pulumi names it on a self-managed backend.</summary>
    public const string Organization = "organization";

    /// <summary>
    /// Runs a stack file of the repository copy next to the running assembly. A stack that
    /// attaches to another stack's network reads the outputs of that stack's own run, so the test
    /// checks that what one stack exports is what the other reads.
    /// </summary>
    public static Task<StackRun> OfStackFile(string stack, params (string Key, string Value)[] overrides) =>
        OfStack(stack, overrides);

    /// <summary>
    /// Runs a stack of the project in <paramref name="projectDirectory"/> (by default the
    /// repository copy next to the running assembly), in the stand-in account
    /// <paramref name="accountId"/>. A stack whose <c>networkStack</c> names another stack of the
    /// project reads the outputs of that stack's own run in the same account.
    /// </summary>
    public static async Task<StackRun> OfStack(
        string stack, IReadOnlyList<(string Key, string Value)> overrides, string? projectDirectory = null, string accountId = CloudMocks.AccountId)
    {
        var config = StackConfigFiles.EffectiveConfig(stack, overrides, projectDirectory);
        var stacks = new Dictionary<string, ImmutableDictionary<string, object>>(StringComparer.Ordinal);
        if (config.GetValueOrDefault($"{SettingKeys.ProjectName}:networkStack") is { Length: > 0 } owner && !owner.Contains('/', StringComparison.Ordinal))
        {
            var ownerRun = await OfStack(owner, [], projectDirectory, accountId).ConfigureAwait(false);
            stacks[$"{Organization}/{SettingKeys.ProjectName}/{owner}"] = await ownerRun.OutputsAsync().ConfigureAwait(false);
        }

        return await RunAsync(stack, config, new CloudMocks(stacks, accountId)).ConfigureAwait(false);
    }

    /// <summary>Runs a stack file against a backend that holds the given stacks, by fully qualified name, with their outputs.</summary>
    public static Task<StackRun> OfStackFile(
        string stack, IReadOnlyDictionary<string, ImmutableDictionary<string, object>> stacks, params (string Key, string Value)[] overrides) =>
        RunAsync(stack, StackConfigFiles.EffectiveConfig(stack, overrides), new CloudMocks(stacks));

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

    /// <summary>A stack file, with overrides, that must be refused, on a backend with no other stack.</summary>
    public static Task<(Exception Error, IReadOnlyList<MockResourceArgs> Registered)> Refusal(
        string stack, params (string Key, string Value)[] overrides) =>
        Refusal(stack, ImmutableDictionary<string, ImmutableDictionary<string, object>>.Empty, overrides);

    /// <summary>
    /// Runs a stack file that must be refused: the error, and every registration the mocks saw
    /// before it (a refusal before any resource leaves only the stack and what read its config).
    /// </summary>
    public static async Task<(Exception Error, IReadOnlyList<MockResourceArgs> Registered)> Refusal(
        string stack, IReadOnlyDictionary<string, ImmutableDictionary<string, object>> stacks, params (string Key, string Value)[] overrides)
    {
        var mocks = new CloudMocks(stacks);
        try
        {
            await RunAsync(stack, StackConfigFiles.EffectiveConfig(stack, overrides), mocks).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever the program threw is what the caller inspects.
        catch (Exception error)
#pragma warning restore CA1031
        {
            return (error, mocks.Registered);
        }

        throw new InvalidOperationException($"stack {stack} was expected to be refused, but it ran");
    }

    /// <summary>
    /// Runs the stack with exactly this config (fully qualified keys to raw values) against these
    /// mocks. Invalid config ends in the exception the program throws, as under <c>pulumi up</c>.
    /// </summary>
    public static async Task<StackRun> RunAsync(string stack, IReadOnlyDictionary<string, string> config, CloudMocks mocks)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(mocks);
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
            return new StackRun(stack, settings, resources, mocks.Registered, options, mocks.States);
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
    public MockResourceArgs Named(string type, string name)
    {
        var matches = Registered.Where(r => r.Type == type && r.Name == name).ToList();
        return matches.Count == 1 ? matches[0]
            : throw new InvalidOperationException($"{StackName} registered {matches.Count} resources of type {type} named {name}, not one");
    }

    /// <summary>The stack resource itself.</summary>
    public TrainingStack Stack => Resources.OfType<TrainingStack>().Single();

    /// <summary>An output's value, as the mock runtime resolved it.</summary>
    public static Task<T> Value<T>(Output<T> output) => OutputUtilities.GetValueAsync(output);

    /// <summary>Hands Pulumi's runner a stack built with options.</summary>
    private sealed class StackFactory(Func<TrainingStack> create) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(TrainingStack) ? create() : null;
    }
}

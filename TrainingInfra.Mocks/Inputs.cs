using System.Collections.Immutable;
using System.Text.Json;
using Pulumi.Testing;

namespace TrainingInfra.Mocks;

/// <summary>Reads the inputs a resource was registered with, as the mock runtime hands them over.</summary>
public static class Inputs
{
    public static object? Get(this MockResourceArgs resource, string name) =>
        resource.Inputs.TryGetValue(name, out var value) ? value : null;

    public static string? Text(this MockResourceArgs resource, string name) => resource.Get(name) as string;

    public static bool? Flag(this MockResourceArgs resource, string name) => resource.Get(name) as bool?;

    public static double? Number(this MockResourceArgs resource, string name) => resource.Get(name) as double?;

    public static ImmutableDictionary<string, object> Map(this MockResourceArgs resource, string name) =>
        resource.Get(name) as ImmutableDictionary<string, object> ?? ImmutableDictionary<string, object>.Empty;

    public static IReadOnlyList<object> List(this MockResourceArgs resource, string name) =>
        resource.Get(name) as ImmutableArray<object>? is { } array ? array : [];

    public static IReadOnlyList<string> Strings(this MockResourceArgs resource, string name) =>
        resource.List(name).Cast<string>().ToList();

    public static JsonElement Json(this MockResourceArgs resource, string name) =>
        JsonDocument.Parse(resource.Text(name) ?? throw new InvalidOperationException($"{resource.Name} has no {name}")).RootElement;

    public static ImmutableDictionary<string, object> AsMap(this object value) => (ImmutableDictionary<string, object>)value;
}

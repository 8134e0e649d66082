using System.Collections;
using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;
using TrainingInfra.Blueprint.Changes;
using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests;

/// <summary>
/// The change matrix's replacements of named resources, run: the stack before and after each
/// sampled change. A resource replaced new-first gets a new physical name (or has none fixed), and
/// whatever referred to the old one refers to the new one; a resource replaced old-first has a fixed
/// name, which is why the bridge deletes it first.
/// </summary>
[Collection(MockRuntimeSuite.Name)]
public class ChangeMatrixTests(StackRuns runs)
{
    public static TheoryData<int> SampledReplacements() =>
        new(Enumerable.Range(0, ChangeMatrix.All.Count).Where(i => ChangeMatrix.All[i] is { Replaces: true, To: not null }));

    [Theory]
    [MemberData(nameof(SampledReplacements))]
    public async Task Replacement_IsTheOneTheMatrixStates(int index)
    {
        var row = ChangeMatrix.All[index];
        var context = row.Context.Select(c => (c.Key.Name, c.Value)).ToList();
        var before = await runs.Get(row.Stack, [.. context, (row.Key.Name, row.From!)]);
        var after = await runs.Get(row.Stack, [.. context, (row.Key.Name, row.To!)]);

        var replaced = before.OfType(row.Resource);
        Assert.NotEmpty(replaced);
        foreach (var old in replaced)
        {
            var deleteFirst = (before.Options[(old.Type!, old.Name!)] as CustomResourceOptions)?.DeleteBeforeReplace;
            if (row.Effect == ChangeEffect.ReplacedOldDeletedFirst)
            {
                Assert.NotNull(FixedName(old));
                Assert.NotEqual(false, deleteFirst);
                continue;
            }

            var now = after.Named(old.Type!, old.Name!);
            if (FixedName(old) is { } name)
            {
                Assert.NotEqual(name, FixedName(now));
                Assert.Equal(false, deleteFirst);
            }

            AssertReferrersFollow(before, after, old.Type!, old.Name!);
        }
    }

    [Fact]
    public async Task QueueFollowsTheComputeEnvironment_WhenAShapeChangeReplacesIt()
    {
        var before = await runs.Get("dev", ("batchAllocationStrategy", "BEST_FIT"), ("batchBidPercentage", "80"));
        var after = await runs.Get("dev", ("batchAllocationStrategy", "BEST_FIT"), ("batchBidPercentage", "60"));
        const string Type = "aws:batch/computeEnvironment:ComputeEnvironment";

        var oldArn = (string)before.States[(Type, "batch-compute-environment")]["arn"];
        var newArn = (string)after.States[(Type, "batch-compute-environment")]["arn"];
        string QueueTarget(StackRun run) => (string)Assert.Single(Assert.Single(run.OfType("aws:batch/jobQueue:JobQueue")).List("computeEnvironmentOrders"))
            .AsMap()["computeEnvironment"];

        Assert.NotEqual(oldArn, newArn);
        Assert.StartsWith("arn:aws:batch:us-east-1:111122223333:compute-environment/batch-inference-dev-", newArn, StringComparison.Ordinal);
        Assert.Equal(oldArn, QueueTarget(before));
        Assert.Equal(newArn, QueueTarget(after));
    }

    private static string? FixedName(MockResourceArgs resource) => resource.Text("name") ?? resource.Text("bucket");

    /// <summary>
    /// No resource of the later run still names the earlier resource's ARN or physical name, and
    /// every resource that named it before names the replacement now.
    /// </summary>
    private static void AssertReferrersFollow(StackRun before, StackRun after, string type, string name)
    {
        var gone = Identities(before.States[(type, name)]).Except(Identities(after.States[(type, name)])).ToList();
        var replacement = Identities(after.States[(type, name)]).ToList();
        var referrers = before.Registered.Where(r => (r.Type, r.Name) != (type, name) && Mentions(r.Inputs, gone)).ToList();
        Assert.All(after.Registered.Where(r => (r.Type, r.Name) != (type, name)), r =>
            Assert.False(Mentions(r.Inputs, gone), $"{r.Type} {r.Name} still refers to the replaced {name}"));
        Assert.All(referrers, r =>
            Assert.True(Mentions(after.Named(r.Type!, r.Name!).Inputs, replacement), $"{r.Type} {r.Name} does not follow {name}"));
    }

    private static IEnumerable<string> Identities(ImmutableDictionary<string, object> state) =>
        new[] { state.GetValueOrDefault("arn"), state.GetValueOrDefault("name"), state.GetValueOrDefault("bucket") }
            .OfType<string>().Where(s => s.Length > 0).Distinct(StringComparer.Ordinal);

    private static bool Mentions(object? value, IReadOnlyCollection<string> identities) => value switch
    {
        string text => identities.Any(id => text.Contains(id, StringComparison.Ordinal)),
        IDictionary map => map.Values.Cast<object?>().Any(v => Mentions(v, identities)),
        IEnumerable items => items.Cast<object?>().Any(v => Mentions(v, identities)),
        _ => false,
    };
}

using System.Globalization;
using System.Text.RegularExpressions;
using TrainingInfra.Blueprint.Capacity;
using TrainingInfra.Blueprint.Planning;
using TrainingInfra.Blueprint.Pricing;
using TrainingInfra.Testing;
using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests;

/// <summary>
/// What each stack file costs standing still and takes from the account's quotas, from the
/// resources it really registers, held against the targets and against what docs/planning-and-cost.md states.
/// </summary>
[Collection(MockRuntimeSuite.Name)]
public sealed partial class CostAndCapacityTests(StackRuns runs)
{
    private static string CostDoc => File.ReadAllText(StackConfigFiles.RepoFile(Path.Combine("docs", "planning-and-cost.md")));

    private async Task<CostReport> Cost(string stack) => IdleCost.Of((await runs.Get(stack)).Planned(), "us-east-1");

    private static decimal CdkDesign => IdleCost.Of(CdkDesignBaseline.Resources("us-east-1"), "us-east-1").IdleMonthly;

    [Fact]
    public async Task Dev_IdlesAtHalfTheCdkDesignOrLess_WithItsNotebookAndVpcModeTraining()
    {
        var dev = await Cost("dev");

        Assert.True(dev.Complete);
        Assert.Contains(dev.Idle, l => l.Item.StartsWith("notebook ml.", StringComparison.Ordinal));
        Assert.Contains(dev.Idle, l => l.Item.StartsWith("interface endpoint logs", StringComparison.Ordinal));
        Assert.True(dev.IdleMonthly <= 49m, $"dev idles at {dev.IdleMonthly:F2} USD a month");
        Assert.True(dev.IdleMonthly <= CdkDesign / 2, $"dev {dev.IdleMonthly:F2} against the CDK design's {CdkDesign:F2}");
    }

    [Fact]
    public async Task PerPullRequestStack_IdlesUnderFiveDollars()
    {
        var pr = await Cost("pr");

        Assert.True(pr.Complete);
        Assert.True(pr.IdleMonthly <= 5m, $"a per-PR stack idles at {pr.IdleMonthly:F2} USD a month");
    }

    [Fact]
    public async Task Prod_KeepsEveryEndpointInEveryZone()
    {
        var run = await runs.Get("prod");

        Assert.All(run.OfType(ResourceTypes.VpcEndpoint).Where(e => e.Text("vpcEndpointType") == "Interface"),
            e => Assert.Equal(run.Settings.Network.AvailabilityZones, e.Strings("subnetIds").Count));
    }

    [Fact]
    public async Task DocsCostTable_StatesWhatEachStackIdlesAt()
    {
        var rows = TableRows(CostDoc, "| stack | idle cost / month |");

        Assert.Equal(Money(CdkDesign), rows["CDK design"][0]);
        foreach (var stack in new[] { "dev", "pr", "prod" })
        {
            var cost = await Cost(stack);
            Assert.True(rows.ContainsKey($"`{stack}`"), $"no row in docs/planning-and-cost.md for {stack}");
            Assert.Equal(Money(cost.IdleMonthly), rows[$"`{stack}`"][0]);
            Assert.Equal(EndpointZones(await runs.Get(stack)).ToString(CultureInfo.InvariantCulture), rows[$"`{stack}`"][2]);
        }
    }

    [Fact]
    public async Task DocsQuotaTable_StatesWhatEachStackTakes()
    {
        var rows = TableRows(CostDoc, "| quota | default | adjustable | `dev` | each per-PR stack | `prod` |");

        foreach (var (stack, column) in new[] { ("dev", 2), ("pr", 3), ("prod", 4) })
        {
            foreach (var (quota, used) in AccountQuotas.Draw((await runs.Get(stack)).Planned()))
            {
                Assert.True(rows.ContainsKey(quota.Name), $"no row in docs/planning-and-cost.md for {quota.Name}");
                Assert.Equal(quota.Limit?.ToString("N0", CultureInfo.InvariantCulture) ?? PlanRenderer.NotPublished, rows[quota.Name][0]);
                Assert.Equal(used.ToString(CultureInfo.InvariantCulture), rows[quota.Name][column]);
            }
        }
    }

    [Fact]
    public async Task FortyOrMorePerPullRequestStacks_FitBesideDevAndProd_AsTheDocsSay()
    {
        var (stacks, binding) = AccountQuotas.PerPullRequestStacksThatFit(
            (await runs.Get("pr")).Planned(), (await runs.Get("dev")).Planned(), (await runs.Get("prod")).Planned());

        Assert.True(stacks >= 40, $"{stacks} per-PR stacks fit; {binding.Name} binds");
        Assert.Contains($"**{stacks} per-PR stacks** fit beside dev and prod", CostDoc, StringComparison.Ordinal);
        Assert.Contains($"binding quota is {binding.Name}", CostDoc, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivateMode_AddsOnlyTheBatchHostsAndMirrorEndpointZones_AtTheCostTheDocsState()
    {
        var privateProd = await Cost("prod");
        var publicProd = IdleCost.Of((await runs.Get("prod", ("networkMode", "public"))).Planned(), "us-east-1");
        var added = privateProd.IdleMonthly - publicProd.IdleMonthly;

        // ecs, ecs-agent and ecs-telemetry, and the mirror's codeartifact.api and
        // codeartifact.repositories, in both zones at 0.01 USD an hour: prod's offline notebook
        // already brings ecr.api, ecr.dkr and logs.
        Assert.Equal(5 * 2 * 0.01m * 730, added);
        Assert.Contains($"= 0.10 USD an hour, {added.ToString("F2", CultureInfo.InvariantCulture)} USD a month", CostDoc, StringComparison.Ordinal);
        Assert.Contains($"prod as a public network would idle at {publicProd.IdleMonthly.ToString("F2", CultureInfo.InvariantCulture)} USD", CostDoc, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PackageMirror_AddsItsTwoEndpointsInEveryZone_AndNoStandingCharge_AsTheDocsSay()
    {
        var withMirror = await Cost("prod");
        var without = IdleCost.Of((await runs.Get("prod", ("packageMirror", "off"))).Planned(), "us-east-1");
        var added = withMirror.IdleMonthly - without.IdleMonthly;

        Assert.Equal(2 * 2 * 0.01m * 730, added);
        Assert.Contains($"= 0.04 USD an hour, {added.ToString("F2", CultureInfo.InvariantCulture)} USD a month", CostDoc, StringComparison.Ordinal);
        Assert.Contains(withMirror.Usage, l => l.Item == "CodeArtifact storage (package mirror)" && l.UnitPrice == 0.05m);
        Assert.Contains(withMirror.Usage, l => l.Item == "CodeArtifact requests (package mirror)" && l.UnitPrice == 0.05m);
        Assert.DoesNotContain(withMirror.Idle, l => l.Item.StartsWith("CodeArtifact", StringComparison.Ordinal));
    }

    private static int EndpointZones(StackRun run) =>
        run.OfType(ResourceTypes.VpcEndpoint).Where(e => e.Text("vpcEndpointType") == "Interface").Sum(e => e.Strings("subnetIds").Count);

    private static string Money(decimal amount) => "$" + amount.ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>A Markdown table's rows by their first cell, each with the cells after it.</summary>
    private static Dictionary<string, string[]> TableRows(string markdown, string header)
    {
        var start = markdown.IndexOf(header, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/planning-and-cost.md has no table headed {header}");
        var table = markdown[start..];
        table = table[..(table.IndexOf("\n\n", StringComparison.Ordinal) is var end and >= 0 ? end : table.Length)];
        return table.Split('\n').Skip(2)
            .Select(line => line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .ToDictionary(cells => cells[0], cells => cells[1..], StringComparer.Ordinal);
    }
}

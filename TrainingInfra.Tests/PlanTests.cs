using System.Globalization;
using System.Text.Json;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Planning;
using TrainingInfra.Blueprint.Pricing;
using TrainingInfra.Plan;
using TrainingInfra.Testing;
using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests;

/// <summary>
/// The plan tool: what each stack file creates, outputs, costs and draws, from the real program
/// without AWS; how the switches that cost money show in its cost lines; comparisons of two plans;
/// and the refusal of invalid config, as pulumi up refuses it.
/// </summary>
[Collection(MockRuntimeSuite.Name)]
public sealed class PlanTests(StackRuns runs, Plans plans) : IClassFixture<Plans>
{
    private static readonly PriceTable UsEast1 = PriceTables.For("us-east-1")!;

    public static TheoryData<string> Stacks() => new(StackConfigFiles.StackNames());

    private static async Task<(int Code, string Out, string Error)> Command(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = await PlanCommand.RunAsync(args, stdout, stderr, StackConfigFiles.RepoDirectory);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private Task<StackPlan> Plan(string stack, params (string Key, string Value)[] overrides) => plans.Get(runs, stack, overrides);

    private static List<CostLine> Lines(StackPlan plan, string resource) => plan.Cost.Idle.Where(l => l.Resource == resource).ToList();

    private static List<CostLine> EndpointLines(StackPlan plan) => plan.Cost.Idle.Where(l => l.Unit == "endpoint-zone hours").ToList();

    [Theory, MemberData(nameof(Stacks))]
    public async Task Plan_ListsEveryResourceTheStackRegisters_InOrder(string stack)
    {
        var plan = await Plan(stack);
        var run = await runs.Get(stack);

        Assert.Equal(run.Registered.Select(r => $"{r.Type} {r.Name}"), plan.Resources.Select(r => r.Key));
        Assert.Equal(run.Settings.Region.Name, plan.Region);
    }

    [Theory, MemberData(nameof(Stacks))]
    public async Task Plan_ShowsNoIdOrAccountTheStandInCloudMadeUp(string stack)
    {
        var json = PlanJson.Write(await Plan(stack));

        Assert.DoesNotContain(CloudMocks.AccountId, json, StringComparison.Ordinal);
        Assert.DoesNotContain(CloudMocks.OtherAccount, json, StringComparison.Ordinal);
        Assert.DoesNotContain("subnet-", json, StringComparison.Ordinal);
        Assert.DoesNotContain("vpc-training", json, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Stacks))]
    public async Task Plan_ReportsTheGuardrailSuitesFindings_WithTheirWaivers_AndNoneUnwaived(string stack)
    {
        var plan = await Plan(stack);
        var suite = GuardrailCatalog.Evaluate(await runs.Get(stack));

        Assert.Equal(suite.Select(f => (f.Finding.RuleId, f.Finding.Resource, f.Waiver?.Reason)), plan.Findings.Select(f => (f.RuleId, f.Resource, f.Waiver)));
        Assert.Empty(plan.Unwaived);
    }

    [Fact]
    public async Task Plan_ShowsOutputsThatConfigDecides_AndMarksThoseOnlyAwsKnows()
    {
        var dev = (await Plan("dev")).Outputs.ToDictionary(o => o.Name);
        var pr = (await Plan("pr")).Outputs.ToDictionary(o => o.Name);

        Assert.Equal(new PlanOutput("EnvironmentSuffix", "dev", true), dev["EnvironmentSuffix"]);
        Assert.Equal(new PlanOutput("DatasetBucketName", $"training-datasets-dev-{StackPlan.AccountPlaceholder}", true), dev["DatasetBucketName"]);
        Assert.Equal(new PlanOutput("VpcId", StackPlan.UnknownValue, false), dev["VpcId"]);
        Assert.Equal(new PlanOutput("NetworkOwner", "dev", true), pr["NetworkOwner"]);
        Assert.False(pr["VpcId"].Known);
        Assert.DoesNotContain("urn", dev.Keys);
    }

    [Fact]
    public async Task Plan_OfAStackWithoutAFile_RunsOnPulumiYamlsDefaults_WithItsNameAsSuffix()
    {
        var plan = await Plan("pr3507", ("aws:region", "us-east-1"));

        Assert.Equal("pr3507", plan.Outputs.Single(o => o.Name == "EnvironmentSuffix").Value);
        Assert.Single(plan.Resources, r => r.Type == ResourceTypes.AwsxVpc);
        Assert.Equal("ml.t3.medium", plan.Resources.Single(r => r.Type == ResourceTypes.NotebookInstance).Settings["instance type"]);
    }

    [Fact]
    public async Task Plan_ShowsTheSettingsAReviewerChecks()
    {
        var prod = await Plan("prod");
        var bucket = prod.Resources.Single(r => r.Type == ResourceTypes.Bucket && r.Name == "dataset-bucket");
        var batch = prod.Resources.Single(r => r.Type == ResourceTypes.ComputeEnvironment);
        var logs = prod.Resources.Single(r => r.Type == "aws:cloudwatch/logGroup:LogGroup" && r.Name == "log-group");

        Assert.Equal(("true", "true", "false"), (bucket.Settings["protected"], bucket.Settings["retained on delete"], bucket.Settings["force destroy"]));
        Assert.Equal("training-datasets-prod-" + StackPlan.AccountPlaceholder, bucket.PhysicalName);
        Assert.Equal(("0", "256", "m5.xlarge"), (batch.Settings["min vCPUs"], batch.Settings["max vCPUs"], batch.Settings["instance types"]));
        Assert.Equal(("365", "yes"), (logs.Settings["retention days"], logs.Settings["KMS key"]));
    }

    [Fact]
    public async Task NotebookOff_TakesTheNotebookAndItsCostOutOfThePlan()
    {
        var dev = await Plan("dev");
        var off = await Plan("dev", ("notebookEnabled", "false"));

        Assert.NotEmpty(Lines(dev, "notebook"));
        Assert.Empty(Lines(off, "notebook"));
        Assert.Equal(dev.Cost.IdleMonthly - Lines(dev, "notebook").Sum(l => l.Monthly ?? 0), off.Cost.IdleMonthly);
    }

    [Fact]
    public async Task NotebookWithoutIdleStop_BillsEveryHourOfTheMonth_AndWithItNone()
    {
        var hourly = UsEast1.NotebookPerHour["ml.t3.medium"];
        var stopping = Lines(await Plan("dev"), "notebook").Single(l => l.Unit == "instance hours");
        var running = Lines(await Plan("dev", ("notebookIdleStopMinutes", "0")), "notebook").Single(l => l.Unit == "instance hours");

        Assert.Equal(0m, stopping.Monthly);
        Assert.Equal(PriceTables.HoursPerMonth * hourly, running.Monthly);
    }

    [Fact]
    public async Task NotebookInstanceType_IsPricedAtItsOwnRate_OrSaidToHaveNoPrice()
    {
        var larger = await Plan("dev", ("notebookIdleStopMinutes", "0"), ("notebookInstanceType", "ml.m5.xlarge"));
        var unpriced = await Plan("dev", ("notebookIdleStopMinutes", "0"), ("notebookInstanceType", "ml.c5.2xlarge"));

        Assert.Equal(PriceTables.HoursPerMonth * UsEast1.NotebookPerHour["ml.m5.xlarge"], Lines(larger, "notebook").Single(l => l.Unit == "instance hours").Monthly);
        var line = Lines(unpriced, "notebook").Single(l => l.Unit == "instance hours");
        Assert.Null(line.Monthly);
        Assert.Contains("ml.c5.2xlarge", line.Note, StringComparison.Ordinal);
        Assert.False(unpriced.Cost.Complete);
        Assert.Contains("lower bound", PlanRenderer.Render(unpriced, PlanFormat.Markdown), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InterfaceEndpointZones_BillEachEndpointInEachZoneItIsIn()
    {
        var one = await Plan("dev");
        var all = await Plan("dev", ("interfaceEndpointZones", "all"));
        var perZone = PriceTables.HoursPerMonth * UsEast1.InterfaceEndpointPerAzHour;

        Assert.NotEmpty(EndpointLines(one));
        Assert.All(EndpointLines(one), l => Assert.Equal(perZone, l.Monthly));
        Assert.All(EndpointLines(all), l => Assert.Equal(2 * perZone, l.Monthly));
        Assert.Equal(EndpointLines(one).Count * perZone, all.Cost.IdleMonthly - one.Cost.IdleMonthly);
    }

    [Fact]
    public async Task StackOnAnotherStacksNetwork_BillsNoEndpointOfItsOwn()
    {
        var pr = await Plan("pr");

        Assert.Empty(EndpointLines(pr));
        Assert.DoesNotContain(pr.Resources, r => r.Type == ResourceTypes.VpcEndpoint);
        Assert.NotEmpty(EndpointLines(await Plan("dev")));
    }

    [Fact]
    public async Task AvailabilityZones_AddAZoneOfEveryEndpoint_WhenEndpointsAreInAllZones()
    {
        var three = await Plan("dev", ("availabilityZones", "3"), ("interfaceEndpointZones", "all"));

        Assert.Equal("3", three.Resources.Single(r => r.Type == ResourceTypes.AwsxVpc).Settings["availability zones"]);
        Assert.All(EndpointLines(three), l => Assert.Equal(3 * PriceTables.HoursPerMonth, l.Quantity));
    }

    [Fact]
    public async Task BatchMinimumVcpus_AreAnIdleLine_ThatSaysItHasNoPrice()
    {
        var plan = await Plan("dev", ("batchMinVcpus", "4"));

        var line = Assert.Single(plan.Cost.Idle, l => l.Unit == "vCPU hours");
        Assert.Equal(4 * PriceTables.HoursPerMonth, line.Quantity);
        Assert.Null(line.Monthly);
        Assert.False(plan.Cost.Complete);
        Assert.DoesNotContain((await Plan("dev")).Cost.Idle, l => l.Unit == "vCPU hours");
    }

    [Fact]
    public async Task RegionWithoutPrices_SaysSo_InsteadOfPricingAnythingAtZero()
    {
        var plan = await Plan("dev", ("aws:region", "eu-west-1"));
        var markdown = PlanRenderer.Render(plan, PlanFormat.Markdown);

        Assert.Null(plan.Cost.PricesReadOn);
        Assert.All(plan.Cost.Idle.Where(l => l.Quantity > 0), l => Assert.Null(l.Monthly));
        Assert.Contains("no price table for eu-west-1", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("$0.00 a month", markdown, StringComparison.Ordinal);
        Assert.Contains("not priced", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_OfTwoConfigs_ListsTheChangedResources_AndTheMonthlyDeltaLineByLine()
    {
        var recorded = Path.GetTempFileName();
        try
        {
            // The dev plan the other tests share, recorded as `--format json` prints it.
            await File.WriteAllTextAsync(recorded, PlanRenderer.Render(await Plan("dev"), PlanFormat.Json));
            var (code, output, _) = await Command("dev", "--set", "interfaceEndpointZones=all", "--compare", recorded, "--format", "json");

            Assert.Equal(0, code);
            var comparison = JsonDocument.Parse(output).RootElement;
            var changed = comparison.GetProperty("changed").EnumerateArray().ToList();
            Assert.Contains(changed, c => c.GetProperty("name").GetString() == "logs-endpoint"
                && c.GetProperty("settings").EnumerateArray().Any(s => s.GetProperty("setting").GetString() == "zones"
                    && s.GetProperty("before").GetString() == "1" && s.GetProperty("after").GetString() == "2"));
            Assert.Empty(comparison.GetProperty("added").EnumerateArray());
            Assert.Empty(comparison.GetProperty("removed").EnumerateArray());
            var lines = comparison.GetProperty("costLines").EnumerateArray().Select(l => l.GetProperty("delta").GetDecimal()).ToList();
            Assert.Equal(lines.Sum(), comparison.GetProperty("idleDelta").GetDecimal());
            Assert.Equal(EndpointLines(await Plan("dev")).Count * PriceTables.HoursPerMonth * UsEast1.InterfaceEndpointPerAzHour,
                comparison.GetProperty("idleDelta").GetDecimal());
        }
        finally
        {
            File.Delete(recorded);
        }
    }

    [Fact]
    public async Task Compare_InMarkdown_ShowsRemovedResources_AndWhatTheMonthSaves()
    {
        var before = await Plan("dev");
        var after = await Plan("dev", ("notebookEnabled", "false"));

        var markdown = PlanRenderer.Render(PlanComparison.Between(before, after), PlanFormat.Markdown);

        Assert.Contains("| removed | aws:sagemaker/notebookInstance:NotebookInstance | notebook |", markdown, StringComparison.Ordinal);
        Assert.Contains(PlanRenderer.SignedMoney(after.Cost.IdleMonthly - before.Cost.IdleMonthly) + ")", markdown, StringComparison.Ordinal);
        Assert.StartsWith("-$", PlanRenderer.SignedMoney(after.Cost.IdleMonthly - before.Cost.IdleMonthly), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocsComparisonSample_IsWhatTheToolPrints()
    {
        var doc = File.ReadAllText(StackConfigFiles.RepoFile(Path.Combine("docs", "planning-and-cost.md")));
        const string Start = "<!-- plan comparison sample -->\n", End = "\n<!-- end of plan comparison sample -->";
        var from = doc.IndexOf(Start, StringComparison.Ordinal) + Start.Length;
        var sample = doc[from..doc.IndexOf(End, from, StringComparison.Ordinal)];

        var comparison = PlanComparison.Between(await Plan("dev"), await Plan("dev", ("interfaceEndpointZones", "all"), ("notebookIdleStopMinutes", "0")));

        Assert.Equal(PlanRenderer.Render(comparison, PlanFormat.Markdown).Trim(), sample.Trim());
    }

    [Fact]
    public async Task InvalidConfig_ExitsWith2_PrintingEveryProblemAsPulumiUpDoes_AndNoPlan()
    {
        var (code, output, error) = await Command("dev", "--set", "availabilityZones=9", "--set", "vpcCidr=x");

        var config = StackConfigFiles.EffectiveConfig("dev", [("availabilityZones", "9"), ("vpcCidr", "x")]);
        var prefix = SettingKeys.ProjectName + ":";
        var refusal = Assert.Throws<InvalidConfigurationException>(() => SettingsLoader.Load(ConfigSource.FromDictionary("dev", config["aws:region"],
            config.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(e => e.Key[prefix.Length..], e => e.Value))));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal("error: " + refusal.Message + Environment.NewLine, error);
        Assert.Contains("training-infra:vpcCidr = 'x'", error, StringComparison.Ordinal);
        Assert.Contains("training-infra:availabilityZones = '9'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev --format yaml")]
    [InlineData("dev --set novalue")]
    [InlineData("dev --project-dir /nonexistent")]
    [InlineData("--format json")]
    public async Task BadCommandLine_ExitsWith64_AndPrintsNoPlan(string commandLine)
    {
        var (code, output, error) = await Command(commandLine.Split(' '));

        Assert.Equal(PlanCommand.Usage, code);
        Assert.Equal("", output);
        Assert.Contains("usage:", error, StringComparison.Ordinal);
    }
}

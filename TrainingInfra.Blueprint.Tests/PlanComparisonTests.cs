using TrainingInfra.Blueprint.Planning;
using TrainingInfra.Blueprint.Pricing;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>
/// Comparing two plans and reading a recorded one back: what a pull-request comment is made of.
/// </summary>
public class PlanComparisonTests
{
    private static PlannedResource Endpoint(string name, int zones) => new(ResourceTypes.VpcEndpoint, name, new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["vpcEndpointType"] = "Interface",
        ["serviceName"] = $"com.amazonaws.us-east-1.{name}",
        ["subnetIds"] = Enumerable.Range(0, zones).Select(i => (object?)$"subnet-{i}").ToList(),
        ["privateDnsEnabled"] = true,
    });

    private static StackPlan Plan(params PlannedResource[] resources) => new(
        StackPlan.CurrentSchemaVersion, "dev", "us-east-1",
        resources.Select(r => new PlanResource(r.Type, r.Name, ReviewedSettings.PhysicalName(r), ReviewedSettings.Of(r, protect: false, retainOnDelete: false))).ToList(),
        [new PlanOutput("EnvironmentSuffix", "dev", true)],
        PlanCost.From(IdleCost.Of(resources, "us-east-1")),
        [],
        [new PlanFinding("CKV_AWS_1", "VpcEndpoint logs", "a problem", null)]);

    [Fact]
    public void EndpointInMoreZones_IsChanged_AndItsCostLineMovesByTheExtraZone()
    {
        var comparison = PlanComparison.Between(Plan(Endpoint("logs", 1)), Plan(Endpoint("logs", 2)));

        var change = Assert.Single(comparison.Changed);
        Assert.Equal(new SettingChange("zones", "1", "2"), Assert.Single(change.Settings));
        var line = Assert.Single(comparison.CostLines);
        Assert.Equal(("interface endpoint logs in 1 zone", "interface endpoint logs in 2 zones"), (line.ItemBefore, line.ItemAfter));
        Assert.Equal(PriceTables.HoursPerMonth * PriceTables.For("us-east-1")!.InterfaceEndpointPerAzHour, comparison.IdleDelta);
        Assert.Equal(comparison.IdleDelta, line.Delta);
    }

    [Fact]
    public void NewAndGoneResources_AreAddedAndRemoved_WithTheirCost()
    {
        var comparison = PlanComparison.Between(Plan(Endpoint("logs", 1)), Plan(Endpoint("sts", 1)));

        Assert.Equal("sts", Assert.Single(comparison.Added).Name);
        Assert.Equal("logs", Assert.Single(comparison.Removed).Name);
        Assert.Empty(comparison.Changed);
        Assert.Equal(0m, comparison.IdleDelta);
        Assert.Equal(2, comparison.CostLines.Count);
    }

    [Fact]
    public void SamePlan_HasNoChanges()
    {
        var comparison = PlanComparison.Between(Plan(Endpoint("logs", 1)), Plan(Endpoint("logs", 1)));

        Assert.False(comparison.HasChanges);
        Assert.Contains("No resource or cost changes.", PlanRenderer.Render(comparison, PlanFormat.Markdown), StringComparison.Ordinal);
    }

    [Fact]
    public void RecordedPlan_ReadsBackAsTheSamePlan()
    {
        var plan = Plan(Endpoint("logs", 2), Endpoint("sts", 1));

        var read = PlanJson.Read(PlanJson.Write(plan));

        Assert.Equal(PlanJson.Write(plan), PlanJson.Write(read));
        Assert.False(PlanComparison.Between(plan, read).HasChanges);
    }

    [Fact]
    public void PlanOfAnotherSchemaVersion_IsRefused_NotMisread()
    {
        var json = PlanJson.Write(Plan(Endpoint("logs", 1))).Replace("\"schemaVersion\": 1", "\"schemaVersion\": 2", StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => PlanJson.Read(json));
        Assert.Contains("schema version 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanJson_HasTheDocumentedTopLevelFields()
    {
        using var document = System.Text.Json.JsonDocument.Parse(PlanJson.Write(Plan(Endpoint("logs", 1))));

        Assert.Equal(
            ["schemaVersion", "stack", "region", "resources", "outputs", "cost", "quotas", "findings"],
            document.RootElement.EnumerateObject().Select(p => p.Name));
    }
}

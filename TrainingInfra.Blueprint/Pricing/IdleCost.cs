using System.Globalization;
using TrainingInfra.Blueprint.Monitoring;
using TrainingInfra.Blueprint.Planning;
using TrainingInfra.Blueprint.SageMaker;

namespace TrainingInfra.Blueprint.Pricing;

/// <summary>
/// Prices a stack's resources for a month in which nobody uses them: what bills by the hour or
/// month (interface endpoints per zone, NAT gateways, running notebooks and their volumes, KMS
/// keys, dashboards, alarms), and, apart, what bills only with use, with its unit price.
/// </summary>
public static class IdleCost
{
    /// <summary>SageMaker's notebook volume when none is given, in GB.</summary>
    private const double DefaultNotebookVolumeGb = 5;

    /// <summary>The report for a stack's resources in a region.</summary>
    public static CostReport Of(IReadOnlyList<PlannedResource> resources, string region)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var prices = PriceTables.For(region);
        var idle = new List<CostLine>();
        var usage = new List<CostLine>();
        var hours = PriceTables.HoursPerMonth;

        foreach (var resource in resources)
        {
            switch (resource.Type)
            {
                case ResourceTypes.VpcEndpoint when resource.Text("vpcEndpointType") == "Interface":
                    var zones = Math.Max(1, resource.Strings("subnetIds").Count);
                    var service = resource.Text("serviceName") is { } serviceName ? Aws.AwsRegion.EndpointShortName(serviceName) : resource.Name;
                    idle.Add(Line($"interface endpoint {service} in {zones} zone{(zones == 1 ? "" : "s")}", resource, zones * hours, "endpoint-zone hours",
                        prices?.InterfaceEndpointPerAzHour, region));
                    break;
                case ResourceTypes.AwsxVpc:
                    var nat = NatGateways(resource);
                    if (nat > 0)
                    {
                        idle.Add(Line($"{nat} NAT gateway{(nat == 1 ? "" : "s")}", resource, nat * hours, "gateway hours", prices?.NatGatewayPerHour, region));
                    }

                    break;
                case ResourceTypes.NotebookInstance:
                    idle.Add(Notebook(resource, StopsWhenIdle(resource, resources), prices, region));
                    var volume = (decimal)(resource.Number("volumeSize") ?? DefaultNotebookVolumeGb);
                    idle.Add(Line($"notebook storage, {volume.ToString(CultureInfo.InvariantCulture)} GB", resource, volume, "GB-months",
                        prices?.NotebookStoragePerGbMonth, region));
                    break;
                case ResourceTypes.KmsKey:
                    idle.Add(Line("KMS key", resource, 1, "key-months", prices?.KmsKeyPerMonth, region));
                    break;
                case ResourceTypes.Dashboard:
                    idle.Add(Line("CloudWatch dashboard (beyond the account's three free ones)", resource, 1, "dashboard-months", prices?.DashboardPerMonth, region));
                    break;
                case ResourceTypes.MetricAlarm:
                    idle.Add(Line("CloudWatch alarm", resource, 1, "alarm-months", prices?.StandardAlarmPerMonth, region));
                    break;
                case ResourceTypes.ComputeEnvironment:
                    var minVcpus = resource.Map("computeResources").GetValueOrDefault("minVcpus") is double min ? (int)min : 0;
                    if (minVcpus > 0)
                    {
                        idle.Add(new CostLine($"Batch: {minVcpus} vCPUs kept running", resource.Name, minVcpus * hours, "vCPU hours", null, null,
                            "not priced: spot instances bill at the spot price of the hour, which this table does not hold"));
                    }

                    break;
                case ResourceTypes.Budget:
                    idle.Add(Budget(resource, prices, region));
                    break;
                case ResourceTypes.FlowLog:
                    usage.Add(Usage("VPC flow logs into CloudWatch Logs", resource, "GB ingested", prices?.VendedLogsPerGb, region));
                    break;
                case ResourceTypes.CodeArtifactDomain:
                    // The package mirror has no standing charge: what it caches and what pip asks of it.
                    usage.Add(Usage("CodeArtifact storage (package mirror)", resource, "GB-months", prices?.CodeArtifactStoragePerGbMonth, region));
                    usage.Add(Usage("CodeArtifact requests (package mirror)", resource, "10,000 requests", prices?.CodeArtifactPer10kRequests, region));
                    break;
                case ResourceTypes.MlflowApp:
                    idle.Add(Free("SageMaker MLflow App", resource, "app-months", prices, region,
                        "no charge of its own: serverless, it scales to zero when unused; its artifacts bill as S3 storage in the model bucket"));
                    break;
                case ResourceTypes.ModelPackageGroup:
                    idle.Add(Free("SageMaker model package group", resource, "group-months", prices, region,
                        "no charge of its own; its packages point at model artifacts that bill as S3 storage"));
                    break;
                case ResourceTypes.Bucket:
                    usage.Add(Usage($"S3 Standard storage in {resource.Text("bucket") ?? resource.Name}", resource, "GB-months", prices?.S3StandardPerGbMonth, region));
                    break;
            }
        }

        // A private network's zones are its subnets (it is built without awsx).
        if (resources.Any(r => r.Type == ResourceTypes.VpcEndpoint && r.Text("vpcEndpointType") == "Interface")
            && resources.FirstOrDefault(r => r.Type is ResourceTypes.AwsxVpc or ResourceTypes.Vpc) is { } vpc
            && (vpc.Number("numberOfAvailabilityZones") ?? resources.Count(r => r.Type == ResourceTypes.Subnet)) is var vpcZones
            && resources.Any(r => r.Type == ResourceTypes.VpcEndpoint && r.Text("vpcEndpointType") == "Interface" && r.Strings("subnetIds").Count < vpcZones))
        {
            usage.Add(Usage("traffic from other zones to the interface endpoints", vpc, "GB each way", prices?.CrossAzPerGb, region));
        }

        return new CostReport(region, prices, idle, usage);
    }

    /// <summary>Whether the notebook's lifecycle configuration installs the idle check (it may only point pip at the mirror).</summary>
    private static bool StopsWhenIdle(PlannedResource notebook, IReadOnlyList<PlannedResource> resources) =>
        notebook.Text("lifecycleConfigName") is { Length: > 0 } name
        && resources.Where(r => r.Type == ResourceTypes.NotebookLifecycleConfiguration)
            .Any(r => r.Text("name") == name && NotebookOnStart.StopsWhenIdle(r.Text("onStart")));

    private static CostLine Notebook(PlannedResource notebook, bool stopsWhenIdle, PriceTable? prices, string region)
    {
        var type = notebook.Text("instanceType") ?? "(no type)";
        decimal? hourly = prices?.NotebookPerHour.TryGetValue(type, out var price) == true ? price : null;
        if (stopsWhenIdle)
        {
            // Its lifecycle configuration stops it when idle: an idle month bills its volume only.
            return new CostLine($"notebook {type}, stopped when idle", notebook.Name, 0, "instance hours", hourly, 0m,
                hourly is { } h ? $"bills {h.ToString(CultureInfo.InvariantCulture)} USD an hour only while in use" : $"no price for {type} in {region}; bills only while in use");
        }

        return Line($"notebook {type}, running", notebook, PriceTables.HoursPerMonth, "instance hours", hourly, region,
            missing: $"no price for {type} in {region}");
    }

    /// <summary>
    /// A budget with notifications and no actions costs nothing: AWS Budgets charges for
    /// action-enabled budgets beyond an account's first two (0.10 USD a day each) and for budget
    /// reports (https://aws.amazon.com/aws-cost-management/aws-budgets/pricing/, as issue 21 gives it;
    /// the page could not be read from the build machine on 2026-12-05). A budget filtered on a tag
    /// sees only costs of an active cost allocation tag, so the plan says what it waits for.
    /// </summary>
    private static CostLine Budget(PlannedResource budget, PriceTable? prices, string region)
    {
        var tags = (budget.Inputs.GetValueOrDefault("costFilters") as System.Collections.IEnumerable ?? Array.Empty<object>())
            .Cast<object?>()
            .Select(f => f is System.Collections.IDictionary filter ? filter : null)
            .Where(f => f is not null && Equals(f["name"], StackBudget.TagFilter) && f["values"] is System.Collections.IEnumerable)
            .SelectMany(f => ((System.Collections.IEnumerable)f!["values"]!).Cast<object?>().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))
            .ToList();
        // Like every line, priced only where the program has a price table (the price is global,
        // but a plan of an unpriced region prices nothing rather than something at zero).
        var note = prices is null ? $"no price table for {region}" : "no charge: notifications, no budget actions";
        if (tags.Count > 0)
        {
            note += $"; filtered on {string.Join(", ", tags)}, it tracks nothing until that tag is an active cost allocation tag of the account (docs/operations.md#cost-allocation-tag)";
        }

        decimal? free = prices is null ? null : 0m;
        return new CostLine("AWS Budgets cost budget", budget.Name, 1, "budget-months", free, free, note);
    }

    /// <summary>
    /// A resource that bills nothing itself. MLflow Apps come "at no additional cost" and scale "down
    /// to zero when not in use" (AWS Machine Learning blog, "Scaling MLflow for enterprise AI: What's
    /// New in SageMaker AI with MLflow", December 2025, read 2026-12-05; the pricing page could not be
    /// read from the build machine); SageMaker's pricing lists no charge for the model registry (as
    /// of 2026-12-05). Priced only where the program has a table, as the budget is.
    /// </summary>
    private static CostLine Free(string item, PlannedResource resource, string unit, PriceTable? prices, string region, string note)
    {
        decimal? free = prices is null ? null : 0m;
        return new CostLine(item, resource.Name, 1, unit, free, free, prices is null ? $"no price table for {region}" : note);
    }

    private static int NatGateways(PlannedResource vpc) =>
        (vpc.Map("natGateways").GetValueOrDefault("strategy") as string) switch
        {
            "None" => 0,
            "Single" => 1,
            // awsx's default (no strategy given) is one per zone.
            _ => (int)(vpc.Number("numberOfAvailabilityZones") ?? 3),
        };

    private static CostLine Line(string item, PlannedResource resource, decimal quantity, string unit, decimal? unitPrice, string region, string? missing = null) =>
        new(item, resource.Name, quantity, unit, unitPrice, unitPrice * quantity,
            unitPrice is null ? missing ?? $"no price table for {region}" : "");

    private static CostLine Usage(string item, PlannedResource resource, string unit, decimal? unitPrice, string region) =>
        new(item, resource.Name, 0, unit, unitPrice, null, unitPrice is null ? $"no price table for {region}" : "billed with use");
}

using System.Text.Json;
using System.Text.RegularExpressions;
using TrainingInfra.Blueprint.Aws;
using TrainingInfra.Blueprint.Monitoring;
using TrainingInfra.Blueprint.Naming;

namespace TrainingInfra.Blueprint.Tests;

public partial class MonitoringDashboardTests
{
    private static readonly AwsRegion Region = AwsRegion.TryParse("eu-west-1", out _)!;
    private static readonly ResourceNames Names = new("dev");
    private static readonly FailureAlert[] Alerts = [FailureAlerts.TrainingJobs(Names, Region), FailureAlerts.BatchJobs(Names, Region)];

    private static readonly string[] AlarmArns =
    [
        "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:training-job-failures-dev",
        "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:batch-job-failures-dev",
    ];

    // The metrics each namespace really has (SageMaker's and EventBridge's metric references).
    private static readonly Dictionary<string, HashSet<string>> RealMetrics = new()
    {
        ["/aws/sagemaker/TrainingJobs"] = ["CPUUtilization", "MemoryUtilization", "GPUUtilization", "GPUMemoryUtilization", "DiskUtilization"],
        ["AWS/Events"] = ["Invocations", "FailedInvocations", "TriggeredRules", "MatchedEvents", "ThrottledRules", "DeadLetterInvocations"],
    };

    private static JsonElement Body() => JsonDocument.Parse(TrainingDashboard.Body(Region, Alerts, AlarmArns)).RootElement;

    private static List<JsonElement> Widgets(string type) =>
        Body().GetProperty("widgets").EnumerateArray().Where(w => w.GetProperty("type").GetString() == type).ToList();

    private static List<JsonElement> MetricRows() =>
        Widgets("metric").SelectMany(w => w.GetProperty("properties").GetProperty("metrics").EnumerateArray()).ToList();

    // Rows naming a metric: [namespace, metric, dimension, value, ..., {options}].
    private static List<(string Namespace, string Metric, List<(string Name, string Value)> Dimensions)> NamedMetrics() =>
        MetricRows()
            .Where(row => row[0].ValueKind == JsonValueKind.String)
            .Select(row =>
            {
                var parts = row.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList();
                var dimensions = parts.Skip(2).Chunk(2).Select(d => (d[0], d[1])).ToList();
                return (parts[0], parts[1], dimensions);
            })
            .ToList();

    private static List<string> Expressions() =>
        MetricRows()
            .SelectMany(row => row.EnumerateArray())
            .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("expression", out _))
            .Select(e => e.GetProperty("expression").GetString()!)
            .ToList();

    [GeneratedRegex("""^SEARCH\('\{"?(?<namespace>[^",{}']+)"?,(?<dimension>[A-Za-z]+)\} MetricName="(?<metric>[A-Za-z]+)"', '(?<stat>Average|Sum|Minimum|Maximum|SampleCount)', (?<period>\d+)\)$""")]
    private static partial Regex SearchExpression();

    [Fact]
    public void Body_IsJsonWithWidgets()
    {
        Assert.NotEmpty(Body().GetProperty("widgets").EnumerateArray());
    }

    [Fact]
    public void SearchExpressions_AreWellFormed_WithAPeriodCloudWatchAccepts()
    {
        Assert.NotEmpty(Expressions());
        Assert.All(Expressions(), expression =>
        {
            var match = SearchExpression().Match(expression);
            Assert.True(match.Success, expression);
            Assert.Equal(0, int.Parse(match.Groups["period"].Value, System.Globalization.CultureInfo.InvariantCulture) % 60);
        });
    }

    [Fact]
    public void MetricWidgets_UseOnlyRealNamespacesAndMetrics()
    {
        var used = NamedMetrics().Select(m => (m.Namespace, m.Metric))
            .Concat(Expressions().Select(e => SearchExpression().Match(e)).Select(m => (m.Groups["namespace"].Value, m.Groups["metric"].Value)))
            .ToList();

        Assert.NotEmpty(used);
        Assert.All(used, m =>
        {
            Assert.True(RealMetrics.ContainsKey(m.Item1), $"namespace {m.Item1}");
            Assert.Contains(m.Item2, RealMetrics[m.Item1]);
        });
    }

    [Fact]
    public void TrainingJobGraphs_SearchByHost_ForCpuMemoryGpuGpuMemoryAndDisk()
    {
        var searches = Expressions().Select(e => SearchExpression().Match(e)).ToList();

        Assert.All(searches, m =>
        {
            Assert.Equal("/aws/sagemaker/TrainingJobs", m.Groups["namespace"].Value);
            Assert.Equal("Host", m.Groups["dimension"].Value);
        });
        Assert.Equal(
            new HashSet<string> { "CPUUtilization", "MemoryUtilization", "GPUUtilization", "GPUMemoryUtilization", "DiskUtilization" },
            searches.Select(m => m.Groups["metric"].Value).ToHashSet());
    }

    [Fact]
    public void NoMetric_UsesADimensionValueAll()
    {
        Assert.All(NamedMetrics().SelectMany(m => m.Dimensions), d => Assert.NotEqual("ALL", d.Value, StringComparer.OrdinalIgnoreCase));
        Assert.All(Expressions(), e => Assert.DoesNotContain("\"ALL\"", e, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void FailureGraphs_CountEachRulesMatchesAndFailedDeliveries()
    {
        var byRule = NamedMetrics()
            .Where(m => m.Namespace == "AWS/Events")
            .Select(m => (m.Metric, Rule: Assert.Single(m.Dimensions, d => d.Name == "RuleName").Value))
            .ToHashSet();

        Assert.All(Alerts, alert =>
        {
            Assert.Contains(("Invocations", alert.RuleName), byRule);
            Assert.Contains(("FailedInvocations", alert.RuleName), byRule);
        });
    }

    [Fact]
    public void FailureGraphs_AddUpEventsRatherThanAveragingThem()
    {
        var widgets = Widgets("metric").Where(w => w.GetProperty("properties").GetProperty("metrics").EnumerateArray()
            .Any(row => row[0].ValueKind == JsonValueKind.String && row[0].GetString() == "AWS/Events"));

        Assert.All(widgets, w => Assert.Equal("Sum", w.GetProperty("properties").GetProperty("stat").GetString()));
    }

    [Fact]
    public void EveryMetricWidget_ReadsTheStacksRegion()
    {
        Assert.All(Widgets("metric"), w => Assert.Equal("eu-west-1", w.GetProperty("properties").GetProperty("region").GetString()));
    }

    [Fact]
    public void AlarmWidget_ShowsEveryAlarmGiven()
    {
        var widget = Assert.Single(Widgets("alarm"));

        Assert.Equal(AlarmArns, widget.GetProperty("properties").GetProperty("alarms").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void Widgets_FitTheGridWithoutOverlapping()
    {
        var boxes = Body().GetProperty("widgets").EnumerateArray()
            .Select(w => (X: w.GetProperty("x").GetInt32(), Y: w.GetProperty("y").GetInt32(), W: w.GetProperty("width").GetInt32(), H: w.GetProperty("height").GetInt32()))
            .ToList();

        Assert.All(boxes, b => Assert.True(b.X >= 0 && b.X + b.W <= 24 && b.W >= 1 && b.H >= 1, $"{b}"));
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                var overlap = a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H;
                Assert.False(overlap, $"{a} overlaps {b}");
            }
        }
    }

    [Fact]
    public void ExpressionIds_AreUniqueAndStartWithALowercaseLetter()
    {
        var ids = MetricRows().SelectMany(row => row.EnumerateArray())
            .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("id", out _))
            .Select(e => e.GetProperty("id").GetString()!)
            .ToList();

        Assert.All(ids, id => Assert.Matches("^[a-z][A-Za-z0-9_]*$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}

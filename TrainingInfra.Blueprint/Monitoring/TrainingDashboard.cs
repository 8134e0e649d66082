using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingInfra.Blueprint.Aws;

namespace TrainingInfra.Blueprint.Monitoring;

/// <summary>
/// The dashboard body: the state of the failure alarms, failures and undelivered alerts over time
/// from the rules' own metrics, and training-job utilisation. SageMaker publishes a training job's
/// utilisation in <c>/aws/sagemaker/TrainingJobs</c> with one dimension, <c>Host</c> =
/// <c>{job name}/algo-{n}</c>, whose values change with every job; there is no "all hosts" value,
/// so the graphs find them with SEARCH expressions instead of naming them.
/// </summary>
public static class TrainingDashboard
{
    // The body is stored and shown as written; without this every quote of the SEARCH expressions
    // would read \u0027 or \u0022 in the console's source view and in Pulumi's diffs.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Where SageMaker publishes training jobs' instance metrics.</summary>
    public const string TrainingJobsNamespace = "/aws/sagemaker/TrainingJobs";

    /// <summary>The one dimension of those metrics.</summary>
    public const string HostDimension = "Host";

    /// <summary>Period of every graph, as of the alarms.</summary>
    public const int PeriodSeconds = RuleAlarms.PeriodSeconds;

    /// <summary>The utilisation graphs: metric and title. All are percentages, per host.</summary>
    public static IReadOnlyList<(string Metric, string Title)> UtilisationGraphs { get; } =
    [
        ("CPUUtilization", "Training jobs: CPU utilisation (% per host, 100 per core)"),
        ("MemoryUtilization", "Training jobs: memory utilisation (% per host)"),
        ("GPUUtilization", "Training jobs: GPU utilisation (% per host, 100 per GPU)"),
        ("GPUMemoryUtilization", "Training jobs: GPU memory utilisation (% per host, 100 per GPU)"),
        ("DiskUtilization", "Training jobs: disk utilisation (% per host)"),
    ];

    /// <summary>The SEARCH expression that finds every training host's series of one metric.</summary>
    public static string UtilisationSearch(string metricName) =>
        // The namespace is quoted because it holds characters other than letters and digits.
        $"SEARCH('{{\"{TrainingJobsNamespace}\",{HostDimension}}} MetricName=\"{metricName}\"', 'Average', {PeriodSeconds})";

    /// <summary>The dashboard body as JSON.</summary>
    /// <param name="region">The stack's region; every metric widget reads it.</param>
    /// <param name="alerts">The failure alerts whose rules' metrics are graphed.</param>
    /// <param name="alarmArns">The alarms whose state the dashboard shows.</param>
    public static string Body(AwsRegion region, IReadOnlyList<FailureAlert> alerts, IReadOnlyList<string> alarmArns)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(alarmArns);

        var widgets = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "alarm",
                ["x"] = 0,
                ["y"] = 0,
                ["width"] = 24,
                ["height"] = 3,
                // An alarm widget takes no region: the alarms' ARNs name it.
                ["properties"] = new JsonObject
                {
                    ["title"] = "Alert alarms",
                    ["alarms"] = new JsonArray(alarmArns.Select(a => (JsonNode)JsonValue.Create(a)).ToArray()),
                },
            },
            RuleMetricWidget(region, 0, 3, "Failed jobs (failure rules matched)", RuleAlarms.Invocations, alerts),
            RuleMetricWidget(region, 12, 3, "Failure alerts that could not be delivered", RuleAlarms.FailedInvocations, alerts),
        };

        for (var i = 0; i < UtilisationGraphs.Count; i++)
        {
            var (metric, title) = UtilisationGraphs[i];
            widgets.Add(Widget(12 * (i % 2), 9 + (6 * (i / 2)), 12, new JsonObject
            {
                ["title"] = title,
                ["view"] = "timeSeries",
                ["stacked"] = false,
                ["region"] = region.Name,
                ["stat"] = "Average",
                ["period"] = PeriodSeconds,
                ["yAxis"] = new JsonObject { ["left"] = new JsonObject { ["min"] = 0 } },
                ["metrics"] = new JsonArray(new JsonArray(new JsonObject
                {
                    ["expression"] = UtilisationSearch(metric),
                    ["id"] = $"e{i + 1}",
                })),
            }));
        }

        return new JsonObject { ["widgets"] = widgets }.ToJsonString(Readable);
    }

    private static JsonObject RuleMetricWidget(
        AwsRegion region, int x, int y, string title, string metricName, IReadOnlyList<FailureAlert> alerts) =>
        Widget(x, y, 12, new JsonObject
        {
            ["title"] = title,
            ["view"] = "timeSeries",
            ["stacked"] = false,
            ["region"] = region.Name,
            ["stat"] = "Sum",
            ["period"] = PeriodSeconds,
            ["yAxis"] = new JsonObject { ["left"] = new JsonObject { ["min"] = 0 } },
            ["metrics"] = new JsonArray(alerts.Select(a => (JsonNode)new JsonArray(
                RuleAlarms.EventsNamespace, metricName, RuleAlarms.RuleNameDimension, a.RuleName,
                new JsonObject { ["label"] = a.Label })).ToArray()),
        });

    private static JsonObject Widget(int x, int y, int width, JsonObject properties) => new()
    {
        ["type"] = "metric",
        ["x"] = x,
        ["y"] = y,
        ["width"] = width,
        ["height"] = 6,
        ["properties"] = properties,
    };
}

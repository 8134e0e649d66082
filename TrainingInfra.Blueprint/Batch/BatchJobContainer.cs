using System.Globalization;
using System.Text.Json.Nodes;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Packages;

namespace TrainingInfra.Blueprint.Batch;

/// <summary>
/// The container of the batch-inference job definition: the ContainerProperties document that
/// RegisterJobDefinition takes, for the EC2 platform.
/// </summary>
public static class BatchJobContainer
{
    /// <summary>The platform the job runs on: Batch-managed EC2 instances, not Fargate.</summary>
    public const string Platform = "EC2";

    /// <summary>Job definition type of a single-container job.</summary>
    public const string JobType = "container";

    /// <summary>Prefix of the job's log streams in the platform's log group.</summary>
    public const string LogStreamPrefix = "inference";

    /// <summary>The image a job runs: the repository at the configured tag.</summary>
    public static string Image(string repository, string tag) => $"{repository}:{tag}";

    /// <summary>
    /// The container properties. vCPUs and memory are given as resource requirements (the
    /// top-level vcpus and memory fields are deprecated), whose values AWS takes as strings. Logs go
    /// through the awslogs driver into the platform's log group, which the monitoring part creates
    /// with its retention; the driver never creates it. There is no execution role: on EC2 the ECS
    /// agent pulls the image and writes the logs with the instance role. With the package mirror on,
    /// the environment names the mirror (<see cref="PackageMirror.JobEnvironment"/>) and nothing
    /// more: the container fetches its own token (<see cref="PackageMirror.EntrypointSnippet"/>),
    /// which lasts at most 12 hours and so can never be part of a job definition.
    /// </summary>
    /// <param name="settings">The stack's settings.</param>
    /// <param name="repository">The repository URL, registry host and name, without a tag.</param>
    /// <param name="jobRoleArn">The role the job's code runs as.</param>
    /// <param name="accountId">The stack's account, which owns the mirror's domain.</param>
    public static string Properties(PlatformSettings settings, string repository, string jobRoleArn, string accountId)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var batch = settings.Batch;
        var properties = new JsonObject
        {
            ["image"] = Image(repository, batch.JobImageTag),
            ["resourceRequirements"] = new JsonArray(
                Requirement("VCPU", batch.JobVcpus),
                Requirement("MEMORY", batch.JobMemoryMiB)),
            ["jobRoleArn"] = jobRoleArn,
            ["logConfiguration"] = new JsonObject
            {
                ["logDriver"] = "awslogs",
                ["options"] = new JsonObject
                {
                    ["awslogs-group"] = settings.Names.LogGroup,
                    ["awslogs-region"] = settings.Region.Name,
                    ["awslogs-stream-prefix"] = LogStreamPrefix,
                },
            },
        };
        if (settings.PackageMirror)
        {
            properties["environment"] = new JsonArray(PackageMirror.JobEnvironment(settings, accountId)
                .Select(v => (JsonNode)new JsonObject { ["name"] = v.Key, ["value"] = v.Value }).ToArray());
        }

        return properties.ToJsonString();
    }

    private static JsonObject Requirement(string type, int value) => new()
    {
        ["type"] = type,
        ["value"] = value.ToString(CultureInfo.InvariantCulture),
    };
}

using System.Collections;
using System.Globalization;

namespace TrainingInfra.Blueprint.Planning;

/// <summary>
/// The settings of a resource that a reviewer of a change checks: sizes and counts that cost
/// money (instance types, zones, vCPU limits), how long data stays (retention, lifecycle), who can
/// reach it (public access, internet access, root access), how it is encrypted, and whether a
/// destroy can delete it. Not a dump of every input: policies and wiring are the guardrails' job.
/// </summary>
public static class ReviewedSettings
{
    // Setting name -> the input path it is read from: "a.b" walks maps, "#a" counts a list's
    // items, "?a" says only whether the input is set (its value is an id or ARN).
    private static readonly Dictionary<string, (string Setting, string Path)[]> ByType = new(StringComparer.Ordinal)
    {
        [ResourceTypes.AwsxVpc] =
        [
            ("cidr", "cidrBlock"), ("availability zones", "numberOfAvailabilityZones"), ("NAT gateways", "natGateways.strategy"),
            ("subnet types", "subnetSpecs.type"),
        ],
        [ResourceTypes.VpcEndpoint] =
        [
            ("service", "serviceName"), ("endpoint type", "vpcEndpointType"), ("zones", "#subnetIds"), ("private DNS", "privateDnsEnabled"),
        ],
        [ResourceTypes.NatGateway] = [("connectivity", "connectivityType")],
        [ResourceTypes.FlowLog] = [("traffic", "trafficType")],
        [ResourceTypes.NotebookInstance] =
        [
            ("instance type", "instanceType"), ("volume GB", "volumeSize"), ("direct internet access", "directInternetAccess"),
            ("root access", "rootAccess"), ("KMS key", "?kmsKeyId"), ("stops when idle", "?lifecycleConfigName"),
            ("IMDS minimum version", "instanceMetadataServiceConfiguration.minimumInstanceMetadataServiceVersion"),
        ],
        [ResourceTypes.ComputeEnvironment] =
        [
            ("type", "type"), ("capacity", "computeResources.type"), ("instance types", "computeResources.instanceTypes"),
            ("min vCPUs", "computeResources.minVcpus"), ("max vCPUs", "computeResources.maxVcpus"),
            ("spot bid %", "computeResources.bidPercentage"), ("allocation", "computeResources.allocationStrategy"),
        ],
        [ResourceTypes.JobQueue] = [("priority", "priority"), ("state", "state")],
        ["aws:batch/jobDefinition:JobDefinition"] = [("attempts", "retryStrategy.attempts"), ("timeout s", "timeout.attemptDurationSeconds")],
        ["aws:cloudwatch/logGroup:LogGroup"] = [("retention days", "retentionInDays"), ("KMS key", "?kmsKeyId")],
        [ResourceTypes.MetricAlarm] = [("metric", "metricName"), ("threshold", "threshold"), ("period s", "period")],
        [ResourceTypes.EventRule] = [("state", "state")],
        [ResourceTypes.Bucket] = [("force destroy", "forceDestroy")],
        ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"] =
        [
            ("block public ACLs", "blockPublicAcls"), ("block public policy", "blockPublicPolicy"),
            ("ignore public ACLs", "ignorePublicAcls"), ("restrict public buckets", "restrictPublicBuckets"),
        ],
        ["aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"] =
        [
            ("encryption", "rules.applyServerSideEncryptionByDefault.sseAlgorithm"),
        ],
        ["aws:s3/bucketVersioning:BucketVersioning"] = [("versioning", "versioningConfiguration.status")],
        ["aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration"] = [("rules", "#rules")],
        ["aws:s3/bucketLogging:BucketLogging"] = [("log prefix", "targetPrefix")],
        ["aws:s3/bucketReplicationConfig:BucketReplicationConfig"] = [("rules", "#rules")],
        ["aws:ecr/repository:Repository"] =
        [
            ("tags", "imageTagMutability"), ("scan on push", "imageScanningConfiguration.scanOnPush"),
            ("encryption", "encryptionConfigurations.encryptionType"), ("force delete", "forceDelete"),
        ],
        [ResourceTypes.KmsKey] = [("rotation", "enableKeyRotation"), ("deletion window days", "deletionWindowInDays")],
        ["aws:sns/topic:Topic"] = [("KMS key", "kmsMasterKeyId")],
        ["aws:sns/topicSubscription:TopicSubscription"] = [("protocol", "protocol")],
        ["aws:iam/rolePolicyAttachment:RolePolicyAttachment"] = [("managed policy", "policyArn")],
        ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"] =
        [
            ("protocol", "ipProtocol"), ("from port", "fromPort"), ("to port", "toPort"), ("from CIDR", "cidrIpv4"),
        ],
        ["aws:ec2/launchTemplate:LaunchTemplate"] = [("IMDS tokens", "metadataOptions.httpTokens")],
    };

    /// <summary>
    /// The reviewed settings of a resource, in the order listed here; <paramref name="protect"/> and
    /// <paramref name="retainOnDelete"/> are its Pulumi resource options, listed when set.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Of(PlannedResource resource, bool protect, bool retainOnDelete)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (setting, path) in ByType.GetValueOrDefault(resource.Type) ?? [])
        {
            if (Read(resource.Inputs, path) is { } value)
            {
                settings[setting] = value;
            }
        }

        if (protect)
        {
            settings["protected"] = "true";
        }

        if (retainOnDelete)
        {
            settings["retained on delete"] = "true";
        }

        return settings;
    }

    /// <summary>The name a resource gets in AWS where the program sets it, or null.</summary>
    public static string? PhysicalName(PlannedResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Type switch
        {
            ResourceTypes.Bucket => resource.Text("bucket"),
            ResourceTypes.StackReference or "pulumi:pulumi:Stack" => null,
            "aws:cloudwatch/dashboard:Dashboard" => resource.Text("dashboardName"),
            "aws:cloudwatch/metricAlarm:MetricAlarm" => resource.Text("name") ?? resource.Text("alarmName"),
            // A prefix: the provider appends a unique tail (ResourceNames.UniqueSuffixLength).
            _ when resource.Type.StartsWith("aws:", StringComparison.Ordinal) =>
                resource.Text("name") ?? (resource.Text("namePrefix") is { } prefix ? prefix + "*" : null),
            _ => null,
        };
    }

    private static string? Read(IReadOnlyDictionary<string, object?> inputs, string path)
    {
        var count = path.StartsWith('#');
        var presence = path.StartsWith('?');
        var steps = path.TrimStart('#', '?').Split('.');
        IReadOnlyList<object?> values = [inputs];
        foreach (var step in steps)
        {
            values = values.SelectMany(v => Flatten(Field(v, step))).ToList();
        }

        if (count)
        {
            return Field(inputs, steps[0]) is IEnumerable list and not string ? list.Cast<object?>().Count().ToString(CultureInfo.InvariantCulture) : null;
        }

        if (presence)
        {
            return values.Any(v => v is string { Length: > 0 }) ? "yes" : "no";
        }

        var texts = values.Where(v => v is not null).Select(Text).Distinct(StringComparer.Ordinal).ToList();
        return texts.Count == 0 ? null : string.Join(", ", texts);
    }

    private static object? Field(object? value, string name) => value switch
    {
        IReadOnlyDictionary<string, object?> map => map.GetValueOrDefault(name),
        IDictionary map => map.Contains(name) ? map[name] : null,
        _ => null,
    };

    // A list in the path applies the rest of the path to each of its items.
    private static IEnumerable<object?> Flatten(object? value) =>
        value is IEnumerable items and not string and not IDictionary ? items.Cast<object?>() : [value];

    private static string Text(object? value) => value switch
    {
        bool b => b ? "true" : "false",
        double d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}

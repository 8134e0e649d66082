using System.Text.RegularExpressions;

namespace TrainingInfra.Blueprint.Tests.Scripts.RealCli;

/// <summary>
/// Which operation a REST request is, from its service's HTTP bindings (each operation's "http"
/// method and requestUri in the botocore model) for the operations the scripts call. A script that
/// calls another REST operation adds its line here; JSON and query operations need no line.
/// </summary>
internal static partial class RestOperations
{
    private sealed record Route(string Service, AwsProtocol Protocol, string Method, Regex Path, string? QueryKey, string Operation);

    private static readonly Route[] Routes =
    [
        // Batch: every operation is POST /v1/<its name in lower case> (batch/2016-08-10/service-2.json).
        Batch("DescribeComputeEnvironments"),
        Batch("DescribeJobDefinitions"),
        Batch("RegisterJobDefinition"),
        Batch("DeregisterJobDefinition"),
        Batch("SubmitJob"),
        Batch("DescribeJobs"),

        // S3, path-style (/<bucket>/<key>), which is how the CLIs address an IP endpoint.
        new("s3", AwsProtocol.RestXml, "PUT", ObjectPath(), null, "PutObject"),
        new("s3", AwsProtocol.RestXml, "HEAD", ObjectPath(), null, "HeadObject"),
        new("s3", AwsProtocol.RestXml, "DELETE", ObjectPath(), null, "DeleteObject"),
        new("s3", AwsProtocol.RestXml, "GET", BucketPath(), "list-type", "ListObjectsV2"),
        new("s3", AwsProtocol.RestXml, "POST", BucketPath(), "delete", "DeleteObjects"),
    ];

    /// <summary>The protocol and operation of a REST request, or null for one no route matches.</summary>
    public static (AwsProtocol Protocol, string Operation)? Find(
        string service, string method, string path, IReadOnlyDictionary<string, string> query)
    {
        var route = Routes.FirstOrDefault(r =>
            r.Service == service
            && r.Method == method
            && r.Path.IsMatch(path)
            && (r.QueryKey is null || query.ContainsKey(r.QueryKey)));
        return route is null ? null : (route.Protocol, route.Operation);
    }

    private static Route Batch(string operation) =>
        new("batch", AwsProtocol.RestJson, "POST", new Regex($"^/v1/{operation.ToLowerInvariant()}$"), null, operation);

    [GeneratedRegex("^/[^/]+/.+$")]
    private static partial Regex ObjectPath();

    [GeneratedRegex("^/[^/]+/?$")]
    private static partial Regex BucketPath();
}

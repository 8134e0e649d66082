using System.Text.Json.Nodes;
using TrainingInfra.Blueprint.Policies;

namespace TrainingInfra.Blueprint.Storage;

/// <summary>Bucket policies of the platform's buckets.</summary>
public static class BucketPolicies
{
    /// <summary>The oldest TLS version a client may use.</summary>
    public const string MinimumTlsVersion = "1.2";

    /// <summary>
    /// Denies every request to the bucket and its objects that arrives over plain HTTP or over TLS
    /// older than 1.2, whoever sends it. A Deny cannot be outweighed by any Allow, so no role or
    /// bucket grant added later can reopen plain-HTTP access.
    /// </summary>
    public static string TlsOnly(string bucketArn) => PolicyDocument.Create([.. TlsStatements(bucketArn)]);

    /// <summary>The principal S3 server access logs are delivered by.</summary>
    public const string LogDeliveryPrincipal = "logging.s3.amazonaws.com";

    /// <summary>
    /// The access-log bucket's policy: TLS only, as every bucket, and log delivery admitted by the
    /// policy rather than by the legacy log-delivery ACL (ACLs are off). Each source bucket may
    /// deliver only under its own prefix, and only for this account, so that no other bucket, in
    /// this account or another, can have S3 write its logs here.
    /// </summary>
    public static string AccessLogDelivery(string logBucketArn, string accountId, IEnumerable<AccessLogSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var delivery = sources.Select((source, index) => PolicyDocument.Statement(
            $"S3ServerAccessLogDelivery{index + 1}", "Allow", ["s3:PutObject"], [$"{logBucketArn}/{source.Prefix}*"],
            principal: new JsonObject { ["Service"] = LogDeliveryPrincipal },
            condition: new JsonObject
            {
                ["ArnEquals"] = new JsonObject { ["aws:SourceArn"] = source.BucketArn },
                ["StringEquals"] = new JsonObject { ["aws:SourceAccount"] = accountId },
            }));
        return PolicyDocument.Create([.. TlsStatements(logBucketArn), .. delivery]);
    }

    private static IEnumerable<JsonObject> TlsStatements(string bucketArn)
    {
        string[] resources = [bucketArn, bucketArn + "/*"];
        yield return PolicyDocument.Statement(
            "DenyInsecureTransport", "Deny", ["s3:*"], resources, principal: "*",
            new JsonObject { ["Bool"] = new JsonObject { ["aws:SecureTransport"] = "false" } });
        yield return PolicyDocument.Statement(
            "DenyOutdatedTls", "Deny", ["s3:*"], resources, principal: "*",
            new JsonObject { ["NumericLessThan"] = new JsonObject { ["s3:TlsVersion"] = MinimumTlsVersion } });
    }
}

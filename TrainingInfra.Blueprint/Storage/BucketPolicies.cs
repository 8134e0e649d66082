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
    public static string TlsOnly(string bucketArn)
    {
        string[] resources = [bucketArn, bucketArn + "/*"];
        return PolicyDocument.Create(
            PolicyDocument.Statement(
                "DenyInsecureTransport", "Deny", ["s3:*"], resources, principal: "*",
                new JsonObject { ["Bool"] = new JsonObject { ["aws:SecureTransport"] = "false" } }),
            PolicyDocument.Statement(
                "DenyOutdatedTls", "Deny", ["s3:*"], resources, principal: "*",
                new JsonObject { ["NumericLessThan"] = new JsonObject { ["s3:TlsVersion"] = MinimumTlsVersion } }));
    }
}

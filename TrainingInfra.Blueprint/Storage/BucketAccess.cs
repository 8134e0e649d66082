using System.Text.Json.Nodes;
using TrainingInfra.Blueprint.Policies;

namespace TrainingInfra.Blueprint.Storage;

/// <summary>The grants that let a role read, or read and write, one of the platform's buckets.</summary>
public static class BucketAccess
{
    private static readonly string[] BucketRead = ["s3:ListBucket", "s3:GetBucketLocation"];
    private static readonly string[] BucketWrite = ["s3:ListBucketMultipartUploads"];
    private static readonly string[] ObjectRead = ["s3:GetObject", "s3:GetObjectVersion"];
    private static readonly string[] ObjectWrite = ["s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"];

    /// <summary>
    /// List and locate on the bucket ARN, object actions on <c>bucket/*</c>, because S3 authorises
    /// the two kinds of action on different resources. <paramref name="label"/> names the
    /// statements (e.g. Model gives ReadWriteModelBucket and ReadWriteModelObjects). With
    /// <paramref name="keyPrefix"/> the object actions reach only keys under it; listing stays on
    /// the bucket.
    /// </summary>
    public static IEnumerable<JsonObject> Statements(string label, string bucketArn, bool write, string keyPrefix = "")
    {
        var access = write ? "ReadWrite" : "Read";
        yield return PolicyDocument.Allow($"{access}{label}Bucket", write ? [.. BucketRead, .. BucketWrite] : BucketRead, [bucketArn]);
        yield return PolicyDocument.Allow($"{access}{label}Objects", write ? [.. ObjectRead, .. ObjectWrite] : ObjectRead, [$"{bucketArn}/{keyPrefix}*"]);
    }
}

namespace TrainingInfra.Blueprint.Storage;

/// <summary>Lifecycle rules shared by the platform's buckets.</summary>
public static class BucketLifecycle
{
    /// <summary>
    /// Parts of multipart uploads that never completed are billed but invisible in listings; a
    /// dataset upload that died overnight would cost money forever without this rule.
    /// </summary>
    public const int AbortIncompleteMultipartUploadDays = 7;

    /// <summary>Rule id of the abort rule.</summary>
    public const string AbortIncompleteUploadsRuleId = "abort-incomplete-multipart-uploads";

    /// <summary>Rule id of the rule that expires replaced and deleted object versions.</summary>
    public const string ExpireNoncurrentRuleId = "expire-noncurrent-versions";

    /// <summary>Rule id of the model bucket's archive rule (the CDK design's).</summary>
    public const string ArchiveRuleId = "archive-old-models";

    /// <summary>Storage class model artifacts move to.</summary>
    public const string ArchiveStorageClass = "GLACIER";

    /// <summary>Server-side encryption of both buckets (S3-managed keys, as in the CDK design).</summary>
    public const string SseAlgorithm = "AES256";

    /// <summary>Server-side encryption with the stack's customer-managed key.</summary>
    public const string KmsSseAlgorithm = "aws:kms";

    /// <summary>Object ownership that turns ACLs off, so that only policies grant access.</summary>
    public const string ObjectOwnership = "BucketOwnerEnforced";
}

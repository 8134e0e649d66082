namespace TrainingInfra.Blueprint.Storage;

/// <summary>A bucket whose server access logs go to an access-log bucket, and the key prefix they go under.</summary>
/// <param name="BucketArn">ARN of the logged bucket.</param>
/// <param name="Prefix">Key prefix of its logs in the access-log bucket, ending in a slash.</param>
public sealed record AccessLogSource(string BucketArn, string Prefix);

namespace TrainingInfra.Blueprint.Config;

/// <summary>S3 server access logging of the stack's buckets.</summary>
/// <param name="Enabled">Whether the buckets' requests are logged into the stack's access-log bucket.</param>
/// <param name="RetentionDays">Days a log object is kept before it expires.</param>
public sealed record AccessLogSettings(bool Enabled, int RetentionDays);

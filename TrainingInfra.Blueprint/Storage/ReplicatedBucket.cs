namespace TrainingInfra.Blueprint.Storage;

/// <summary>A source bucket and its replica in the replica region.</summary>
/// <param name="SourceArn">ARN of the bucket in the stack's region.</param>
/// <param name="ReplicaArn">ARN of its replica.</param>
public sealed record ReplicatedBucket(string SourceArn, string ReplicaArn);

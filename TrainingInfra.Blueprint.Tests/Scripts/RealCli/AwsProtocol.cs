namespace TrainingInfra.Blueprint.Tests.Scripts.RealCli;

/// <summary>
/// The wire protocols of the services the scripts call, as botocore's service models name them in
/// metadata "protocol"/"protocols" (botocore/data/&lt;service&gt;/&lt;version&gt;/service-2.json).
/// </summary>
internal enum AwsProtocol
{
    /// <summary>"query": form-encoded POST with Action=, XML answers (STS, and CloudWatch for CLIs before JSON).</summary>
    Query,

    /// <summary>"ec2": the query protocol with EC2's own XML answer and error shapes.</summary>
    Ec2,

    /// <summary>"json": POST with X-Amz-Target, JSON answers (SageMaker, Logs, Service Quotas; CloudWatch in newer CLIs).</summary>
    Json,

    /// <summary>"rest-json": the operation is in the method and path, JSON bodies (Batch).</summary>
    RestJson,

    /// <summary>"rest-xml": the operation is in the method, path and query, XML bodies (S3).</summary>
    RestXml,
}

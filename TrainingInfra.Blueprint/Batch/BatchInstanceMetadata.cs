namespace TrainingInfra.Blueprint.Batch;

/// <summary>
/// Instance metadata settings of the Batch instances, set through a launch template because a
/// compute environment has no setting of its own for them.
/// </summary>
public static class BatchInstanceMetadata
{
    /// <summary>The metadata service stays on: the ECS agent and the instance's own tooling use it.</summary>
    public const string HttpEndpoint = "enabled";

    /// <summary>
    /// IMDSv2 only: a request without a session token is refused, which closes the metadata service
    /// to the server-side request forgery that IMDSv1 allows (Security Hub EC2.8).
    /// </summary>
    public const string HttpTokens = "required";

    /// <summary>
    /// Job containers run in bridge mode, one network hop behind the host, and a session token with a
    /// hop limit of 1 would never reach them. 2 is also what Amazon Linux 2023 AMIs default to.
    /// </summary>
    public const int HopLimit = 2;
}

namespace TrainingInfra.Blueprint.Network;

/// <summary>One workload's call, from inside the VPC, to an AWS service: why an endpoint exists.</summary>
/// <param name="Service">The endpoint service's short name, e.g. <c>logs</c>.</param>
/// <param name="Consumer">Who makes the call, e.g. "SageMaker training jobs (VPC mode)".</param>
/// <param name="Call">What the call is for.</param>
/// <param name="Source">The AWS page that says the call goes through the VPC.</param>
public sealed record EndpointNeed(string Service, string Consumer, string Call, string Source);

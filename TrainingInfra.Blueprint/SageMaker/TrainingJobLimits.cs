using TrainingInfra.Blueprint.Config;

namespace TrainingInfra.Blueprint.SageMaker;

/// <summary>
/// What a CreateTrainingJob request must carry for the stack's submitter and scoped notebook
/// policies to allow it: one of the allowed instance types, the stack's isolated subnets and
/// SageMaker security group, the stack's data key (when it has one), and run time and warm pool
/// within bounds.
/// </summary>
/// <param name="InstanceTypes">The instance types a job may use.</param>
/// <param name="SubnetIds">The subnets a job must run in: the stack's isolated subnets.</param>
/// <param name="SecurityGroupIds">The security groups a job must use: the stack's SageMaker group.</param>
/// <param name="DataKeyArn">The stack's customer-managed data key, or null when it has none.</param>
/// <param name="MaxRuntimeSeconds">The longest StoppingCondition.MaxRuntimeInSeconds allowed.</param>
/// <param name="MaxKeepAliveSeconds">The longest ResourceConfig.KeepAlivePeriodInSeconds allowed.</param>
public sealed record TrainingJobLimits(
    IReadOnlyList<string> InstanceTypes,
    IReadOnlyList<string> SubnetIds,
    IReadOnlyList<string> SecurityGroupIds,
    string? DataKeyArn,
    int MaxRuntimeSeconds,
    int MaxKeepAliveSeconds)
{
    /// <summary>The limits of a stack, from its settings and the network and key it was given.</summary>
    public static TrainingJobLimits For(TrainingSettings training, IReadOnlyList<string> subnetIds, string securityGroupId, string? dataKeyArn)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(subnetIds);
        if (subnetIds.Count == 0)
        {
            // An empty list under ForAllValues would allow no subnet at all, yet read as a limit.
            throw new ArgumentException("the limits need the subnets that jobs must run in", nameof(subnetIds));
        }

        return new(training.SubmittableInstanceTypes, subnetIds, [securityGroupId], dataKeyArn, training.MaxRuntimeSeconds, training.MaxKeepAliveSeconds);
    }
}

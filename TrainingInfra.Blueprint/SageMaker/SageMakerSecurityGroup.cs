namespace TrainingInfra.Blueprint.SageMaker;

/// <summary>
/// The security group of the notebook and the training jobs: every outbound connection, and inbound
/// only from members of the group itself (the instances of a distributed training job talk to one
/// another).
/// </summary>
public static class SageMakerSecurityGroup
{
    /// <summary>The group's description (EC2 cannot change it without replacing the group).</summary>
    public static string Description(string suffix) => $"SageMaker notebook and training jobs of training-infra {suffix}";
}

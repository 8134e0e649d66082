namespace TrainingInfra.Blueprint.Config;

/// <summary>The shape of a network a stack owns: whether anything in it has a path to the internet.</summary>
public enum NetworkMode
{
    /// <summary>
    /// The CDK design: public subnets behind an internet gateway, where the notebook and the Batch
    /// hosts run with public addresses, beside isolated subnets for training.
    /// </summary>
    Public,

    /// <summary>
    /// No public subnet, no public address, no internet gateway and no route out: the notebook, the
    /// Batch hosts and training run in the isolated subnets and reach AWS through VPC endpoints.
    /// </summary>
    Private,
}

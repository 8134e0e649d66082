namespace TrainingInfra.Blueprint.Config;

/// <summary>What the notebook's role may do in SageMaker.</summary>
public enum NotebookAccess
{
    /// <summary>AmazonSageMakerFullAccess, as in the CDK design: every SageMaker resource of the account.</summary>
    Full,

    /// <summary>Only this stack's training jobs (run as its training role) and the notebook itself.</summary>
    Scoped,
}

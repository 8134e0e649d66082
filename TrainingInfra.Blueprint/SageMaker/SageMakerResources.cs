namespace TrainingInfra.Blueprint.SageMaker;

/// <summary>The platform's own resources that notebook users and training jobs work with.</summary>
/// <param name="DatasetBucketArn">ARN of the dataset bucket.</param>
/// <param name="ModelBucketArn">ARN of the model-artifacts bucket.</param>
/// <param name="RepositoryArn">ARN of the training-container repository.</param>
/// <param name="DataKeyArn">ARN of the customer-managed key both buckets are encrypted with, if the stack has one.</param>
public sealed record SageMakerResources(string DatasetBucketArn, string ModelBucketArn, string RepositoryArn, string? DataKeyArn = null);

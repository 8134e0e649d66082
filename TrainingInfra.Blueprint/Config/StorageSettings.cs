namespace TrainingInfra.Blueprint.Config;

/// <summary>Buckets and image repository.</summary>
/// <param name="ModelArchiveDays">Days before model artifacts move to GLACIER.</param>
/// <param name="EcrMaxImageCount">Images the repository keeps.</param>
public sealed record StorageSettings(int ModelArchiveDays, int EcrMaxImageCount);

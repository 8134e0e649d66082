using System.Collections.Immutable;
using TrainingInfra.Blueprint.Aws;
using TrainingInfra.Blueprint.Naming;
using TrainingInfra.Blueprint.Tagging;

namespace TrainingInfra.Blueprint.Config;

/// <summary>
/// Everything a stack's configuration decides, validated. Built only by <see cref="SettingsLoader"/>,
/// which either returns a complete, valid record or throws listing every problem.
/// </summary>
/// <param name="StackName">The Pulumi stack.</param>
/// <param name="EnvironmentSuffix">Suffix of every physical name and the Environment tag.</param>
/// <param name="Region">Region and partition.</param>
/// <param name="Protected">Whether the stack's data must survive a destroy.</param>
/// <param name="ExtraTags">Tags from config, beyond the platform's own.</param>
/// <param name="Network">The VPC's shape.</param>
/// <param name="Storage">Buckets and repository.</param>
/// <param name="Notebook">The notebook instance.</param>
/// <param name="Training">Training-job settings.</param>
/// <param name="Batch">Batch environment and job.</param>
/// <param name="Monitoring">Logs and alerting.</param>
public sealed record PlatformSettings(
    string StackName,
    string EnvironmentSuffix,
    AwsRegion Region,
    bool Protected,
    IReadOnlyDictionary<string, string> ExtraTags,
    NetworkSettings Network,
    StorageSettings Storage,
    NotebookSettings Notebook,
    TrainingSettings Training,
    BatchSettings Batch,
    MonitoringSettings Monitoring)
{
    /// <summary>
    /// The customer-managed policy (by name, in the stack's account) that every IAM role of the stack
    /// carries as its permissions boundary, or null for none.
    /// </summary>
    public string? PermissionsBoundary { get; init; }

    /// <summary>
    /// Whether the stack runs its CodeArtifact mirror of public PyPI (<see cref="SettingKeys.PackageMirror"/>,
    /// with auto already resolved against the network).
    /// </summary>
    public bool PackageMirror { get; init; }

    /// <summary>The MLflow App and the model registry (<see cref="SettingKeys.MlflowApp"/>).</summary>
    public ExperimentSettings Experiments { get; init; } = new(MlflowApp: false, AutoModelRegistration: false);

    /// <summary>The physical names for this stack's suffix.</summary>
    public ResourceNames Names => new(EnvironmentSuffix);

    /// <summary>The tags every taggable resource carries.</summary>
    public ImmutableDictionary<string, string> Tags =>
        TagSet.For(SettingKeys.ProjectName, EnvironmentSuffix, ExtraTags);
}

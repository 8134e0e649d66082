using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Naming;

namespace TrainingInfra.Blueprint.Experiments;

/// <summary>
/// The stack's model registry: one SageMaker model package group, whose versioned packages are the
/// stack's candidate models, each pending approval until a person approves or rejects it.
/// </summary>
public static class ModelRegistry
{
    /// <summary>The approval status a package is registered with, and the only one the stack's roles may set.</summary>
    public const string PendingApproval = "PendingManualApproval";

    /// <summary>The approval statuses the stack's approval rule forwards to the alert topic (ModelPackageSummary.ModelApprovalStatus).</summary>
    public static IReadOnlyList<string> DecidedStatuses { get; } = ["Approved", "Rejected"];

    /// <summary>
    /// The group's description. The provider replaces the group when it changes
    /// (terraform-provider-aws internal/service/sagemaker/model_package_group.go:
    /// model_package_group_description is ForceNew; read 2026-12-05), and a group with packages
    /// cannot be deleted, so it depends on the suffix alone and never changes.
    /// </summary>
    public static string Description(string suffix) => $"Candidate models of training stack {suffix}, each pending approval until a person decides";

    /// <summary>The group's ARN.</summary>
    public static string GroupArn(PlatformSettings settings, string accountId) => Arn(settings, accountId, GroupPath(settings.Names));

    /// <summary>Every package of the group: versioned packages are named <c>model-package/{group}/{version}</c>.</summary>
    public static string PackagesArn(PlatformSettings settings, string accountId) => Arn(settings, accountId, PackagesPath(settings.Names));

    /// <summary>
    /// Every registry resource of the stack as the end of an ARN (what follows
    /// <c>arn:{partition}:sagemaker:{region}:{account}:</c>): its group, the group's packages, and the
    /// groups automatic registration may create with their packages.
    /// </summary>
    public static IReadOnlyList<string> ThisStacksPaths(ResourceNames names) =>
        [GroupPath(names), PackagesPath(names), .. AutoRegisteredPaths(names)];

    /// <summary>
    /// The groups the MLflow App may create with automatic registration, and their packages. SageMaker
    /// names such a group <c>{MLflow model name}-{six characters}</c> (the start of a SHA-256 of the
    /// app's id; "Automatically register SageMaker AI models with SageMaker Model Registry",
    /// https://docs.aws.amazon.com/sagemaker/latest/dg/mlflow-track-experiments-model-registration.html,
    /// read 2026-12-05), so models named <c>*-{suffix}</c> are the only ones the app may register.
    /// </summary>
    public static IReadOnlyList<string> AutoRegisteredArns(PlatformSettings settings, string accountId) =>
        AutoRegisteredPaths(settings.Names).Select(path => Arn(settings, accountId, path)).ToList();

    private static string GroupPath(ResourceNames names) => $"model-package-group/{names.ModelPackageGroup}";

    private static string PackagesPath(ResourceNames names) => $"model-package/{names.ModelPackageGroup}/*";

    private static IReadOnlyList<string> AutoRegisteredPaths(ResourceNames names) =>
        [$"model-package-group/*-{names.Suffix}-??????", $"model-package/*-{names.Suffix}-??????/*"];

    private static string Arn(PlatformSettings settings, string accountId, string path)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return $"arn:{settings.Region.Partition}:sagemaker:{settings.Region.Name}:{accountId}:{path}";
    }
}

using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Planning;

namespace TrainingInfra.Blueprint.Changes;

/// <summary>
/// What a change of each config key does at the next <c>pulumi up</c> of a live stack, resource by
/// resource: the one list that docs/change-matrix.md shows and the tests hold to the program.
/// Effects follow the arguments the provider marks ForceNew (terraform-provider-aws, as bridged by
/// pulumi-aws 7.48.0: terraform-provider-aws v6.46.0 or later, pulumi/pulumi-aws#6392, as of
/// 2026-12) and how the bridge orders a replacement: delete-first when the program fixes the name
/// (pulumi-terraform-bridge pkg/tfbridge/schema.go, <c>nameRequiresDeleteBeforeReplace</c>) unless
/// the program overrides it (<c>DeleteBeforeReplace = false</c>), create-first otherwise.
/// </summary>
public static partial class ChangeMatrix
{
    /// <summary>The resource column's value for a change that touches every taggable resource.</summary>
    public const string EveryTaggable = "*";

    /// <summary>The stand-in resource column for a change that only alters the training-job configuration output.</summary>
    public const string TrainingJobConfigOutput = "output:TrainingJobConfig";

    private const string Repository = "aws:ecr/repository:Repository";
    private const string EcrLifecyclePolicy = "aws:ecr/lifecyclePolicy:LifecyclePolicy";
    private const string BucketLifecycle = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";
    private const string LogGroup = "aws:cloudwatch/logGroup:LogGroup";
    private const string NotebookLifecycle = "aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration";
    private const string JobDefinition = "aws:batch/jobDefinition:JobDefinition";
    private const string RolePolicy = "aws:iam/rolePolicy:RolePolicy";
    private const string Subscription = "aws:sns/topicSubscription:TopicSubscription";

    private const string Bridge = "pulumi-terraform-bridge pkg/tfbridge/schema.go `nameRequiresDeleteBeforeReplace`";
    private const string ComputeEnvironmentSource =
        "terraform-provider-aws internal/service/batch/compute_environment.go `resourceComputeEnvironmentCustomizeDiff`, `isUpdatableAllocationStrategy` (SPOT_PRICE_CAPACITY_OPTIMIZED since v6.10.0, hashicorp/terraform-provider-aws#40148)";

    private static readonly (SettingKey, string)[] BestFit = [(SettingKeys.BatchAllocationStrategy, "BEST_FIT")];

    /// <summary>Every row, in the order of <see cref="SettingKeys.All"/>.</summary>
    public static IReadOnlyList<ConfigChange> All { get; } =
        [.. Stack(), .. Network(), .. Storage(), .. Notebook(), .. Training(), .. Batch(), .. Monitoring(), .. Experiments()];

    /// <summary>The rows about one key.</summary>
    public static IReadOnlyList<ConfigChange> For(SettingKey key) => All.Where(r => r.Key == key).ToList();

    private static IEnumerable<ConfigChange> Stack() =>
    [
        new(SettingKeys.EnvironmentSuffix, ResourceTypes.Bucket, ChangeEffect.ReplacedOldDeletedFirst,
            "every physical name carries the suffix: an ephemeral stack deletes its buckets, repository and notebook with their data first; a protected stack's `protect` stops the update. Choose the suffix once; another suffix is another stack",
            "terraform-provider-aws internal/service/s3/bucket.go (`bucket` ForceNew); " + Bridge)
        { From = "", To = "stage" },
        new(SettingKeys.EnvironmentSuffix, ResourceTypes.Role, ChangeEffect.ReplacedNewFirst,
            "roles and the instance profile get their new names before the old ones go (`DeleteBeforeReplace = false`)",
            "terraform-provider-aws internal/service/iam/role.go (`name` ForceNew)")
        { From = "", To = "stage" },
        new(SettingKeys.EnvironmentSuffix, ResourceTypes.ComputeEnvironment, ChangeEffect.ReplacedNewFirst,
            "a new environment under the new prefix; jobs running on the old one end when it is deleted",
            "terraform-provider-aws internal/service/batch/compute_environment.go (`name_prefix` ForceNew)")
        { From = "", To = "stage" },
        new(SettingKeys.EnvironmentSuffix, ResourceTypes.JobQueue, ChangeEffect.ReplacedOldDeletedFirst,
            "the queue's name is fixed: it is deleted first, with the jobs waiting in it",
            "terraform-provider-aws internal/service/batch/job_queue.go (`name` RequiresReplace); " + Bridge)
        { From = "", To = "stage" },
        new(SettingKeys.EnvironmentSuffix, ResourceTypes.MlflowApp, ChangeEffect.ReplacedNewFirst,
            "its role is renamed and an app's role cannot change in place: a new app under the new name comes first (`DeleteBeforeReplace = false`), then the old one is deleted with its experiments and runs (their artifacts stay in the old model bucket)",
            "terraform-provider-aws internal/service/sagemaker/mlflow_app.go (`role_arn` RequiresReplace; UpdateMlflowApp has no RoleArn)")
        { From = "", To = "stage" },
        new(SettingKeys.EnvironmentSuffix, ResourceTypes.ModelPackageGroup, ChangeEffect.ReplacedOldDeletedFirst,
            "the group's name is fixed, so it is deleted first, which AWS refuses while it holds packages: the update stops there until scripts/empty-model-registry.sh has emptied it (a protected stack's `protect` stops it before)",
            "terraform-provider-aws internal/service/sagemaker/model_package_group.go (`model_package_group_name` ForceNew); " + Bridge),
        new(SettingKeys.Protected, ResourceTypes.Bucket, ChangeEffect.InPlace,
            "`forceDestroy` flips; `protect` and `retainOnDelete` live in Pulumi's state, not in AWS",
            "terraform-provider-aws internal/service/s3/bucket.go (`force_destroy` not ForceNew)"),
        new(SettingKeys.Protected, Repository, ChangeEffect.InPlace,
            "`forceDelete` flips",
            "terraform-provider-aws internal/service/ecr/repository.go (`force_delete` not ForceNew)"),
        new(SettingKeys.Tags, EveryTaggable, ChangeEffect.InPlace,
            "tags are rewritten through each service's tagging API; instances that Batch runs get new tags only when Batch replaces them",
            "terraform-provider-aws internal/tags (`tags` is never ForceNew)"),
        new(SettingKeys.Tags, ResourceTypes.ComputeEnvironment, ChangeEffect.InPlace,
            "an infrastructure update: Batch replaces the instances, letting running jobs finish first (update policy, up to one attempt of `jobTimeoutSeconds`, at most 360 minutes)",
            ComputeEnvironmentSource),
        new(SettingKeys.Tags, ResourceTypes.ComputeEnvironment, ChangeEffect.ReplacedNewFirst,
            "`computeResources.tags` forces a new environment; the queue moves to it, then jobs still running on the old one end when it is deleted",
            ComputeEnvironmentSource)
        { Context = BestFit, From = "[]", To = "[\"Team=ml\"]" },
        new(SettingKeys.IamPermissionsBoundary, ResourceTypes.Role, ChangeEffect.InPlace,
            "PutRolePermissionsBoundary / DeleteRolePermissionsBoundary on every role; nothing is interrupted",
            "terraform-provider-aws internal/service/iam/role.go (`permissions_boundary` not ForceNew)"),
    ];
}

using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Planning;

namespace TrainingInfra.Blueprint.Changes;

/// <summary>The notebook, training and Batch keys' rows.</summary>
public static partial class ChangeMatrix
{
    private const string Restarts = "SageMaker stops the notebook, updates it and starts it again (the provider calls StopNotebookInstance first): open kernels end";
    private const string NewRevision = "a new revision of the job definition; the old one is deregistered, and jobs already submitted run as submitted";
    private const string JobDefinitionSource = "terraform-provider-aws internal/service/batch/job_definition.go (an update registers a new revision; `deregister_on_new_revision` defaults to true)";

    private static IEnumerable<ConfigChange> Notebook() =>
    [
        new(SettingKeys.NotebookEnabled, ResourceTypes.NotebookInstance, ChangeEffect.CreatedOrDeleted,
            "off deletes the notebook, its ML storage volume and its role", "the program (SageMakerComponent)"),
        new(SettingKeys.NotebookIdleStopMinutes, NotebookLifecycle, ChangeEffect.InPlace,
            "the script is rewritten; it takes effect at the notebook's next start (0 detaches it: " + Restarts + ")",
            "terraform-provider-aws internal/service/sagemaker/notebook_instance_lifecycle_configuration.go (`on_start` not ForceNew)"),
        new(SettingKeys.NotebookInstanceType, ResourceTypes.NotebookInstance, ChangeEffect.InPlace, Restarts, NotebookSource + " (`instance_type` not ForceNew)"),
        new(SettingKeys.NotebookVolumeSizeGb, ResourceTypes.NotebookInstance, ChangeEffect.InPlace, "a larger volume: " + Restarts, NotebookSource + " (`volume_size` grows in place)"),
        new(SettingKeys.NotebookVolumeSizeGb, ResourceTypes.NotebookInstance, ChangeEffect.ReplacedOldDeletedFirst,
            "a smaller volume: " + NotebookLost, NotebookSource + " (CustomizeDiff: ForceNew when `volume_size` shrinks); " + Bridge)
        { From = "10", To = "5" },
        new(SettingKeys.NotebookDirectInternetAccess, ResourceTypes.NotebookInstance, ChangeEffect.ReplacedOldDeletedFirst,
            NotebookLost + "; without direct access the stack also creates the endpoints the notebook then needs",
            NotebookSource + " (`direct_internet_access` ForceNew); " + Bridge)
        { From = "true", To = "false" },
        new(SettingKeys.NotebookRootAccess, ResourceTypes.NotebookInstance, ChangeEffect.InPlace, Restarts, NotebookSource + " (`root_access` not ForceNew)"),
        new(SettingKeys.NotebookAccess, RolePolicy, ChangeEffect.CreatedOrDeleted,
            "the managed-policy attachment and the scoped inline policy swap; the role and the notebook stay", "the program (SageMakerComponent)"),
    ];

    private static IEnumerable<ConfigChange> Training() =>
        new[]
        {
            SettingKeys.TrainingMaxRuntimeSeconds, SettingKeys.TrainingMaxWaitSeconds, SettingKeys.TrainingInstanceType,
            SettingKeys.TrainingInstanceCount, SettingKeys.TrainingVolumeSizeGb, SettingKeys.TrainingImageTag, SettingKeys.TrainingInputMode,
            SettingKeys.TrainingAllowedInstanceTypes, SettingKeys.TrainingMaxKeepAliveSeconds,
        }.SelectMany(TrainingRows);

    /// <summary>The training-job configuration output, and for the keys that set job limits the two policies that enforce them.</summary>
    private static IEnumerable<ConfigChange> TrainingRows(SettingKey key)
    {
        if (key != SettingKeys.TrainingAllowedInstanceTypes && key != SettingKeys.TrainingMaxKeepAliveSeconds)
        {
            yield return new(key, TrainingJobConfigOutput, ChangeEffect.OutputOnly,
                "only the TrainingJobConfig output changes; jobs already started keep their request", "the program (TrainingJobRequest)");
        }

        if (key == SettingKeys.TrainingMaxRuntimeSeconds || key == SettingKeys.TrainingInstanceType
            || key == SettingKeys.TrainingAllowedInstanceTypes || key == SettingKeys.TrainingMaxKeepAliveSeconds)
        {
            yield return new(key, ResourceTypes.ManagedPolicy, ChangeEffect.InPlace,
                "the submitter policy gets a new default version; whoever holds it starts jobs under the new limits, jobs already started run on",
                "terraform-provider-aws internal/service/iam/policy.go (`policy` not ForceNew: a new policy version)");
            yield return new(key, RolePolicy, ChangeEffect.InPlace,
                "with notebookAccess: scoped, the notebook role's scoped policy is rewritten to the same limits",
                "terraform-provider-aws internal/service/iam/role_policy.go (`policy` not ForceNew)");
        }
    }

    private static IEnumerable<ConfigChange> Batch() =>
    [
        new(SettingKeys.BatchInstanceTypes, ResourceTypes.ComputeEnvironment, ChangeEffect.InPlace,
            "an infrastructure update: Batch replaces the instances, letting running jobs finish first", ComputeEnvironmentSource),
        new(SettingKeys.BatchInstanceTypes, ResourceTypes.ComputeEnvironment, ChangeEffect.ReplacedNewFirst,
            "a new environment; the queue moves to it, then jobs still running on the old one end", ComputeEnvironmentSource)
        { Context = BestFit, From = "[\"m5.xlarge\"]", To = "[\"m5.2xlarge\"]" },
        new(SettingKeys.BatchAllocationStrategy, ResourceTypes.ComputeEnvironment, ChangeEffect.InPlace,
            "between SPOT_PRICE_CAPACITY_OPTIMIZED and SPOT_CAPACITY_OPTIMIZED: an infrastructure update", ComputeEnvironmentSource),
        new(SettingKeys.BatchAllocationStrategy, ResourceTypes.ComputeEnvironment, ChangeEffect.ReplacedNewFirst,
            "to or from BEST_FIT: a new environment (and the spot fleet role comes or goes); the queue moves to it, then jobs still running on the old one end",
            ComputeEnvironmentSource)
        { From = "SPOT_PRICE_CAPACITY_OPTIMIZED", To = "BEST_FIT" },
        new(SettingKeys.BatchMinVcpus, ResourceTypes.ComputeEnvironment, ChangeEffect.InPlace, "Batch scales to the new floor", ComputeEnvironmentSource + " (`min_vcpus` never ForceNew)"),
        new(SettingKeys.BatchMaxVcpus, ResourceTypes.ComputeEnvironment, ChangeEffect.InPlace, "Batch scales within the new ceiling", ComputeEnvironmentSource + " (`max_vcpus` never ForceNew)"),
        new(SettingKeys.BatchBidPercentage, ResourceTypes.ComputeEnvironment, ChangeEffect.InPlace,
            "an infrastructure update: Batch replaces the instances, letting running jobs finish first", ComputeEnvironmentSource),
        new(SettingKeys.BatchBidPercentage, ResourceTypes.ComputeEnvironment, ChangeEffect.ReplacedNewFirst,
            "a new environment; the queue moves to it, then jobs still running on the old one end", ComputeEnvironmentSource)
        { Context = BestFit, From = "80", To = "60" },
        new(SettingKeys.JobImageTag, JobDefinition, ChangeEffect.InPlace, NewRevision, JobDefinitionSource),
        new(SettingKeys.JobMemoryMiB, JobDefinition, ChangeEffect.InPlace, NewRevision, JobDefinitionSource),
        new(SettingKeys.JobVcpus, JobDefinition, ChangeEffect.InPlace, NewRevision, JobDefinitionSource),
        new(SettingKeys.JobAttempts, JobDefinition, ChangeEffect.InPlace, NewRevision, JobDefinitionSource),
        new(SettingKeys.JobTimeoutSeconds, JobDefinition, ChangeEffect.InPlace,
            NewRevision + "; the environment's update policy follows in place", JobDefinitionSource),
    ];

    private static IEnumerable<ConfigChange> Monitoring() =>
    [
        new(SettingKeys.LogRetentionDays, LogGroup, ChangeEffect.InPlace, "a shorter retention deletes older events",
            "terraform-provider-aws internal/service/logs/group.go (`retention_in_days` not ForceNew)"),
        new(SettingKeys.AlertEmails, Subscription, ChangeEffect.CreatedOrDeleted,
            "a subscription per added address, which must confirm AWS's e-mail; a removed address stops receiving alerts",
            "terraform-provider-aws internal/service/sns/topic_subscription.go (`endpoint` ForceNew)"),
        new(SettingKeys.BudgetMonthlyUsd, ResourceTypes.Budget, ChangeEffect.CreatedOrDeleted,
            "from or to 0: the budget is created or deleted, and the alert topic's policy and key policy admit or drop AWS Budgets in place",
            "the program (MonitoringComponent)"),
        new(SettingKeys.BudgetMonthlyUsd, ResourceTypes.Budget, ChangeEffect.InPlace,
            "another limit: the budget is updated, its notifications and history stay",
            "terraform-provider-aws internal/service/budgets/budget.go (`limit_amount` not ForceNew)"),
    ];
}

namespace TrainingInfra.Blueprint.Config;

/// <summary>
/// Every project config key the program understands, with its type, default and meaning. This
/// list is the one definition: <c>Pulumi.yaml</c>'s <c>config:</c> block and the config
/// reference in docs/configuration.md are tested against it. Defaults are the CDK design's values
/// unless docs/differences-from-cdk.md says otherwise.
/// </summary>
public static partial class SettingKeys
{
    /// <summary>The Pulumi project name, which is also the config namespace.</summary>
    public const string ProjectName = "training-infra";

    /// <summary>Suffix of every physical name; empty means "use the stack name".</summary>
    public static readonly SettingKey EnvironmentSuffix = new(
        "environmentSuffix", SettingType.String, "",
        "Suffix of every physical resource name and the Environment tag. Empty means the stack name (a stack pr3507 gets pr3507).");

    /// <summary>Protected stacks keep their data on destroy; ephemeral stacks delete it.</summary>
    public static readonly SettingKey Protected = new(
        "protected", SettingType.Boolean, "false",
        "true for a stack whose data must survive; buckets and the image repository are protected, retained on delete and never force-emptied. false (ephemeral) lets destroy delete them with their contents.");

    /// <summary>Extra tags for every taggable resource.</summary>
    public static readonly SettingKey Tags = new(
        "tags", SettingType.StringArray, "[]",
        "Extra tags for every taggable resource, each as Key=Value, at most 37 (Project, Environment and ManagedBy are always set, Name and SubnetType by awsx, none of them overridable; and a Batch job fails when its own tags and the 3 + these the job definition passes on number more than 50, so 10 are left to the jobs).");

    /// <summary>The customer-managed policy every IAM role of the stack carries as its permissions boundary.</summary>
    public static readonly SettingKey IamPermissionsBoundary = new(
        "iamPermissionsBoundary", SettingType.String, "",
        "Name of a customer-managed IAM policy in the stack's account that every IAM role the stack creates carries as its permissions boundary (per-PR stacks: training-infra-pr-boundary, which the per-PR deploy role requires). Empty means no boundary.");

    /// <summary>
    /// Keys that earlier versions understood, with what replaces them: a stack file that still
    /// sets one is told what to do instead of only that the key is unknown.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Retired { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["interfaceEndpoints"] =
            "was removed: a network now carries exactly the interface endpoints its workloads need (training jobs ship logs and metrics through them); remove the key, and to pay for no endpoints at all attach to another stack's network with training-infra:networkStack",
    };

    /// <summary>Every key, in the order of the config reference in docs/configuration.md.</summary>
    public static IReadOnlyList<SettingKey> All => Ordered.All;

    // C# leaves open the order in which field initializers of different files of a partial
    // class run, so a list initialised beside the keys could capture some of them as null. A
    // nested class is initialised on its first use, once every key of this class exists.
    private static class Ordered
    {
        public static readonly IReadOnlyList<SettingKey> All =
        [
            EnvironmentSuffix, Protected, Tags, IamPermissionsBoundary,
            NetworkStack, NetworkMode, VpcCidr, AvailabilityZones, SubnetCidrMask, InterfaceEndpointServices, InterfaceEndpointZones, VpcFlowLogs, PackageMirror,
            ModelArchiveDays, NoncurrentVersionDays, EcrMaxImageCount, EcrImmutableTags, CustomerManagedKey,
            BucketAccessLogs, AccessLogRetentionDays, ReplicaRegion,
            NotebookEnabled, NotebookIdleStopMinutes, NotebookInstanceType, NotebookVolumeSizeGb, NotebookDirectInternetAccess, NotebookRootAccess, NotebookAccess,
            TrainingMaxRuntimeSeconds, TrainingMaxWaitSeconds,
            TrainingInstanceType, TrainingInstanceCount, TrainingVolumeSizeGb, TrainingImageTag, TrainingInputMode,
            TrainingAllowedInstanceTypes, TrainingMaxKeepAliveSeconds,
            BatchInstanceTypes, BatchAllocationStrategy, BatchMinVcpus, BatchMaxVcpus, BatchBidPercentage,
            JobImageTag, JobMemoryMiB, JobVcpus, JobAttempts, JobTimeoutSeconds,
            LogRetentionDays, AlertEmails, BudgetMonthlyUsd,
            MlflowApp, MlflowAutoModelRegistration,
        ];
    }
}

using TrainingInfra.Blueprint.Planning;

namespace TrainingInfra.Blueprint.Capacity;

/// <summary>
/// The quotas that limit how many stacks of this program one account holds, with AWS's default
/// values as published on 2026-12-01, and how many per-PR stacks fit beside dev and prod.
/// </summary>
public static class AccountQuotas
{
    private const string VpcQuotas = "https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html";
    private const string EndpointQuotas = "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-limits-endpoints.html";
    private const string BatchQuotas = "https://docs.aws.amazon.com/batch/latest/userguide/service_limits.html";

    /// <summary>Every quota a stack draws on, in the order of the capacity table in docs/planning-and-cost.md.</summary>
    public static IReadOnlyList<AccountQuota> All { get; } =
    [
        new("VPCs per Region", 5, true, "account and region", VpcQuotas, r => Count(r, ResourceTypes.AwsxVpc) + Count(r, ResourceTypes.Vpc)),
        // awsx creates one internet gateway with every VPC; AWS raises this quota only with the VPC
        // quota. A private network (a plain VPC) has none.
        new("Internet gateways per Region", 5, true, "account and region", VpcQuotas, r => Count(r, ResourceTypes.AwsxVpc)),
        new("Interface VPC endpoints per VPC", 50, true, "VPC (the owning stack's)", EndpointQuotas,
            r => r.Count(e => e.Type == ResourceTypes.VpcEndpoint && e.Text("vpcEndpointType") == "Interface")),
        new("VPC security groups per Region", 2500, true, "account and region", VpcQuotas, r => Count(r, ResourceTypes.SecurityGroup)),
        new("Batch compute environments", 50, false, "account and region", BatchQuotas, r => Count(r, ResourceTypes.ComputeEnvironment)),
        new("Batch job queues", 50, false, "account and region", BatchQuotas, r => Count(r, ResourceTypes.JobQueue)),
        // The current quota page was restructured; 300 is the last figure it published for the
        // default bus (100 in af-south-1 and eu-south-1).
        new("EventBridge rules per event bus", 300, true, "account and region (default bus)",
            "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html", r => Count(r, ResourceTypes.EventRule)),
        new("IAM roles per account", 1000, true, "account (every region)",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html", r => Count(r, ResourceTypes.Role)),
        // The training-job submitter policy, one per stack.
        new("IAM customer managed policies per account", 1500, true, "account (every region)",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html", r => Count(r, ResourceTypes.ManagedPolicy)),
        new("S3 general purpose buckets", 10000, true, "account (every region)",
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/BucketRestrictions.html", r => Count(r, ResourceTypes.Bucket)),
        new("KMS customer managed keys per Region", 100000, true, "account and region",
            "https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html", r => Count(r, ResourceTypes.KmsKey)),
        // Read 2026-12-05 (as of 2026-12): "Domains per AWS account", 10 in each supported region.
        new("CodeArtifact domains per Region", 10, true, "account and region",
            "https://docs.aws.amazon.com/codeartifact/latest/ug/service-limits.html", r => Count(r, ResourceTypes.CodeArtifactDomain)),
        // Neither default is published: SageMaker's quota page lists neither, and CreateMlflowApp and
        // CreateModelPackageGroup answer ResourceLimitExceeded past theirs (API reference, read
        // 2026-12-05). Service Quotas in the account shows the applied values.
        new("SageMaker MLflow Apps per Region", null, null, "account and region",
            "https://docs.aws.amazon.com/general/latest/gr/sagemaker.html#limits_sagemaker", r => Count(r, ResourceTypes.MlflowApp)),
        new("SageMaker model package groups per Region", null, null, "account and region",
            "https://docs.aws.amazon.com/general/latest/gr/sagemaker.html#limits_sagemaker", r => Count(r, ResourceTypes.ModelPackageGroup)),
    ];

    /// <summary>What a stack's resources take from each quota.</summary>
    public static IReadOnlyList<(AccountQuota Quota, int Used)> Draw(IReadOnlyList<PlannedResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return All.Select(q => (q, q.Count(resources))).ToList();
    }

    /// <summary>
    /// How many per-PR stacks fit in one account and region beside the given fixed stacks, and
    /// the quota that binds: for each quota a per-PR stack draws on, what the fixed stacks leave
    /// divided by one per-PR stack's draw. Quotas without a published default cannot bind here.
    /// </summary>
    public static (int Stacks, AccountQuota Binding) PerPullRequestStacksThatFit(
        IReadOnlyList<PlannedResource> perPullRequest, params IReadOnlyList<PlannedResource>[] fixedStacks)
    {
        ArgumentNullException.ThrowIfNull(perPullRequest);
        ArgumentNullException.ThrowIfNull(fixedStacks);
        return All
            .Where(q => q.Limit is not null)
            .Select(q => (Quota: q, Each: q.Count(perPullRequest), Left: q.Limit!.Value - fixedStacks.Sum(s => q.Count(s))))
            .Where(q => q.Each > 0)
            .Select(q => (Stacks: Math.Max(0, q.Left) / q.Each, q.Quota))
            .MinBy(q => q.Stacks);
    }

    private static int Count(IReadOnlyList<PlannedResource> resources, string type) => resources.Count(r => r.Type == type);
}

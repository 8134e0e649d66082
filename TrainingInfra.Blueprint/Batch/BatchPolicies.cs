using System.Text.Json.Nodes;
using TrainingInfra.Blueprint.Aws;
using TrainingInfra.Blueprint.Encryption;
using TrainingInfra.Blueprint.Policies;
using TrainingInfra.Blueprint.Storage;

namespace TrainingInfra.Blueprint.Batch;

/// <summary>
/// The roles of the Batch environment and where each permission a job needs comes from. With the
/// EC2 launch type the ECS agent on the instance pulls the image and ships the awslogs output
/// using the instance role, whose AWS managed policy grants ECR pull and CloudWatch Logs writes;
/// the job role holds only what the job's own code does: read and write the model bucket.
/// </summary>
public static class BatchPolicies
{
    /// <summary>The service that assumes the instance role: EC2, for the ECS agent on each instance.</summary>
    public const string InstancePrincipal = "ec2.amazonaws.com";

    /// <summary>The service that hands the job role to the job's container.</summary>
    public const string JobPrincipal = "ecs-tasks.amazonaws.com";

    /// <summary>The service that places BEST_FIT spot instances.</summary>
    public const string SpotFleetPrincipal = "spotfleet.amazonaws.com";

    /// <summary>Trust policy of the instance role.</summary>
    public static string InstanceTrust { get; } = PolicyDocument.TrustService(InstancePrincipal);

    /// <summary>Trust policy of the job role.</summary>
    public static string JobTrust { get; } = PolicyDocument.TrustService(JobPrincipal);

    /// <summary>Trust policy of the spot fleet role.</summary>
    public static string SpotFleetTrust { get; } = PolicyDocument.TrustService(SpotFleetPrincipal);

    /// <summary>
    /// The policy an ECS container instance needs: register with the cluster, pull images from ECR,
    /// write awslogs output. It grants the ECR and Logs actions on every resource; AWS maintains it
    /// as the agent's needs change, which is why it is attached rather than copied.
    /// </summary>
    public static string InstanceRolePolicyArn(AwsRegion region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region.ManagedPolicyArn("service-role/AmazonEC2ContainerServiceforEC2Role");
    }

    /// <summary>The policy that lets Spot Fleet request, tag and terminate the BEST_FIT instances.</summary>
    public static string SpotFleetRolePolicyArn(AwsRegion region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region.ManagedPolicyArn("service-role/AmazonEC2SpotFleetTaggingRole");
    }

    /// <summary>
    /// The job role's permissions: list the model bucket and read, write and delete its objects,
    /// nothing else; and, when the bucket is encrypted with the stack's own key, that key for those
    /// objects (with S3-managed keys no KMS grant is needed).
    /// </summary>
    public static string JobRole(string modelBucketArn, string? dataKeyArn = null)
    {
        List<JsonObject> statements = [.. BucketAccess.Statements("Model", modelBucketArn, write: true)];
        if (dataKeyArn is not null)
        {
            statements.Add(DataKeyPolicy.UseForObjects(dataKeyArn));
        }

        return PolicyDocument.Create([.. statements]);
    }
}

using Pulumi;
using TrainingInfra.Blueprint.Network;

namespace TrainingInfra;

/// <summary>The stack's outputs: the CDK design's under their CDK names, then the platform's own.</summary>
public sealed partial class TrainingStack
{
    /// <summary>The suffix in every physical name.</summary>
    [Output("EnvironmentSuffix")]
    public Output<string> EnvironmentSuffix { get; private set; }

    /// <summary>The region the stack deploys to.</summary>
    [Output(NetworkOutputs.Region)]
    public Output<string> Region { get; private set; }

    /// <summary>The VPC.</summary>
    [Output(NetworkOutputs.VpcId)]
    public Output<string> VpcId { get; private set; }

    /// <summary>The VPC's IPv4 range.</summary>
    [Output(NetworkOutputs.VpcCidr)]
    public Output<string> VpcCidr { get; private set; }

    /// <summary>The public subnets (notebook, Batch instances), comma-separated; empty in a private network.</summary>
    [Output(NetworkOutputs.PublicSubnetIds)]
    public Output<string> PublicSubnetIds { get; private set; }

    /// <summary>The isolated subnets where training runs, comma-separated as in the CDK design.</summary>
    [Output(NetworkOutputs.PrivateSubnetIds)]
    public Output<string> PrivateSubnetIds { get; private set; }

    /// <summary>The security group of the VPC's interface endpoints.</summary>
    [Output(NetworkOutputs.EndpointSecurityGroupId)]
    public Output<string> EndpointSecurityGroupId { get; private set; }

    /// <summary>The interface endpoint services in the VPC, comma-separated.</summary>
    [Output(NetworkOutputs.InterfaceEndpointServices)]
    public Output<string> InterfaceEndpointServices { get; private set; }

    /// <summary>The stack that owns the VPC: this stack, or the one named by networkStack.</summary>
    [Output(NetworkOutputs.NetworkOwner)]
    public Output<string> NetworkOwner { get; private set; }

    /// <summary>Whether the stack that owns the VPC is protected.</summary>
    [Output(NetworkOutputs.NetworkProtected)]
    public Output<bool> NetworkProtected { get; private set; }

    /// <summary>public or private: whether the stack's network has a path to the internet.</summary>
    [Output(NetworkOutputs.NetworkMode)]
    public Output<string> NetworkMode { get; private set; }

    /// <summary>The dataset bucket.</summary>
    [Output("DatasetBucketName")]
    public Output<string> DatasetBucketName { get; private set; }

    /// <summary>The model-artifacts bucket.</summary>
    [Output("ModelBucketName")]
    public Output<string> ModelBucketName { get; private set; }

    /// <summary>The bucket holding both buckets' server access logs, or a sentence saying that the stack has none.</summary>
    [Output("AccessLogBucketName")]
    public Output<string> AccessLogBucketName { get; private set; }

    /// <summary>The dataset bucket's replica in the replica region, or a sentence saying that the stack does not replicate.</summary>
    [Output("DatasetReplicaBucketName")]
    public Output<string> DatasetReplicaBucketName { get; private set; }

    /// <summary>The model bucket's replica in the replica region, or a sentence saying that the stack does not replicate.</summary>
    [Output("ModelReplicaBucketName")]
    public Output<string> ModelReplicaBucketName { get; private set; }

    /// <summary>The training-container repository's URL.</summary>
    [Output("ECRRepositoryUri")]
    public Output<string> EcrRepositoryUri { get; private set; }

    /// <summary>The notebook instance, or a note that the stack has none.</summary>
    [Output("NotebookInstanceName")]
    public Output<string> NotebookInstanceName { get; private set; }

    /// <summary>The notebook's execution role.</summary>
    [Output("NotebookRoleArn")]
    public Output<string> NotebookRoleArn { get; private set; }

    /// <summary>The role training jobs run as.</summary>
    [Output("TrainingRoleArn")]
    public Output<string> TrainingRoleArn { get; private set; }

    /// <summary>The security group of the notebook and training jobs.</summary>
    [Output("SageMakerSecurityGroupId")]
    public Output<string> SageMakerSecurityGroupId { get; private set; }

    /// <summary>A CreateTrainingJob request for managed spot training in this stack, complete but for the job's name.</summary>
    [Output("TrainingJobConfig")]
    public Output<string> TrainingJobConfig { get; private set; }

    /// <summary>The managed policy that people and CI attach to start this stack's training jobs.</summary>
    [Output("TrainingJobSubmitterPolicyArn")]
    public Output<string> TrainingJobSubmitterPolicyArn { get; private set; }

    /// <summary>The Batch spot compute environment.</summary>
    [Output("ComputeEnvironmentArn")]
    public Output<string> ComputeEnvironmentArn { get; private set; }

    /// <summary>The Batch job queue.</summary>
    [Output("JobQueueArn")]
    public Output<string> JobQueueArn { get; private set; }

    /// <summary>The batch-inference job definition.</summary>
    [Output("JobDefinitionArn")]
    public Output<string> JobDefinitionArn { get; private set; }

    /// <summary>The platform's log group.</summary>
    [Output("LogGroupName")]
    public Output<string> LogGroupName { get; private set; }

    /// <summary>The CloudWatch dashboard.</summary>
    [Output("DashboardName")]
    public Output<string> DashboardName { get; private set; }

    /// <summary>The SNS topic that failure alerts go to.</summary>
    [Output("AlertTopicArn")]
    public Output<string> AlertTopicArn { get; private set; }

    /// <summary>The EventBridge rule that alerts on this stack's failed training jobs (the smoke test reads its metrics).</summary>
    [Output("TrainingJobFailedRuleName")]
    public Output<string> TrainingJobFailedRuleName { get; private set; }

    /// <summary>The EventBridge rule that alerts on failed jobs of this stack's queue.</summary>
    [Output("BatchJobFailedRuleName")]
    public Output<string> BatchJobFailedRuleName { get; private set; }

    /// <summary>The stack's MLflow App, the tracking URI the sagemaker-mlflow plugin takes, or a sentence saying that the stack has none.</summary>
    [Output("MlflowAppArn")]
    public Output<string> MlflowAppArn { get; private set; }

    /// <summary>The model package group where this stack's models await approval.</summary>
    [Output("ModelPackageGroupName")]
    public Output<string> ModelPackageGroupName { get; private set; }

    /// <summary>The EventBridge rule that forwards approvals and rejections of this stack's models (the smoke test reads its metrics).</summary>
    [Output("ModelApprovalRuleName")]
    public Output<string> ModelApprovalRuleName { get; private set; }

    /// <summary>Whether the stack keeps its data on destroy: the registry emptier refuses such a stack.</summary>
    [Output("DataProtected")]
    public Output<bool> DataProtected { get; private set; }
}

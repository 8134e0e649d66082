using Pulumi;
using TrainingInfra.Blueprint.Network;
using TrainingInfra.Components;

namespace TrainingInfra;

/// <summary>
/// The platform: reads and validates the stack's config, creates the components, passes each what
/// it needs from the others, and exposes the CDK design's outputs under their CDK names.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "It is a Pulumi Stack; the design names it TrainingStack.")]
public sealed class TrainingStack : Stack
{
    /// <summary>Builds the stack. Invalid config stops it before any resource is registered.</summary>
    public TrainingStack()
        : this(null)
    {
    }

    /// <summary>Builds the stack with stack options (tests use them to observe resource options).</summary>
    public TrainingStack(StackOptions? options)
        : base(options)
    {
        var settings = StackSettings.Load();
        var accountId = Pulumi.Aws.GetCallerIdentity.Invoke().Apply(identity => identity.AccountId);

        var storage = new StorageComponent("storage", new StorageComponentArgs { Settings = settings, AccountId = accountId });
        var network = new NetworkComponent("network", new NetworkComponentArgs
        {
            Settings = settings,
            AccountId = accountId,
            DataKeyArn = storage.DataKeyArn,
        });
        var sageMaker = new SageMakerComponent("sagemaker", new SageMakerComponentArgs
        {
            Settings = settings,
            AccountId = accountId,
            VpcId = network.VpcId,
            PublicSubnetIds = network.PublicSubnetIds,
            IsolatedSubnetIds = network.IsolatedSubnetIds,
            DatasetBucketArn = storage.DatasetBucketArn,
            ModelBucketArn = storage.ModelBucketArn,
            ModelBucketName = storage.ModelBucketName,
            RepositoryArn = storage.RepositoryArn,
            DataKeyArn = storage.DataKeyArn,
        });
        var batch = new BatchComponent("batch", new BatchComponentArgs
        {
            Settings = settings,
            VpcId = network.VpcId,
            PublicSubnetIds = network.PublicSubnetIds,
            ModelBucketArn = storage.ModelBucketArn,
            RepositoryUrl = storage.RepositoryUrl,
            DataKeyArn = storage.DataKeyArn,
        });
        var monitoring = new MonitoringComponent("monitoring", new MonitoringComponentArgs
        {
            Settings = settings,
            AccountId = accountId,
            TrainingRoleArn = sageMaker.TrainingRoleArn,
            JobQueueArn = batch.JobQueueArn,
            DataKeyArn = storage.DataKeyArn,
        });

        EnvironmentSuffix = Output.Create(settings.EnvironmentSuffix);
        Region = Output.Create(settings.Region.Name);
        VpcId = network.VpcId;
        PrivateSubnetIds = network.IsolatedSubnetIds.Apply(ids => SubnetIdList.Join(ids));
        DatasetBucketName = storage.DatasetBucketName;
        ModelBucketName = storage.ModelBucketName;
        AccessLogBucketName = storage.AccessLogBucketName;
        DatasetReplicaBucketName = storage.DatasetReplicaBucketName;
        ModelReplicaBucketName = storage.ModelReplicaBucketName;
        EcrRepositoryUri = storage.RepositoryUrl;
        NotebookInstanceName = sageMaker.NotebookInstanceName;
        NotebookRoleArn = sageMaker.NotebookRoleArn;
        TrainingRoleArn = sageMaker.TrainingRoleArn;
        SageMakerSecurityGroupId = sageMaker.SecurityGroupId;
        TrainingJobConfig = sageMaker.TrainingJobConfig;
        ComputeEnvironmentArn = batch.ComputeEnvironmentArn;
        JobQueueArn = batch.JobQueueArn;
        JobDefinitionArn = batch.JobDefinitionArn;
        LogGroupName = monitoring.LogGroupName;
        DashboardName = monitoring.DashboardName;
        AlertTopicArn = monitoring.AlertTopicArn;
    }

    /// <summary>The suffix in every physical name.</summary>
    [Output("EnvironmentSuffix")]
    public Output<string> EnvironmentSuffix { get; private set; }

    /// <summary>The region the stack deploys to.</summary>
    [Output("Region")]
    public Output<string> Region { get; private set; }

    /// <summary>The VPC.</summary>
    [Output("VpcId")]
    public Output<string> VpcId { get; private set; }

    /// <summary>The isolated subnets where training runs, comma-separated as in the CDK design.</summary>
    [Output("PrivateSubnetIds")]
    public Output<string> PrivateSubnetIds { get; private set; }

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

    /// <summary>A CreateTrainingJob request fragment for managed spot training in this stack.</summary>
    [Output("TrainingJobConfig")]
    public Output<string> TrainingJobConfig { get; private set; }

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
}

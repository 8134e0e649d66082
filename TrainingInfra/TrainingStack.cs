using Pulumi;
using TrainingInfra.Blueprint.Experiments;
using TrainingInfra.Blueprint.Network;
using TrainingInfra.Components;

namespace TrainingInfra;

/// <summary>
/// The platform: reads and validates the stack's config, creates the components, passes each what
/// it needs from the others, and exposes the CDK design's outputs under their CDK names.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "It is a Pulumi Stack; the design names it TrainingStack.")]
public sealed partial class TrainingStack : Stack
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

        // A network of this stack's own comes after storage (flow logs use the data key); a
        // borrowed one comes first, so that a refused attachment stops the program before any
        // resource of this stack is registered.
        NetworkComponent network;
        StorageComponent storage;
        if (settings.Network.OwnsNetwork)
        {
            var endpointZones = AccountZones.Read(settings);
            storage = new StorageComponent("storage", new StorageComponentArgs { Settings = settings, AccountId = accountId });
            network = new NetworkComponent("network", new NetworkComponentArgs
            {
                Settings = settings,
                AccountId = accountId,
                EndpointZones = endpointZones,
                DataKeyArn = storage.DataKeyArn,
            });
        }
        else
        {
            network = new NetworkComponent("network", new NetworkComponentArgs { Settings = settings, AccountId = accountId });
            storage = new StorageComponent("storage", new StorageComponentArgs { Settings = settings, AccountId = accountId });
        }

        var packageMirror = storage.PackageDomainArn is { } domainArn && storage.PackageRepositoryArn is { } repositoryArn
            ? new PackageMirrorArns(domainArn, repositoryArn)
            : null;
        var experiments = new ExperimentsComponent("experiments", new ExperimentsComponentArgs
        {
            Settings = settings,
            AccountId = accountId,
            ModelBucketArn = storage.ModelBucketArn,
            ModelBucketName = storage.ModelBucketName,
            DataKeyArn = storage.DataKeyArn,
        });
        var sageMaker = new SageMakerComponent("sagemaker", new SageMakerComponentArgs
        {
            Settings = settings,
            AccountId = accountId,
            VpcId = network.VpcId,
            HostSubnetIds = network.HostSubnetIds,
            IsolatedSubnetIds = network.IsolatedSubnetIds,
            DatasetBucketArn = storage.DatasetBucketArn,
            ModelBucketArn = storage.ModelBucketArn,
            ModelBucketName = storage.ModelBucketName,
            RepositoryArn = storage.RepositoryArn,
            DataKeyArn = storage.DataKeyArn,
            DatasetBucketName = storage.DatasetBucketName,
            RepositoryUrl = storage.RepositoryUrl,
            PackageMirror = packageMirror,
            MlflowAppArn = experiments.MlflowAppArn,
            ModelPackageGroupArn = experiments.ModelPackageGroupArn,
        });
        var batch = new BatchComponent("batch", new BatchComponentArgs
        {
            Settings = settings,
            AccountId = accountId,
            VpcId = network.VpcId,
            HostSubnetIds = network.HostSubnetIds,
            ModelBucketArn = storage.ModelBucketArn,
            RepositoryUrl = storage.RepositoryUrl,
            DataKeyArn = storage.DataKeyArn,
            PackageMirror = packageMirror,
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
        VpcCidr = network.VpcCidr;
        PublicSubnetIds = network.PublicSubnetIds.Apply(ids => NetworkOutputs.JoinList(ids));
        PrivateSubnetIds = network.IsolatedSubnetIds.Apply(ids => NetworkOutputs.JoinList(ids));
        EndpointSecurityGroupId = network.EndpointSecurityGroupId;
        InterfaceEndpointServices = network.InterfaceEndpointServices;
        NetworkOwner = Output.Create(network.NetworkOwner);
        NetworkProtected = Output.Create(network.NetworkProtected);
        NetworkMode = Output.Create(NetworkOutputs.ModeName(network.Mode));
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
        TrainingJobSubmitterPolicyArn = sageMaker.TrainingJobSubmitterPolicyArn;
        ComputeEnvironmentArn = batch.ComputeEnvironmentArn;
        JobQueueArn = batch.JobQueueArn;
        JobDefinitionArn = batch.JobDefinitionArn;
        LogGroupName = monitoring.LogGroupName;
        DashboardName = monitoring.DashboardName;
        AlertTopicArn = monitoring.AlertTopicArn;
        TrainingJobFailedRuleName = monitoring.TrainingJobFailedRuleName;
        BatchJobFailedRuleName = monitoring.BatchJobFailedRuleName;
        MlflowAppArn = experiments.MlflowAppArn ?? Output.Create(MlflowTracking.AbsentOutput);
        ModelPackageGroupName = experiments.ModelPackageGroupName;
        ModelApprovalRuleName = monitoring.ModelApprovalRuleName;
        DataProtected = Output.Create(settings.Protected);
    }
}

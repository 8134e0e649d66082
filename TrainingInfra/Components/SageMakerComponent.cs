using System.Collections.Immutable;
using Pulumi;
using Pulumi.Aws.Iam;
using Pulumi.Aws.Sagemaker;
using Pulumi.Aws.Sagemaker.Inputs;
using Pulumi.Aws.Vpc;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Network;
using TrainingInfra.Blueprint.SageMaker;
using Ec2 = Pulumi.Aws.Ec2;

namespace TrainingInfra.Components;

/// <summary>
/// SageMaker's part of the platform: the security group of the notebook and the training jobs, the
/// training jobs' role, the notebook with its role (unless switched off), and the training-job
/// configuration: a CreateTrainingJob request that lacks only the job's name.
/// </summary>
public sealed partial class SageMakerComponent : ComponentResource
{
    /// <summary>Creates the SageMaker resources.</summary>
    public SageMakerComponent(string name, SageMakerComponentArgs args, ComponentResourceOptions? options = null)
        : base("training-infra:components:SageMaker", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = args.Settings;
        var tags = settings.Tags;
        var names = settings.Names;

        var accountId = args.AccountId;
        var dataKeyArn = OptionalOutput.Of(args.DataKeyArn);
        var platform = Output.Tuple(args.DatasetBucketArn, args.ModelBucketArn, args.RepositoryArn, dataKeyArn)
            .Apply(arns => new SageMakerResources(arns.Item1, arns.Item2, arns.Item3, arns.Item4));

        var securityGroup = CreateSecurityGroup(args, settings.EnvironmentSuffix, tags);

        var trainingRole = PlatformRoles.Create("training-role", new RoleArgs
        {
            Name = names.TrainingRole,
            Description = "Run as by the platform's SageMaker training jobs",
            AssumeRolePolicy = SageMakerPolicies.Trust(),
            Tags = tags,
        }, settings, accountId, this);

        _ = new RolePolicy("training-role-access", new RolePolicyArgs
        {
            Role = trainingRole.Name,
            Name = SageMakerPolicies.TrainingPolicyName,
            Policy = Output.Tuple(platform, accountId).Apply(t => SageMakerPolicies.Training(t.Item1, settings.Region, t.Item2)),
        }, new CustomResourceOptions { Parent = trainingRole });
        _ = GrantExperiments("training-role-experiments", trainingRole, args, notebook: false);

        var limits = Output.Tuple(args.IsolatedSubnetIds, securityGroup.Id, dataKeyArn)
            .Apply(t => TrainingJobLimits.For(settings.Training, t.Item1, t.Item2, t.Item3));
        TrainingJobSubmitterPolicyArn = CreateSubmitterPolicy(settings, accountId, trainingRole, limits);

        if (settings.Notebook.Enabled)
        {
            var (notebookName, notebookRoleArn) = CreateNotebook(args, platform, trainingRole, securityGroup, limits);
            NotebookInstanceName = notebookName;
            NotebookRoleArn = notebookRoleArn;
        }
        else
        {
            // An unused role holding AmazonSageMakerFullAccess would only be something more to
            // misuse, so it goes with the notebook.
            NotebookInstanceName = Output.Create(NotebookPlan.AbsentOutput);
            NotebookRoleArn = Output.Create(NotebookPlan.AbsentOutput);
        }

        TrainingRoleArn = trainingRole.Arn;
        SecurityGroupId = securityGroup.Id;
        var experiments = Output.Tuple(OptionalOutput.Of(args.MlflowAppArn), args.ModelPackageGroupArn);
        TrainingJobConfig = Output.Tuple(
                trainingRole.Arn, securityGroup.Id, args.IsolatedSubnetIds, args.ModelBucketName, args.DatasetBucketName, args.RepositoryUrl, dataKeyArn, experiments)
            .Apply(t => new TrainingJobRequest(settings.Training, t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7)
            {
                Tags = NotebookSageMakerAccess.OwnershipTags(settings),
                MlflowAppArn = t.Item8.Item1,
                MlflowExperimentName = names.MlflowExperiment,
                ModelPackageGroupArn = t.Item8.Item2,
            }.ToJson());

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["notebookInstanceName"] = NotebookInstanceName,
            ["notebookRoleArn"] = NotebookRoleArn,
            ["trainingRoleArn"] = TrainingRoleArn,
            ["securityGroupId"] = SecurityGroupId,
            ["trainingJobConfig"] = TrainingJobConfig,
            ["trainingJobSubmitterPolicyArn"] = TrainingJobSubmitterPolicyArn,
        });
    }

    /// <summary>The notebook instance's name, or a sentence saying that the stack has none.</summary>
    public Output<string> NotebookInstanceName { get; }

    /// <summary>The notebook's execution role, or a sentence saying that the stack has no notebook.</summary>
    public Output<string> NotebookRoleArn { get; }

    /// <summary>The role training jobs run as.</summary>
    public Output<string> TrainingRoleArn { get; }

    /// <summary>The security group of the notebook and the training jobs.</summary>
    public Output<string> SecurityGroupId { get; }

    /// <summary>A CreateTrainingJob request (JSON), complete but for the job's name, for managed spot training in this stack.</summary>
    public Output<string> TrainingJobConfig { get; }

    /// <summary>The managed policy that lets whoever holds it start this stack's training jobs within its limits.</summary>
    public Output<string> TrainingJobSubmitterPolicyArn { get; }

    private Ec2.SecurityGroup CreateSecurityGroup(SageMakerComponentArgs args, string suffix, ImmutableDictionary<string, string> tags)
    {
        var securityGroup = new Ec2.SecurityGroup("sagemaker", new Ec2.SecurityGroupArgs
        {
            VpcId = args.VpcId,
            Description = SageMakerSecurityGroup.Description(suffix),
            Tags = tags,
        }, new CustomResourceOptions { Parent = this });

        // Without a NAT gateway "everywhere" means the VPC endpoints from the isolated subnets and
        // the internet gateway from the public ones.
        _ = new SecurityGroupEgressRule("sagemaker-all-outbound", new SecurityGroupEgressRuleArgs
        {
            SecurityGroupId = securityGroup.Id,
            IpProtocol = SecurityGroupRules.AllTraffic,
            CidrIpv4 = SecurityGroupRules.AnyIpv4,
            Description = "Everything outbound",
            Tags = tags,
        }, new CustomResourceOptions { Parent = securityGroup });

        _ = new SecurityGroupIngressRule("sagemaker-from-itself", new SecurityGroupIngressRuleArgs
        {
            SecurityGroupId = securityGroup.Id,
            IpProtocol = SecurityGroupRules.AllTraffic,
            ReferencedSecurityGroupId = securityGroup.Id,
            Description = "Members of this group only: the instances of one distributed training job",
            Tags = tags,
        }, new CustomResourceOptions { Parent = securityGroup });

        return securityGroup;
    }

    private (Output<string> Name, Output<string> RoleArn) CreateNotebook(
        SageMakerComponentArgs args, Output<SageMakerResources> platform, Role trainingRole, Ec2.SecurityGroup securityGroup,
        Output<TrainingJobLimits> limits)
    {
        var settings = args.Settings;
        var notebook = settings.Notebook;

        var role = PlatformRoles.Create("notebook-role", new RoleArgs
        {
            Name = settings.Names.NotebookRole,
            Description = "Execution role of the platform's SageMaker notebook",
            AssumeRolePolicy = SageMakerPolicies.Trust(),
            Tags = settings.Tags,
        }, settings, args.AccountId, this);

        var managed = CreateNotebookSageMakerAccess(settings, role, args.AccountId, limits);

        var access = new RolePolicy("notebook-role-access", new RolePolicyArgs
        {
            Role = role.Name,
            Name = SageMakerPolicies.NotebookPolicyName,
            Policy = Output.Tuple(platform, trainingRole.Arn).Apply(t => SageMakerPolicies.Notebook(t.Item1, t.Item2)),
        }, new CustomResourceOptions { Parent = role });

        var instanceArgs = new NotebookInstanceArgs
        {
            Name = settings.Names.Notebook,
            InstanceType = notebook.InstanceType,
            PlatformIdentifier = NotebookPlan.PlatformIdentifier,
            RoleArn = role.Arn,
            SubnetId = args.HostSubnetIds.Apply(ids => NotebookPlan.Subnet(ids)),
            SecurityGroups = { securityGroup.Id },
            DirectInternetAccess = NotebookPlan.EnabledOrDisabled(notebook.DirectInternetAccess),
            RootAccess = NotebookPlan.EnabledOrDisabled(notebook.RootAccess),
            VolumeSize = notebook.VolumeSizeGb,
            InstanceMetadataServiceConfiguration = new NotebookInstanceInstanceMetadataServiceConfigurationArgs
            {
                MinimumInstanceMetadataServiceVersion = NotebookPlan.MinimumMetadataServiceVersion,
            },
            Tags = settings.Tags,
        };
        if (NotebookPlan.DefaultCodeRepository(notebook) is { } repository)
        {
            instanceArgs.DefaultCodeRepository = repository;
        }

        if (args.DataKeyArn is { } key)
        {
            instanceArgs.KmsKeyId = key;
        }

        // SageMaker creates the notebook's network interface and starts it with the role's
        // permissions, so the role's policies are in place first. That orders the calls; it cannot
        // wait out IAM's propagation, and the provider calls CreateNotebookInstance once, without a
        // retry, then fails the update if the notebook ends Failed (terraform-provider-aws
        // internal/service/sagemaker/notebook_instance.go, resourceNotebookInstanceCreate). The
        // change matrix (docs/change-matrix.md) says how to recover.
        var startsAfter = new List<Resource> { managed, access, GrantExperiments("notebook-role-experiments", role, args, notebook: true) };
        if (args.PackageMirror is { } mirror)
        {
            // The OnStart script fetches a token with this role; without the policy it only logs.
            startsAfter.Add(PackageMirrorAccess.Grant("notebook-role-package-mirror", role, mirror));
        }

        if (NotebookOnStart.Needed(settings))
        {
            var lifecycle = new NotebookInstanceLifecycleConfiguration("notebook-idle-stop", new NotebookInstanceLifecycleConfigurationArgs
            {
                Name = settings.Names.NotebookLifecycleConfig,
                OnStart = args.AccountId.Apply(account => NotebookOnStart.Base64(settings, account)!),
                Tags = settings.Tags,
            }, new CustomResourceOptions { Parent = this });
            instanceArgs.LifecycleConfigName = lifecycle.Name;
        }

        if (notebook.IdleStopMinutes > 0)
        {
            // The idle check stops the notebook with the notebook's own role; this is the only
            // notebook that role may stop.
            startsAfter.Add(new RolePolicy("notebook-role-idle-stop", new RolePolicyArgs
            {
                Role = role.Name,
                Name = SageMakerPolicies.NotebookSelfStopPolicyName,
                Policy = args.AccountId.Apply(account =>
                    SageMakerPolicies.NotebookSelfStop(NotebookPlan.Arn(settings.Region, account, settings.Names.Notebook))),
            }, new CustomResourceOptions { Parent = role }));
        }

        var instance = new NotebookInstance("notebook", instanceArgs, new CustomResourceOptions { Parent = this, DependsOn = startsAfter });

        return (instance.Name, role.Arn);
    }
}

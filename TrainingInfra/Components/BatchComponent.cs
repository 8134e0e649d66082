using System.Globalization;
using Pulumi;
using Pulumi.Aws.Batch;
using Pulumi.Aws.Batch.Inputs;
using Pulumi.Aws.Iam;
using Pulumi.Aws.Vpc;
using TrainingInfra.Blueprint.Batch;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Network;
using Ec2 = Pulumi.Aws.Ec2;

namespace TrainingInfra.Components;

/// <summary>
/// Batch inference on spot capacity: a managed spot compute environment in the public subnets, a
/// job queue on it, and the inference job definition, with every role and setting that the CDK
/// design left to CDK made explicit.
/// </summary>
public sealed class BatchComponent : ComponentResource
{
    /// <summary>Creates the compute environment, the queue and the job definition.</summary>
    public BatchComponent(string name, BatchComponentArgs args, ComponentResourceOptions? options = null)
        : base("training-infra:components:Batch", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = args.Settings;
        var batch = settings.Batch;
        var names = settings.Names;
        var tags = settings.Tags;
        var plan = BatchComputePlan.For(batch);

        // No inbound rule: nothing connects to the instances; they reach ECS, ECR, S3 and CloudWatch
        // through the internet gateway.
        var securityGroup = new Ec2.SecurityGroup("batch-instances", new Ec2.SecurityGroupArgs
        {
            VpcId = args.VpcId,
            Description = $"Instances of the Batch compute environment {names.ComputeEnvironment}: outbound only",
            Tags = tags,
        }, new CustomResourceOptions { Parent = this });

        // The provider removes the default allow-all egress rule of a new group, so it is restated.
        _ = new SecurityGroupEgressRule("batch-instances-all-outbound", new SecurityGroupEgressRuleArgs
        {
            SecurityGroupId = securityGroup.Id,
            IpProtocol = SecurityGroupRules.AllTraffic,
            CidrIpv4 = SecurityGroupRules.AnyIpv4,
            Description = "All outbound traffic",
            Tags = tags,
        }, new CustomResourceOptions { Parent = securityGroup });

        var instanceRole = PlatformRoles.Create("batch-instance-role", new RoleArgs
        {
            Name = names.BatchInstanceRole,
            AssumeRolePolicy = BatchPolicies.InstanceTrust,
            Description = $"ECS agent on the instances of {names.ComputeEnvironment}: registers them, pulls job images, ships job logs",
            Tags = tags,
        }, settings, args.AccountId, this);

        var instancePolicy = new RolePolicyAttachment("batch-instance-role-ecs", new RolePolicyAttachmentArgs
        {
            Role = instanceRole.Name,
            PolicyArn = BatchPolicies.InstanceRolePolicyArn(settings.Region),
        }, new CustomResourceOptions { Parent = instanceRole });

        var instanceProfile = new InstanceProfile("batch-instance-profile", new InstanceProfileArgs
        {
            Name = names.BatchInstanceProfile,
            Role = instanceRole.Name,
            Tags = tags,
        }, PlatformRoles.CreateFirst(instanceRole));

        var launchTemplate = new Ec2.LaunchTemplate("batch-instance-template", new Ec2.LaunchTemplateArgs
        {
            Description = $"IMDSv2 on the instances of {names.ComputeEnvironment}",
            // No network interfaces here: Batch places the instances in its own subnets and
            // security group, and the public subnets give them their public address.
            MetadataOptions = new Ec2.Inputs.LaunchTemplateMetadataOptionsArgs
            {
                HttpEndpoint = BatchInstanceMetadata.HttpEndpoint,
                HttpTokens = BatchInstanceMetadata.HttpTokens,
                HttpPutResponseHopLimit = BatchInstanceMetadata.HopLimit,
            },
            Tags = tags,
        }, new CustomResourceOptions { Parent = this });

        var computeResources = new ComputeEnvironmentComputeResourcesArgs
        {
            Type = BatchComputePlan.SpotCapacity,
            AllocationStrategy = batch.AllocationStrategy,
            BidPercentage = batch.BidPercentage,
            MinVcpus = batch.MinVcpus,
            MaxVcpus = batch.MaxVcpus,
            InstanceTypes = batch.InstanceTypes.ToList(),
            InstanceRole = instanceProfile.Arn,
            Subnets = args.HostSubnetIds,
            SecurityGroupIds = { securityGroup.Id },
            // A version number, not $Latest: a changed template then shows up as a change of the
            // compute environment, which Batch rolls out to its instances.
            LaunchTemplate = new ComputeEnvironmentComputeResourcesLaunchTemplateArgs
            {
                LaunchTemplateId = launchTemplate.Id,
                Version = launchTemplate.LatestVersion.Apply(version => version.ToString(CultureInfo.InvariantCulture)),
            },
            // Tags of the instances Batch launches.
            Tags = tags,
        };

        // The environment's policies must outlive it: without them it cannot scale its instances
        // down while being deleted, and stays in DELETING.
        var policies = new List<Resource> { instancePolicy };
        if (plan.NeedsSpotFleetRole)
        {
            var (spotFleetRole, spotFleetPolicy) = CreateSpotFleetRole(settings, args.AccountId);
            computeResources.SpotIamFleetRole = spotFleetRole.Arn;
            policies.Add(spotFleetPolicy);
        }

        var computeEnvironmentArgs = new ComputeEnvironmentArgs
        {
            // A prefix, not a name: a replacement (every shape change under BEST_FIT, a changed
            // strategy, a spot fleet role) then gets a new name, so Pulumi creates it first, moves
            // the queue to it (an in-place update of the queue) and deletes the old one last. With a
            // fixed name the bridge would delete first (nameRequiresDeleteBeforeReplace), and Batch
            // refuses to delete an environment that a queue still uses.
            NamePrefix = names.ComputeEnvironmentPrefix,
            Type = BatchComputePlan.ManagedType,
            State = BatchComputePlan.Enabled,
            // No ServiceRole: Batch then uses its service-linked role AWSServiceRoleForBatch, which
            // it creates if the account lacks it. Only with that role and a SPOT_* strategy does the
            // provider update subnets, security groups, instance types and role, bid, launch
            // template and instance tags in place (BatchComputePlan); otherwise it replaces.
            ComputeResources = computeResources,
            Tags = tags,
        };
        if (plan.UpdatesInPlace)
        {
            computeEnvironmentArgs.UpdatePolicy = new ComputeEnvironmentUpdatePolicyArgs
            {
                JobExecutionTimeoutMinutes = plan.UpdateJobTimeoutMinutes,
                TerminateJobsOnUpdate = BatchComputePlan.TerminateJobsOnUpdate,
            };
        }

        var computeEnvironment = new ComputeEnvironment("batch-compute-environment", computeEnvironmentArgs,
            new CustomResourceOptions { Parent = this, DependsOn = policies });

        var queue = new JobQueue("batch-job-queue", new JobQueueArgs
        {
            Name = names.JobQueue,
            Priority = BatchComputePlan.QueuePriority,
            State = BatchComputePlan.Enabled,
            ComputeEnvironmentOrders =
            {
                new JobQueueComputeEnvironmentOrderArgs { Order = 1, ComputeEnvironment = computeEnvironment.Arn },
            },
            Tags = tags,
        }, new CustomResourceOptions { Parent = this });

        var jobRole = PlatformRoles.Create("batch-job-role", new RoleArgs
        {
            Name = names.BatchJobRole,
            AssumeRolePolicy = BatchPolicies.JobTrust,
            Description = $"Code of the {names.JobDefinition} jobs: reads and writes the model bucket",
            Tags = tags,
        }, settings, args.AccountId, this);

        _ = new RolePolicy("batch-job-role-model-bucket", new RolePolicyArgs
        {
            Role = jobRole.Name,
            Policy = args.DataKeyArn is { } key
                ? Output.Tuple(args.ModelBucketArn, key).Apply(arns => BatchPolicies.JobRole(arns.Item1, arns.Item2))
                : args.ModelBucketArn.Apply(arn => BatchPolicies.JobRole(arn)),
        }, new CustomResourceOptions { Parent = jobRole });

        if (args.PackageMirror is { } mirror)
        {
            _ = PackageMirrorAccess.Grant("batch-job-role-package-mirror", jobRole, mirror);
        }

        var jobDefinition = new JobDefinition("batch-job-definition", new JobDefinitionArgs
        {
            Name = names.JobDefinition,
            Type = BatchJobContainer.JobType,
            PlatformCapabilities = { BatchJobContainer.Platform },
            ContainerProperties = Output.Tuple(args.RepositoryUrl, jobRole.Arn, args.AccountId)
                .Apply(values => BatchJobContainer.Properties(settings, values.Item1, values.Item2, values.Item3)),
            RetryStrategy = new JobDefinitionRetryStrategyArgs
            {
                Attempts = batch.JobAttempts,
                EvaluateOnExits = BatchRetryRules.Rules.Select(RetryRuleArgs.From).ToList(),
            },
            Timeout = new JobDefinitionTimeoutArgs { AttemptDurationSeconds = batch.JobTimeoutSeconds },
            // Jobs and their ECS tasks carry the definition's tags, so their cost is attributed.
            PropagateTags = true,
            Tags = tags,
        }, new CustomResourceOptions { Parent = this });

        ComputeEnvironmentArn = computeEnvironment.Arn;
        JobQueueArn = queue.Arn;
        JobDefinitionArn = jobDefinition.Arn;

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["computeEnvironmentArn"] = ComputeEnvironmentArn,
            ["jobQueueArn"] = JobQueueArn,
            ["jobDefinitionArn"] = JobDefinitionArn,
        });
    }

    /// <summary>The spot compute environment.</summary>
    public Output<string> ComputeEnvironmentArn { get; }

    /// <summary>The queue that inference jobs are submitted to.</summary>
    public Output<string> JobQueueArn { get; }

    /// <summary>The inference job definition, with its revision.</summary>
    public Output<string> JobDefinitionArn { get; }

    private (Role Role, RolePolicyAttachment Policy) CreateSpotFleetRole(PlatformSettings settings, Output<string> accountId)
    {
        var role = PlatformRoles.Create("batch-spot-fleet-role", new RoleArgs
        {
            Name = settings.Names.BatchSpotFleetRole,
            AssumeRolePolicy = BatchPolicies.SpotFleetTrust,
            Description = $"Spot Fleet requests of {settings.Names.ComputeEnvironment} (BEST_FIT allocation)",
            Tags = settings.Tags,
        }, settings, accountId, this);

        var policy = new RolePolicyAttachment("batch-spot-fleet-role-tagging", new RolePolicyAttachmentArgs
        {
            Role = role.Name,
            PolicyArn = BatchPolicies.SpotFleetRolePolicyArn(settings.Region),
        }, new CustomResourceOptions { Parent = role });

        return (role, policy);
    }
}

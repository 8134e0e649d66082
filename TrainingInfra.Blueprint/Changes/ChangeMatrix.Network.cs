using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Planning;

namespace TrainingInfra.Blueprint.Changes;

/// <summary>The network keys' rows.</summary>
public static partial class ChangeMatrix
{
    private const string SubnetSource = "terraform-provider-aws internal/service/ec2/vpc_subnet.go (`cidr_block`, `availability_zone` ForceNew); awsx ec2/vpc.ts (Auto strategy: one block per zone)";
    private const string NotebookSource = "terraform-provider-aws internal/service/sagemaker/notebook_instance.go";
    private const string NotebookLost = "the notebook's name is fixed, so it is deleted first, and with it everything on its ML storage volume";

    private static IEnumerable<ConfigChange> Network() =>
    [
        new(SettingKeys.NetworkStack, ResourceTypes.AwsxVpc, ChangeEffect.CreatedOrDeleted,
            "attaching deletes the stack's own VPC, endpoints and flow logs after everything has moved; detaching creates them",
            "the program (NetworkComponent)"),
        new(SettingKeys.NetworkStack, ResourceTypes.SecurityGroup, ChangeEffect.ReplacedNewFirst,
            "the Batch and SageMaker groups move to the other VPC; the groups are autonamed",
            "terraform-provider-aws internal/service/ec2/vpc_security_group.go (`vpc_id` ForceNew)"),
        new(SettingKeys.NetworkStack, ResourceTypes.NotebookInstance, ChangeEffect.ReplacedOldDeletedFirst,
            NotebookLost + " (`subnet_id` and `security_groups` are ForceNew)", NotebookSource + "; " + Bridge)
        {
            From = "", To = "prod",
            Context = [(SettingKeys.InterfaceEndpointZones, SettingsLoader.AllZones), (SettingKeys.NotebookDirectInternetAccess, "false")],
        },
        new(SettingKeys.NetworkStack, ResourceTypes.ComputeEnvironment, ChangeEffect.InPlace,
            "subnets and security group change as for `availabilityZones`", ComputeEnvironmentSource),
        new(SettingKeys.NetworkMode, ResourceTypes.AwsxVpc, ChangeEffect.CreatedOrDeleted,
            "private deletes awsx's VPC with its internet gateway and public subnets once everything has moved to the new private VPC; public creates it again. A migration, not an edit: docs/operations.md, \"Switching a network's mode\"",
            "the program (NetworkComponent)"),
        new(SettingKeys.NetworkMode, ResourceTypes.Vpc, ChangeEffect.CreatedOrDeleted,
            "private creates a VPC of plain EC2 resources (isolated subnets, their route tables, the S3 gateway endpoint) before the old VPC goes; public deletes it last",
            "the program (NetworkComponent.PrivateVpc)"),
        new(SettingKeys.NetworkMode, ResourceTypes.SecurityGroup, ChangeEffect.ReplacedNewFirst,
            "the Batch, SageMaker and endpoint groups move to the new VPC; the groups are autonamed",
            "terraform-provider-aws internal/service/ec2/vpc_security_group.go (`vpc_id` ForceNew)"),
        new(SettingKeys.NetworkMode, ResourceTypes.VpcEndpoint, ChangeEffect.CreatedOrDeleted,
            "every endpoint is created again in the new VPC; private adds the Batch hosts' ecs, ecs-agent, ecs-telemetry, ecr.api, ecr.dkr and logs, billed per hour and zone",
            "the program (VpcEndpointPlan)"),
        new(SettingKeys.NetworkMode, ResourceTypes.NotebookInstance, ChangeEffect.ReplacedOldDeletedFirst,
            NotebookLost + " (`subnet_id` and `security_groups` are ForceNew): copy its work off first", NotebookSource + "; " + Bridge)
        { From = "public", To = "private", Context = [(SettingKeys.NotebookDirectInternetAccess, "false")] },
        new(SettingKeys.NetworkMode, ResourceTypes.ComputeEnvironment, ChangeEffect.InPlace,
            "subnets and security group change as for `availabilityZones`; Batch replaces its instances, which come up without public addresses",
            ComputeEnvironmentSource),
        new(SettingKeys.VpcCidr, ResourceTypes.AwsxVpc, ChangeEffect.ReplacedNewFirst,
            "a new VPC with new subnets, endpoints and security groups; Batch and the training configuration move to them; the old VPC goes last",
            "terraform-provider-aws internal/service/ec2/vpc_.go (`cidr_block` ForceNew)")
        { From = "10.220.0.0/16", To = "10.221.0.0/16" },
        new(SettingKeys.VpcCidr, ResourceTypes.NotebookInstance, ChangeEffect.ReplacedOldDeletedFirst, NotebookLost, NotebookSource + "; " + Bridge)
        { From = "10.220.0.0/16", To = "10.221.0.0/16" },
        new(SettingKeys.AvailabilityZones, ResourceTypes.AwsxVpc, ChangeEffect.ReplacedNewFirst,
            "subnets are added or removed; where the zone blocks change size (2 to 3 zones, for example) existing subnets move and are replaced new-first, which EC2 refuses while a new subnet overlaps an old one: plan such a change as a new network",
            SubnetSource),
        new(SettingKeys.AvailabilityZones, ResourceTypes.ComputeEnvironment, ChangeEffect.InPlace,
            "the environment's subnets are updated; Batch replaces its instances, letting running jobs finish first",
            ComputeEnvironmentSource),
        new(SettingKeys.AvailabilityZones, ResourceTypes.ComputeEnvironment, ChangeEffect.ReplacedNewFirst,
            "new subnets force a new environment; the queue moves to it, then jobs still running on the old one end",
            ComputeEnvironmentSource)
        { Context = BestFit, From = "2", To = "3" },
        new(SettingKeys.AvailabilityZones, ResourceTypes.NotebookInstance, ChangeEffect.ReplacedOldDeletedFirst,
            NotebookLost + ", when its (the first public) subnet is replaced", NotebookSource + "; " + Bridge)
        { From = "2", To = "3" },
        new(SettingKeys.SubnetCidrMask, ResourceTypes.AwsxVpc, ChangeEffect.ReplacedNewFirst,
            "every subnet gets a new range and is replaced new-first, which EC2 refuses while a new subnet overlaps an old one: plan it as a new network",
            SubnetSource),
        new(SettingKeys.SubnetCidrMask, ResourceTypes.NotebookInstance, ChangeEffect.ReplacedOldDeletedFirst, NotebookLost, NotebookSource + "; " + Bridge)
        { From = "24", To = "25" },
        new(SettingKeys.InterfaceEndpointServices, ResourceTypes.VpcEndpoint, ChangeEffect.CreatedOrDeleted,
            "an endpoint per added service (billed per hour and zone); a removed one cuts off the code that called it",
            "the program (VpcEndpointPlan)"),
        new(SettingKeys.InterfaceEndpointZones, ResourceTypes.VpcEndpoint, ChangeEffect.InPlace,
            "endpoints gain or lose subnets; calls through a removed zone's interface fail over to the others",
            "terraform-provider-aws internal/service/ec2/vpc_endpoint.go (`subnet_ids` not ForceNew)"),
        new(SettingKeys.VpcFlowLogs, ResourceTypes.FlowLog, ChangeEffect.CreatedOrDeleted,
            "off deletes the flow log, its role and its log group with the logs in it",
            "the program (NetworkComponent)"),
        new(SettingKeys.PackageMirror, ResourceTypes.CodeArtifactDomain, ChangeEffect.CreatedOrDeleted,
            "on creates the domain; off deletes it after its repository, even on a protected stack: it holds only copies of public packages",
            "the program (StorageComponent.Packages)"),
        new(SettingKeys.PackageMirror, ResourceTypes.CodeArtifactRepository, ChangeEffect.CreatedOrDeleted,
            "on creates the repository with its external connection to public PyPI; off deletes it with the packages it cached",
            "the program (StorageComponent.Packages)"),
        new(SettingKeys.PackageMirror, ResourceTypes.VpcEndpoint, ChangeEffect.CreatedOrDeleted,
            "codeartifact.api and codeartifact.repositories, where the notebook has no direct internet access or the network is private; billed per hour and zone",
            "the program (VpcEndpointPlan)"),
        new(SettingKeys.PackageMirror, RolePolicy, ChangeEffect.CreatedOrDeleted,
            "the notebook and Batch job roles' package-mirror-read policy",
            "the program (PackageMirrorAccess)"),
        new(SettingKeys.PackageMirror, NotebookLifecycle, ChangeEffect.InPlace,
            "the OnStart script gains or loses the pip configuration and takes effect at the notebook's next start; with notebookIdleStopMinutes 0 the configuration is created or deleted instead, and attaching or detaching it restarts the notebook",
            "terraform-provider-aws internal/service/sagemaker/notebook_instance_lifecycle_configuration.go (`on_start` not ForceNew)"),
        new(SettingKeys.PackageMirror, JobDefinition, ChangeEffect.InPlace,
            "the container's environment gains or loses the four CODEARTIFACT_ variables: " + NewRevision, JobDefinitionSource),
    ];
}

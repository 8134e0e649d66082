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
        { From = "", To = "prod", Context = [(SettingKeys.InterfaceEndpointZones, SettingsLoader.AllZones)] },
        new(SettingKeys.NetworkStack, ResourceTypes.ComputeEnvironment, ChangeEffect.InPlace,
            "subnets and security group change as for `availabilityZones`", ComputeEnvironmentSource),
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
    ];
}

using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Iam;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Network;
using Ec2 = Pulumi.Aws.Ec2;

namespace TrainingInfra.Components;

public sealed partial class NetworkComponent
{
    private void CreateFlowLogs(PlatformSettings settings, Output<string> accountId, Output<string>? dataKeyArn, Output<string> vpcId)
    {
        var options = new CustomResourceOptions { Parent = this };
        var logGroupArgs = new LogGroupArgs
        {
            Name = settings.Names.FlowLogGroup,
            RetentionInDays = settings.Monitoring.LogRetentionDays,
            Tags = settings.Tags,
        };
        if (dataKeyArn is not null)
        {
            logGroupArgs.KmsKeyId = dataKeyArn;
        }

        var logGroup = new LogGroup("vpc-flow-logs", logGroupArgs, options);

        var role = PlatformRoles.Create("vpc-flow-logs", new RoleArgs
        {
            Name = settings.Names.FlowLogRole,
            Description = $"Delivers the flow logs of {settings.Names.Vpc} to {settings.Names.FlowLogGroup}",
            AssumeRolePolicy = accountId.Apply(FlowLogPolicies.Trust),
            Tags = settings.Tags,
        }, settings, accountId, this);

        var delivery = new RolePolicy("vpc-flow-logs-delivery", new RolePolicyArgs
        {
            Role = role.Name,
            Policy = logGroup.Arn.Apply(FlowLogPolicies.Delivery),
        }, new CustomResourceOptions { Parent = role });

        // After the role's policy: the provider retries CreateFlowLogs only while EC2 cannot assume
        // the role (terraform-provider-aws internal/service/ec2/vpc_flow_log.go), not while the role
        // may not yet write to the group. Delete-first: every argument of a flow log is ForceNew
        // (same file), and EC2 refuses a second flow log of the VPC with the same destination and
        // traffic type (FlowLogAlreadyExists, "There is an existing Flow Log with the same
        // configuration and log destination", as getmoto/moto#6369 quotes EC2), so a replacement
        // (a renamed role, a new log group) must remove the old one first: seconds without flow logs.
        _ = new Ec2.FlowLog("vpc-flow-logs", new Ec2.FlowLogArgs
        {
            VpcId = vpcId,
            TrafficType = FlowLogPolicies.TrafficType,
            LogDestinationType = "cloud-watch-logs",
            LogDestination = logGroup.Arn,
            IamRoleArn = role.Arn,
            MaxAggregationInterval = FlowLogPolicies.MaxAggregationIntervalSeconds,
            Tags = settings.Tags,
        }, new CustomResourceOptions { Parent = this, DependsOn = { delivery }, DeleteBeforeReplace = true });
    }
}

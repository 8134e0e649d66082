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

        var role = new Role("vpc-flow-logs", new RoleArgs
        {
            Description = $"Delivers the flow logs of {settings.Names.Vpc} to {settings.Names.FlowLogGroup}",
            AssumeRolePolicy = accountId.Apply(FlowLogPolicies.Trust),
            Tags = settings.Tags,
        }, options);

        _ = new RolePolicy("vpc-flow-logs-delivery", new RolePolicyArgs
        {
            Role = role.Name,
            Policy = logGroup.Arn.Apply(FlowLogPolicies.Delivery),
        }, new CustomResourceOptions { Parent = role });

        _ = new Ec2.FlowLog("vpc-flow-logs", new Ec2.FlowLogArgs
        {
            VpcId = vpcId,
            TrafficType = FlowLogPolicies.TrafficType,
            LogDestinationType = "cloud-watch-logs",
            LogDestination = logGroup.Arn,
            IamRoleArn = role.Arn,
            MaxAggregationInterval = FlowLogPolicies.MaxAggregationIntervalSeconds,
            Tags = settings.Tags,
        }, options);
    }
}

using System.Text.Json.Nodes;
using TrainingInfra.Blueprint.Policies;

namespace TrainingInfra.Blueprint.Network;

/// <summary>The role that VPC flow logs deliver through, and what it may do.</summary>
public static class FlowLogPolicies
{
    /// <summary>Both accepted and rejected traffic is logged.</summary>
    public const string TrafficType = "ALL";

    /// <summary>One-minute aggregation: the default ten minutes hides short bursts.</summary>
    public const int MaxAggregationIntervalSeconds = 60;

    /// <summary>The service that delivers flow logs to CloudWatch Logs.</summary>
    public const string ServicePrincipal = "vpc-flow-logs.amazonaws.com";

    /// <summary>
    /// Trusts the flow-logs service, only on behalf of this account: without the condition any
    /// account's flow log could be pointed at the role (the confused-deputy problem).
    /// </summary>
    public static string Trust(string accountId) =>
        PolicyDocument.Create(PolicyDocument.Statement(
            "FlowLogsDelivery",
            "Allow",
            ["sts:AssumeRole"],
            [],
            principal: new JsonObject { ["Service"] = ServicePrincipal },
            condition: new JsonObject { ["StringEquals"] = new JsonObject { ["aws:SourceAccount"] = accountId } }));

    /// <summary>
    /// Writes into the flow-log group and nothing else. DescribeLogGroups lists groups and is
    /// granted on the account's log groups in the region (<c>log-group:*</c>), not on "*".
    /// </summary>
    public static string Delivery(string logGroupArn)
    {
        ArgumentNullException.ThrowIfNull(logGroupArn);
        var marker = ":log-group:";
        var groupsInRegion = logGroupArn[..(logGroupArn.IndexOf(marker, StringComparison.Ordinal) + marker.Length)] + "*";
        return PolicyDocument.Create(
            PolicyDocument.Allow(
                "WriteFlowLogs",
                ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                [logGroupArn, logGroupArn + ":*"]),
            PolicyDocument.Allow("FindTheLogGroup", ["logs:DescribeLogGroups"], [groupsInRegion]));
    }
}

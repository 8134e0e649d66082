using System.Text.Json.Nodes;
using TrainingInfra.Blueprint.Policies;

namespace TrainingInfra.Blueprint.Monitoring;

/// <summary>
/// The policies that let EventBridge rules and CloudWatch alarms publish to the encrypted alert
/// topic. Publishing to an encrypted topic takes two grants: <c>sns:Publish</c> on the topic, and
/// use of the topic's key, which SNS exercises on the publisher's behalf. With the AWS-managed key
/// <c>alias/aws/sns</c> the second cannot be granted (its policy cannot be changed), and the
/// services' publishes are dropped without an error anywhere an operator would look.
/// </summary>
public static class AlertPolicies
{
    /// <summary>EventBridge, which publishes the rules' alerts.</summary>
    public const string EventBridgePrincipal = "events.amazonaws.com";

    /// <summary>CloudWatch, which publishes the alarms' notifications.</summary>
    public const string CloudWatchPrincipal = "cloudwatch.amazonaws.com";

    /// <summary>AWS Budgets, which publishes the stack budget's notifications (when the stack has one).</summary>
    public const string BudgetsPrincipal = "budgets.amazonaws.com";

    /// <summary>
    /// Days a deleted topic key can still be recovered: the longest KMS allows, as every message
    /// still encrypted under it (in the topic's delivery retries) is unreadable once it is gone.
    /// </summary>
    public const int KeyDeletionWindowDays = 30;

    /// <summary>What SNS needs from the key to encrypt a message a service publishes.</summary>
    public static IReadOnlyList<string> PublisherKeyActions { get; } = ["kms:GenerateDataKey*", "kms:Decrypt"];

    /// <summary>
    /// The key policy of the topic's key. The account keeps full control through IAM (without that
    /// statement nobody, the account included, could manage or delete the key); the two publishing
    /// services may only generate data keys and decrypt. EventBridge gets no source condition, as
    /// AWS documents for encrypted SNS targets; in a key policy <c>*</c> means this key alone.
    /// </summary>
    public static string TopicKey(string partition, string accountId, bool budgetPublishes = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(partition);
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        // AWS Budgets publishes to an encrypted topic only if the key admits it as well: the same
        // two actions as the other publishers (issue 21; AWS's page "Creating an Amazon SNS topic for
        // budget notifications", https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-sns-policy.html,
        // could not be read from the build machine on 2026-12-05: check it before the first deployment).
        string[] publishers = budgetPublishes
            ? [EventBridgePrincipal, CloudWatchPrincipal, BudgetsPrincipal]
            : [EventBridgePrincipal, CloudWatchPrincipal];
        return PolicyDocument.Create(
            PolicyDocument.Statement(
                "AccountAdministersTheKey", "Allow", ["kms:*"], ["*"],
                new JsonObject { ["AWS"] = $"arn:{partition}:iam::{accountId}:root" }, condition: null),
            PolicyDocument.Statement(
                "AlertPublishersEncryptMessages", "Allow", PublisherKeyActions, ["*"],
                new JsonObject { ["Service"] = PolicyDocument.Strings(publishers) }, condition: null));
    }

    /// <summary>
    /// The topic policy. It replaces SNS's default policy, which admits every principal of the
    /// account, with the two publishers; the account's own roles still administer the topic through
    /// their IAM policies, as for any resource in the same account. CloudWatch is held to alarms of
    /// this account; EventBridge gets no condition, as AWS documents for SNS targets.
    /// </summary>
    public static string Topic(string topicArn, string accountId, bool budgetPublishes = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicArn);
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        var statements = new List<JsonObject>
        {
            PolicyDocument.Statement(
                "EventBridgePublishesFailureAlerts", "Allow", ["sns:Publish"], [topicArn],
                new JsonObject { ["Service"] = EventBridgePrincipal }, condition: null),
            PolicyDocument.Statement(
                "CloudWatchAlarmsOfThisAccountPublish", "Allow", ["sns:Publish"], [topicArn],
                new JsonObject { ["Service"] = CloudWatchPrincipal },
                new JsonObject { ["StringEquals"] = new JsonObject { ["aws:SourceAccount"] = accountId } }),
        };
        if (budgetPublishes)
        {
            // Held to budgets of this account (source account and a budget ARN, which has no region),
            // so no other account's budget can publish here; see the note on TopicKey about the source.
            var partition = topicArn.Split(':')[1];
            statements.Add(PolicyDocument.Statement(
                "BudgetsOfThisAccountPublishCostAlerts", "Allow", ["sns:Publish"], [topicArn],
                new JsonObject { ["Service"] = BudgetsPrincipal },
                new JsonObject
                {
                    ["StringEquals"] = new JsonObject { ["aws:SourceAccount"] = accountId },
                    ["ArnLike"] = new JsonObject { ["aws:SourceArn"] = $"arn:{partition}:budgets::{accountId}:*" },
                }));
        }

        return PolicyDocument.Create([.. statements]);
    }
}

using TrainingInfra.Blueprint.Policies;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>The evaluator the policy scenarios rely on answers as IAM does for the cases it models.</summary>
public class PolicyEvaluatorTests
{
    private static readonly string AllowReads = PolicyDocument.Create(
        PolicyDocument.Allow("Reads", ["s3:Get*"], ["arn:aws:s3:::data/*"]));

    [Fact]
    public void ExplicitDeny_OutweighsAnAllow()
    {
        var deny = PolicyDocument.Create(PolicyDocument.Statement("No", "Deny", ["s3:*"], ["*"], principal: null, condition: null));

        Assert.Equal(PolicyDecision.ExplicitlyDenied, PolicyEvaluator.Decide([AllowReads, deny], "s3:GetObject", "arn:aws:s3:::data/a"));
    }

    [Fact]
    public void WildcardAction_MatchesIgnoringCase_WildcardResourceDoesNot()
    {
        Assert.True(PolicyEvaluator.IsAllowed([AllowReads], "S3:getobjectversion", "arn:aws:s3:::data/a/b"));
        Assert.Equal(PolicyDecision.ImplicitlyDenied, PolicyEvaluator.Decide([AllowReads], "s3:GetObject", "arn:aws:s3:::DATA/a"));
        Assert.Equal(PolicyDecision.ImplicitlyDenied, PolicyEvaluator.Decide([AllowReads], "s3:PutObject", "arn:aws:s3:::data/a"));
    }

    [Fact]
    public void Condition_OnAMissingKey_DoesNotHold()
    {
        var policy = PolicyDocument.Create(PolicyDocument.Allow(
            "Tagged", ["sagemaker:CreateTrainingJob"], ["*"],
            new System.Text.Json.Nodes.JsonObject { ["StringEquals"] = new System.Text.Json.Nodes.JsonObject { ["aws:RequestTag/Environment"] = "dev" } }));

        Assert.False(PolicyEvaluator.IsAllowed([policy], "sagemaker:CreateTrainingJob", "arn:x"));
        Assert.True(PolicyEvaluator.IsAllowed([policy], "sagemaker:CreateTrainingJob", "arn:x", new Dictionary<string, string> { ["AWS:RequestTag/Environment"] = "dev" }));
        Assert.False(PolicyEvaluator.IsAllowed([policy], "sagemaker:CreateTrainingJob", "arn:x", new Dictionary<string, string> { ["aws:RequestTag/Environment"] = "prod" }));
    }

    [Fact]
    public void EveryConditionKey_MustHold()
    {
        var policy = PolicyDocument.Create(PolicyDocument.Allow(
            "Both", ["s3:PutObject"], ["*"],
            new System.Text.Json.Nodes.JsonObject
            {
                ["ArnLike"] = new System.Text.Json.Nodes.JsonObject { ["aws:SourceArn"] = "arn:aws:s3:::a" },
                ["StringEquals"] = new System.Text.Json.Nodes.JsonObject { ["aws:SourceAccount"] = "1" },
            }));

        Assert.True(PolicyEvaluator.IsAllowed([policy], "s3:PutObject", "k", new Dictionary<string, string> { ["aws:SourceArn"] = "arn:aws:s3:::a", ["aws:SourceAccount"] = "1" }));
        Assert.False(PolicyEvaluator.IsAllowed([policy], "s3:PutObject", "k", new Dictionary<string, string> { ["aws:SourceArn"] = "arn:aws:s3:::a", ["aws:SourceAccount"] = "2" }));
    }
}

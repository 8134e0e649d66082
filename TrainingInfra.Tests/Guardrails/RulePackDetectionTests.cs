using TrainingInfra.Blueprint.Planning;
using TrainingInfra.Tests.Support;
using static TrainingInfra.Mocks.Guardrails.Scan;

namespace TrainingInfra.Tests.Guardrails;

/// <summary>
/// The rule-pack rules find what they are about: with a safeguard switched off in a protected
/// stack, the rule reports it, and no waiver hides it.
/// </summary>
[Collection(MockRuntimeSuite.Name)]
public class RulePackDetectionTests(StackRuns runs)
{
    private static List<Finding> Unwaived(string ruleId, StackRun run)
    {
        var rule = GuardrailCatalog.Rules.Single(r => r.Id == ruleId);
        Assert.True(rule.AppliesTo(run.Settings));
        return rule.Check(run).Where(f => Waivers.Covering(run.Settings, f) is null).ToList();
    }

    [Fact]
    public async Task CKV_AWS_18_ReportsBothBuckets_OfAProtectedStackWithoutAccessLogs()
    {
        var run = await runs.Get("prod", ("bucketAccessLogs", "false"));

        Assert.Equal(["Bucket dataset-bucket", "Bucket model-bucket"], Unwaived("CKV_AWS_18", run).Select(f => f.Resource).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TI_IAM_1_ReportsAmazonSageMakerFullAccess_OnAProtectedStacksNotebookRole()
    {
        var run = await runs.Get("prod", ("notebookAccess", "full"));

        var finding = Assert.Single(Unwaived("TI.IAM.1", run));
        Assert.EndsWith(":iam::aws:policy/AmazonSageMakerFullAccess", finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewKeys_WithBadValues_StopTheStackBeforeAnyResource_NamingEach()
    {
        var (error, registered) = await StackRun.Refusal("dev", ("bucketAccessLogs", "yes"), ("accessLogRetentionDays", "0"), ("replicaRegion", "us-east-1"), ("notebookAccess", "admin"));

        var message = error.ToString();
        Assert.Contains("training-infra:bucketAccessLogs = 'yes'", message, StringComparison.Ordinal);
        Assert.Contains("training-infra:accessLogRetentionDays = '0'", message, StringComparison.Ordinal);
        Assert.Contains("training-infra:replicaRegion = 'us-east-1'", message, StringComparison.Ordinal);
        Assert.Contains("training-infra:notebookAccess = 'admin'", message, StringComparison.Ordinal);
        Assert.DoesNotContain(registered, r => r.Type != "pulumi:pulumi:Stack");
    }

    [Fact]
    public async Task TI_ML_1_And_2_ReportDevsAppAndGrants_WhenJudgedAsProds()
    {
        // No config makes a stack reach another's app; judging dev's resources as prod's shows that
        // the rules would see it: every app property and every grant names the wrong stack.
        var dev = await runs.Get("dev");
        var prod = new Blueprint.Naming.ResourceNames("prod");
        var grants = IdentityStatements(dev).Where(s => s.Effect == "Allow" && s.Source.Contains("experiments", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, ExperimentRules.AppProblems(prod, Assert.Single(dev.OfType(ResourceTypes.MlflowApp))).Count());
        Assert.Empty(grants.SelectMany(s => ExperimentRules.GrantProblems(dev.Settings.Names, ExperimentRules.AppArns(dev), s)));
        Assert.All(grants.Where(s => !s.Actions.All(Waivers.StarResourceActions.ContainsKey)), s =>
            Assert.NotEmpty(ExperimentRules.GrantProblems(prod, new HashSet<string>(), s)));
    }
}

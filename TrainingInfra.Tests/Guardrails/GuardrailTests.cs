using TrainingInfra.Tests.Support;
using Xunit.Abstractions;

namespace TrainingInfra.Tests.Guardrails;

/// <summary>
/// The guardrail suite: every rule of <see cref="GuardrailCatalog"/> against the whole stack of
/// every stack file (dev, pr, prod), each test named after its rule. Findings that
/// <see cref="Waivers"/> accepts are listed, not failed.
/// </summary>
[Collection(MockRuntimeSuite.Name)]
public sealed class GuardrailTests(StackRuns runs, ITestOutputHelper output)
{
    /// <summary>
    /// The dev stack file with every optional safeguard switched on, so that the rules that apply
    /// only then (replication, KMS-encrypted replicas, scoped notebook access) run too.
    /// </summary>
    private const string HardenedDev = "dev-hardened";

    private static readonly (string Key, string Value)[] HardenedSwitches =
    [
        ("bucketAccessLogs", "true"), ("notebookAccess", "scoped"), ("replicaRegion", "us-west-2"), ("customerManagedKey", "true"),
    ];

    public static TheoryData<string> Stacks() => new([.. TrainingInfra.Testing.StackConfigFiles.StackNames(), HardenedDev]);

    private Task<StackRun> Run(string stack) => stack == HardenedDev ? runs.Get("dev", HardenedSwitches) : runs.Get(stack);

    private async Task Holds(string ruleId, string stack)
    {
        var rule = GuardrailCatalog.Rules.Single(r => r.Id == ruleId);
        var run = await Run(stack);
        if (!rule.AppliesTo(run.Settings))
        {
            output.WriteLine($"{stack}: {ruleId} does not apply");
            return;
        }

        Assert.NotEmpty(rule.Subjects(run));
        var findings = rule.Check(run).ToList();
        var unwaived = findings.Where(f => Waivers.Covering(run.Settings, f) is null).ToList();
        foreach (var finding in findings.Except(unwaived))
        {
            output.WriteLine($"{stack}: waived {finding}");
        }

        Assert.True(unwaived.Count == 0, $"{stack}: {string.Join("; ", unwaived)}");
    }

    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_53_BucketsBlockPublicAcls(string stack) => Holds("CKV_AWS_53", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_54_BucketsBlockPublicPolicies(string stack) => Holds("CKV_AWS_54", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_55_BucketsIgnorePublicAcls(string stack) => Holds("CKV_AWS_55", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_56_BucketsRestrictPublicBuckets(string stack) => Holds("CKV_AWS_56", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_21_BucketsAreVersioned(string stack) => Holds("CKV_AWS_21", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_19_BucketsAreEncryptedAtRest(string stack) => Holds("CKV_AWS_19", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_145_BucketsUseKmsWhenConfigured(string stack) => Holds("CKV_AWS_145", stack);
    [Theory, MemberData(nameof(Stacks))] public Task S3_5_BucketsDenyPlainHttp(string stack) => Holds("S3.5", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_300_BucketsAbortIncompleteUploads(string stack) => Holds("CKV_AWS_300", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV2_AWS_61_BucketsHaveLifecycleRules(string stack) => Holds("CKV2_AWS_61", stack);
    [Theory, MemberData(nameof(Stacks))] public Task S3_12_BucketsUseNoAcls(string stack) => Holds("S3.12", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_70_NoPolicyAllowsAnyPrincipal(string stack) => Holds("CKV_AWS_70", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_163_RepositoryScansOnPush(string stack) => Holds("CKV_AWS_163", stack);
    [Theory, MemberData(nameof(Stacks))] public Task ECR_3_RepositoryHasALifecyclePolicy(string stack) => Holds("ECR.3", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_51_RepositoryTagsImmutableWhenConfigured(string stack) => Holds("CKV_AWS_51", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_136_RepositoryUsesKmsWhenConfigured(string stack) => Holds("CKV_AWS_136", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_371_NotebookAllowsImdsV2Only(string stack) => Holds("CKV_AWS_371", stack);
    [Theory, MemberData(nameof(Stacks))] public Task SageMaker_2_NotebookRunsInTheVpc(string stack) => Holds("SageMaker.2", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_122_NotebookInternetAccessOnlyWhenConfigured(string stack) => Holds("CKV_AWS_122", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_307_NotebookRootAccessOnlyWhenConfigured(string stack) => Holds("CKV_AWS_307", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_22_NotebookUsesKmsWhenConfigured(string stack) => Holds("CKV_AWS_22", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_63_NoPolicyAllowsEveryAction(string stack) => Holds("CKV_AWS_63", stack);
    [Theory, MemberData(nameof(Stacks))] public Task IAM_21_NoPolicyAllowsAWholeService(string stack) => Holds("IAM.21", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_355_StarResourcesOnlyForAllowListedActions(string stack) => Holds("CKV_AWS_355", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_286_PassRoleIsScopedAndConditioned(string stack) => Holds("CKV_AWS_286", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_60_RolesAreAssumableOnlyByNamedServices(string stack) => Holds("CKV_AWS_60", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_66_LogGroupsHaveRetention(string stack) => Holds("CKV_AWS_66", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_158_LogGroupsUseKmsWhenConfigured(string stack) => Holds("CKV_AWS_158", stack);
    [Theory, MemberData(nameof(Stacks))] public Task EC2_18_NoIngressFromAnywhere(string stack) => Holds("EC2.18", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_23_SecurityGroupsAndRulesAreDescribed(string stack) => Holds("CKV_AWS_23", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV2_AWS_11_VpcFlowLogsWhenConfigured(string stack) => Holds("CKV2_AWS_11", stack);
    [Theory, MemberData(nameof(Stacks))] public Task TI_NET_1_InterfaceEndpointsUsePrivateDns(string stack) => Holds("TI.NET.1", stack);
    [Theory, MemberData(nameof(Stacks))] public Task TI_KMS_1_PackageMirrorUsesTheDataKey(string stack) => Holds("TI.KMS.1", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_7_KeysRotate(string stack) => Holds("CKV_AWS_7", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_33_KeyPoliciesNameNoWildcardPrincipal(string stack) => Holds("CKV_AWS_33", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_26_AlertTopicIsEncrypted(string stack) => Holds("CKV_AWS_26", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_79_LaunchTemplatesRequireImdsV2(string stack) => Holds("CKV_AWS_79", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_210_BatchJobsAreNotPrivileged(string stack) => Holds("CKV_AWS_210", stack);
    [Theory, MemberData(nameof(Stacks))] public Task TI_TAG_1_EveryTaggableResourceIsTagged(string stack) => Holds("TI.TAG.1", stack);
    [Theory, MemberData(nameof(Stacks))] public Task TI_DATA_1_ProtectedStacksKeepTheirData(string stack) => Holds("TI.DATA.1", stack);
    [Theory, MemberData(nameof(Stacks))] public Task TI_DATA_2_ProtectedStacksNeverForceEmpty(string stack) => Holds("TI.DATA.2", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_18_DataBucketsLogAccessInProtectedStacks(string stack) => Holds("CKV_AWS_18", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV_AWS_144_BucketsReplicateWhenAReplicaRegionIsSet(string stack) => Holds("CKV_AWS_144", stack);
    [Theory, MemberData(nameof(Stacks))] public Task TI_IAM_1_NoManagedFullAccessPolicyInProtectedStacks(string stack) => Holds("TI.IAM.1", stack);
    [Theory, MemberData(nameof(Stacks))] public Task CKV2_AWS_12_DefaultSecurityGroupIsClosed(string stack) => Holds("CKV2_AWS_12", stack);
    [Theory, MemberData(nameof(Stacks))] public Task EC2_15_PublicSubnetsOnlyAsReviewed(string stack) => Holds("EC2.15", stack);
    [Theory, MemberData(nameof(Stacks))] public Task TI_NET_2_AllTrafficIngressOnlyAsReviewed(string stack) => Holds("TI.NET.2", stack);
    [Theory, MemberData(nameof(Stacks))] public Task TI_NET_3_PrivateNetworkHasNoPathToTheInternet(string stack) => Holds("TI.NET.3", stack);
    [Theory, MemberData(nameof(Stacks))] public Task TI_ML_1_MlflowAppKeepsToItsStack(string stack) => Holds("TI.ML.1", stack);
    [Theory, MemberData(nameof(Stacks))] public Task TI_ML_2_GrantsReachOnlyThisStacksAppAndGroup(string stack) => Holds("TI.ML.2", stack);

    [Fact]
    public async Task ProdIsPrivate_AndNeedsNoWaiverForPublicSubnets()
    {
        var run = await runs.Get("prod");

        Assert.True(GuardrailCatalog.Rules.Single(r => r.Id == "TI.NET.3").AppliesTo(run.Settings));
        Assert.DoesNotContain(GuardrailCatalog.Evaluate(run), f => f.Finding.RuleId is "EC2.15" or "TI.NET.3");
    }

    [Fact]
    public async Task PrivateRule_SeesAwsxAndPublicSubnets_HoweverTheVpcIsBuilt()
    {
        // dev's public network, which the rule must refuse had a private stack registered it: its
        // internet gateway exists only inside awsx, which the mock runtime never shows.
        var rule = GuardrailCatalog.Rules.Single(r => r.Id == "TI.NET.3");

        var findings = rule.Check(await runs.Get("dev")).ToList();

        Assert.Contains(findings, f => f.Resource.StartsWith("Vpc ", StringComparison.Ordinal) && f.Problem.Contains("internet gateway", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Resource.StartsWith("NotebookInstance ", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryRule_HasATest_AndEveryWaiverARule()
    {
        var tested = typeof(GuardrailTests).GetMethods()
            .Where(m => m.GetCustomAttributes(typeof(TheoryAttribute), false).Length > 0)
            .Select(m => m.Name)
            .ToList();

        Assert.All(GuardrailCatalog.Rules, rule => Assert.Contains(tested, t => t.StartsWith(rule.Id.Replace('.', '_') + "_", StringComparison.Ordinal)));
        Assert.All(Waivers.All, w => Assert.Contains(GuardrailCatalog.Rules, r => r.Id == w.RuleId));
        Assert.True(GuardrailCatalog.Rules.Count >= 30);
    }

    [Theory, MemberData(nameof(Stacks))]
    public async Task Findings_AreListedPerStack(string stack)
    {
        var run = await Run(stack);
        var lines = GuardrailCatalog.Evaluate(run)
            .Select(f => f.Waiver is null ? $"FAIL   {f.Finding}" : $"waived {f.Finding} -- {f.Waiver.Reason}")
            .ToList();

        output.WriteLine($"Guardrail findings for stack {stack} ({lines.Count}):");
        lines.ForEach(output.WriteLine);
        Assert.DoesNotContain(lines, l => l.StartsWith("FAIL", StringComparison.Ordinal));
    }
}

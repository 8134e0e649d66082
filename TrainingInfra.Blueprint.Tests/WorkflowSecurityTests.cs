using System.Text.RegularExpressions;
using TrainingInfra.Blueprint.Naming;
using YamlDotNet.RepresentationModel;
using static TrainingInfra.Blueprint.Tests.Support.WorkflowFiles;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>
/// The rules of docs/delivery-trust-model.md that live in the workflow files. A pull request's own
/// copy of a workflow is what runs, so these rules keep the repository's files honest; what keeps a
/// pull request from production is GitHub's environments and AWS's policies, which they name.
/// </summary>
public partial class WorkflowSecurityTests
{
    private static readonly string[] PullRequestEvents = ["pull_request", "pull_request_target"];
    private static readonly string[] MainOnlyProdEnvironments = ["production", "prod-read"];
    private static readonly string[] Environments = ["pr-preview", "dev", "prod-read", "production", "pr-stacks"];
    private const string PulumiCliVersion = "3.276.0";

    private static readonly string[] PerPrJobsThatRunOnPushAndLabel = ["test", "up"];

    public static TheoryData<string> AllWorkflows() => new(Names);

    public static TheoryData<string> PullRequestWorkflows() => new(Names.Where(RunsOnPullRequests));

    private static bool RunsOnPullRequests(string workflow) => Triggers(workflow).Any(PullRequestEvents.Contains);

    /// <summary>The stacks a job names: stack-name inputs, STACK variables, --stack options, matrix values.</summary>
    private static List<string> StacksNamed(string workflow, YamlMappingNode job) =>
        Steps(job).Select(s => With(s, "stack-name")).OfType<string>()
            .Concat(new[] { Mapping(job, "env"), Mapping(Workflow(workflow), "env") }.OfType<YamlMappingNode>().Select(e => Scalar(e, "STACK")).OfType<string>())
            .Concat(Steps(job).SelectMany(s => StackOption().Matches(Run(s)).Select(m => m.Groups["stack"].Value)))
            .Concat(Mapping(job, "strategy") is { } strategy && Mapping(strategy, "matrix") is { } matrix && matrix.Children.ContainsKey(new YamlScalarNode("stack")) ? Sequence(matrix, "stack") : [])
            .ToList();

    [Theory]
    [MemberData(nameof(PullRequestWorkflows))]
    public void NoPullRequest_PlansOrChangesProd_WithCredentials(string workflow)
    {
        Assert.All(Jobs(workflow).Where(j => UsesSecrets(j.Job) || HoldsIdToken(workflow, j.Job)), job =>
            Assert.DoesNotContain("prod", StacksNamed(workflow, job.Job)));
    }

    [Theory]
    [MemberData(nameof(AllWorkflows))]
    public void Credentials_ComeOnlyFromAnEnvironment_AndProdsOnlyFromMainOnlyOnes(string workflow)
    {
        Assert.All(Jobs(workflow).Where(j => UsesSecrets(j.Job) || HoldsIdToken(workflow, j.Job)), job =>
        {
            var environment = Scalar(job.Job, "environment");
            Assert.True(environment is not null, $"{workflow} {job.Id} takes credentials without an environment: they would be the repository's, open to every branch");
            Assert.Contains(environment, Environments);
            if (StacksNamed(workflow, job.Job).Contains("prod"))
            {
                Assert.Contains(environment, MainOnlyProdEnvironments);
            }

            if (RunsOnPullRequests(workflow))
            {
                Assert.DoesNotContain(environment, (string[])["dev", .. MainOnlyProdEnvironments]);
            }
        });
    }

    [Theory]
    [MemberData(nameof(AllWorkflows))]
    public void NoJobThatRunsPullRequestCode_HoldsAnIdToken_BeforeItAssumesItsRole(string workflow)
    {
        Assert.DoesNotContain(("id-token", "write"), Permissions(Workflow(workflow)));
        Assert.All(Jobs(workflow).Where(j => HoldsIdToken(workflow, j.Job)), job =>
        {
            var steps = Steps(job.Job).ToList();
            var assume = steps.FindIndex(s => Uses(s, "aws-actions/configure-aws-credentials"));
            Assert.True(assume >= 0, $"{job.Id} holds an OIDC token and assumes no role");
            Assert.DoesNotContain(steps, s => Run(s).Contains("dotnet test", StringComparison.Ordinal) || Run(s).Contains("dotnet build", StringComparison.Ordinal));
            Assert.All(steps.Take(assume), s => Assert.True(Scalar(s, "run") is null && !Uses(s, "pulumi/actions"),
                $"{job.Id} runs '{Scalar(s, "name") ?? Run(s)}' before it assumes its role"));
        });
    }

    [Theory]
    [MemberData(nameof(AllWorkflows))]
    public void EveryAction_IsPinnedToAFullCommit_WithItsVersionBeside(string workflow)
    {
        Assert.All(UsesLines(workflow).Where(u => !u.Reference.StartsWith("./", StringComparison.Ordinal)), use =>
        {
            Assert.Matches(@"^[A-Za-z0-9-]+/[A-Za-z0-9._/-]+@[0-9a-f]{40}$", use.Reference);
            Assert.Matches(@"^# v\d+\.\d+\.\d+$", use.Comment);
        });
    }

    [Theory]
    [MemberData(nameof(AllWorkflows))]
    public void OneAction_IsPinnedToOneCommit_Everywhere(string workflow)
    {
        var everywhere = Names.SelectMany(UsesLines).GroupBy(u => u.Reference.Split('@')[0]).ToDictionary(g => g.Key, g => g.Select(u => u.Reference).Distinct().Count());

        Assert.All(UsesLines(workflow), use => Assert.Equal(1, everywhere[use.Reference.Split('@')[0]]));
    }

    [Theory]
    [MemberData(nameof(AllWorkflows))]
    public void ThePulumiCli_IsPinned_AndInstalledBeforeItRuns(string workflow)
    {
        Assert.All(Jobs(workflow), job =>
        {
            var steps = Steps(job.Job).ToList();
            Assert.All(steps.Where(s => Uses(s, "pulumi/actions")), s => Assert.Equal(PulumiCliVersion, With(s, "pulumi-version")));
            var firstCli = steps.FindIndex(s => PulumiCli().IsMatch(Run(s)));
            if (firstCli >= 0)
            {
                Assert.Contains(steps.Take(firstCli), s => Uses(s, "pulumi/actions"));
            }
        });
    }

    [Theory]
    [MemberData(nameof(AllWorkflows))]
    public void EveryCheckout_LeavesNoTokenInTheGitConfig(string workflow)
    {
        Assert.All(Jobs(workflow).SelectMany(j => Steps(j.Job)).Where(s => Uses(s, "actions/checkout")),
            checkout => Assert.Equal("false", With(checkout, "persist-credentials")));
    }

    [Fact]
    public void PerPrDeploys_OnlyForOpenPullRequests_AndAmongLabelsOnlyForDeployStack()
    {
        Assert.All(PerPrJobsThatRunOnPushAndLabel, id =>
        {
            var condition = Regex.Replace(Scalar(Job("pr-stack.yml", id), "if")!, @"\s+", " ");
            Assert.Contains("github.event.pull_request.state == 'open'", condition, StringComparison.Ordinal);
            Assert.Contains("(github.event.action == 'labeled' && github.event.label.name == 'deploy-stack')", condition, StringComparison.Ordinal);
            Assert.DoesNotContain("github.event.action != ", condition, StringComparison.Ordinal);
        });
        Assert.Equal("test", Scalar(Job("pr-stack.yml", "up"), "needs"));
    }

    [Fact]
    public void NoUpdate_SharesAConcurrencyGroupWithAPreviewOrTheDriftCheck_OrIsCancelled()
    {
        var all = Names.SelectMany(w => Jobs(w).Select(j => (Workflow: w, j.Id, j.Job))).ToList();
        var updates = all.Where(j => Steps(j.Job).Any(ChangesAStack)).ToList();
        var others = all.Except(updates).SelectMany(j => ConcurrencyGroups(j.Workflow, j.Job).Select(g => g.Group)).ToHashSet();

        Assert.NotEmpty(updates);
        Assert.All(updates, update =>
        {
            var groups = ConcurrencyGroups(update.Workflow, update.Job);
            Assert.NotEmpty(groups);
            Assert.All(groups, g =>
            {
                Assert.False(g.CancelInProgress, $"{update.Id} can be cancelled half-way");
                Assert.DoesNotContain(g.Group, others);
            });
        });
    }

    [Fact]
    public void EveryUpdateAndDestroy_WaitsForTheNotebook_ThenForTheStacksLock()
    {
        var updates = Names.SelectMany(w => Jobs(w).Select(j => j.Job)).Where(j => Steps(j).Any(ChangesAStack)).ToList();

        Assert.NotEmpty(updates);
        Assert.All(updates, job =>
        {
            var steps = Steps(job).ToList();
            var change = steps.FindIndex(ChangesAStack);
            Assert.Contains("bash .github/scripts/pulumi-when-unlocked.sh -- ", Run(steps[change]), StringComparison.Ordinal);
            var wait = Assert.Single(steps, s => Run(s).Contains("wait-for-notebook.sh", StringComparison.Ordinal));
            Assert.True(steps.IndexOf(wait) < change);
            // The notebook's name is the program's: ResourceNames.Notebook of the stack's suffix, the stack's name.
            Assert.Equal($"bash .github/scripts/wait-for-notebook.sh \"$AWS_REGION\" \"{new ResourceNames("$STACK").Notebook}\"", Run(wait));
            Assert.NotNull(Scalar(Mapping(job, "env") ?? new YamlMappingNode(), "STACK") ?? Scalar(Mapping(Workflow("pr-stack.yml"), "env")!, "STACK"));
        });
    }

    [Fact]
    public void Prod_IsUpdatedOnlyFromThePlanThatReviewersSaw()
    {
        var preview = Job("deploy.yml", "preview-prod");
        var up = Job("deploy.yml", "up-prod");
        var save = Assert.Single(Steps(preview), s => Run(s).Contains("--save-plan", StringComparison.Ordinal));
        var upload = Assert.Single(Steps(preview), s => Uses(s, "actions/upload-artifact"));
        var download = Assert.Single(Steps(up), s => Uses(s, "actions/download-artifact"));

        Assert.Equal("prod-read", Scalar(preview, "environment"));
        Assert.Contains("preview-prod", Sequence(up, "needs"));
        Assert.Contains("pulumi preview --stack \"$STACK\" --save-plan \"$RUNNER_TEMP/prod-plan.json\"", Run(save), StringComparison.Ordinal);
        Assert.Contains(">> \"$GITHUB_STEP_SUMMARY\"", Run(save), StringComparison.Ordinal);
        Assert.Contains("set -o pipefail", Run(save), StringComparison.Ordinal);
        Assert.Equal(("prod-plan", "1"), (With(upload, "name"), With(upload, "retention-days")));
        Assert.Equal("prod-plan", With(download, "name"));
        Assert.Null(With(download, "run-id"));
        Assert.Contains("up --stack \"$STACK\" --plan \"$RUNNER_TEMP/plan/prod-plan.json\"", Run(Assert.Single(Steps(up), ChangesAStack)), StringComparison.Ordinal);
    }

    [Fact]
    public void Dependabot_UpdatesTheActionsAndTheNuGetPackages()
    {
        var text = File.ReadAllText(Path.Combine(Scripts.ScriptSandbox.RepoRoot, ".github", "dependabot.yml"));

        Assert.Contains("package-ecosystem: github-actions", text, StringComparison.Ordinal);
        Assert.Contains("package-ecosystem: nuget", text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"--stack\s+""?(?<stack>[A-Za-z0-9$-]+)")]
    private static partial Regex StackOption();

    [GeneratedRegex(@"(^|[\s/])(pulumi\s|pulumi-when-unlocked\.sh|pr-stack-config\.sh|reap-pr-stacks\.sh)", RegexOptions.Multiline)]
    private static partial Regex PulumiCli();
}

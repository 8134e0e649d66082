using System.Text.RegularExpressions;
using TrainingInfra.Testing;
using YamlDotNet.RepresentationModel;
using static TrainingInfra.Blueprint.Tests.Support.WorkflowFiles;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>
/// The delivery workflows do what the docs promise: the README's test command before any change,
/// a read-only preview of dev on pull requests, dev on push, prod only through a reviewed plan,
/// per-PR stacks that are destroyed with their pull request, a smoke test after every update, and
/// AWS access through OIDC only. The security rules are in <see cref="WorkflowSecurityTests"/>.
/// </summary>
public partial class WorkflowTests
{
    private static string ReadmeTestCommand()
    {
        var readme = File.ReadAllText(StackConfigFiles.RepoFile("README.md"));
        return FirstShellBlock().Match(readme[readme.IndexOf("Run the tests:", StringComparison.Ordinal)..]).Groups["command"].Value.Trim();
    }

    public static TheoryData<string> AllWorkflows() => new(Names);

    /// <summary>The job's one step that updates or destroys its stack.</summary>
    private static YamlMappingNode StackChange(YamlMappingNode job) => Assert.Single(Steps(job), ChangesAStack);

    [Fact]
    public void PullRequest_RunsTheReadmesTestCommand_ThenPreviewsDev()
    {
        Assert.Equal("dotnet test infra.sln", ReadmeTestCommand());
        Assert.Contains(Steps(Job("pull-request.yml", "test")), s => Run(s) == ReadmeTestCommand());

        var preview = Job("pull-request.yml", "preview");
        Assert.Equal("test", Scalar(preview, "needs"));
        Assert.Equal("pr-preview", Scalar(preview, "environment"));
        var step = Assert.Single(Steps(preview), s => Uses(s, "pulumi/actions"));
        Assert.Equal(("preview", "dev"), (With(step, "command"), With(step, "stack-name")));
        Assert.NotEqual("true", With(step, "upsert"));
        var credentials = Assert.Single(Steps(preview), s => Uses(s, "aws-actions/configure-aws-credentials"));
        Assert.Equal("${{ vars.AWS_ROLE_ARN }}", With(credentials, "role-to-assume"));
    }

    [Fact]
    public void PullRequest_HasOnlyTheLeastPermissionsItNeeds()
    {
        Assert.Equal([("contents", "read")], Permissions(Workflow("pull-request.yml")));
        Assert.Equal([("contents", "read"), ("id-token", "write")], Permissions(Job("pull-request.yml", "preview")));
        Assert.Equal([("contents", "read")], Permissions(Job("pull-request.yml", "plan")));
    }

    [Fact]
    public void PlanJob_UsesNoSecretAndNoIdToken_SoItRunsForPullRequestsFromForks()
    {
        var plan = Job("pull-request.yml", "plan");

        Assert.False(UsesSecrets(plan));
        Assert.False(HoldsIdToken("pull-request.yml", plan));
        Assert.Null(Scalar(plan, "if"));
        Assert.False(plan.Children.ContainsKey(new YamlScalarNode("environment")));
        Assert.DoesNotContain(Steps(plan), s => Uses(s, "aws-actions/configure-aws-credentials") || Uses(s, "pulumi/actions"));
    }

    [Fact]
    public void PlanJob_PlansDevPrAndProd_OnTheBaseAsJson_AndOnTheHeadComparedWithIt()
    {
        var steps = Steps(Job("pull-request.yml", "plan"));
        var onBase = Assert.Single(steps, s => Scalar(s, "working-directory") == "base" && Scalar(s, "run") is not null);
        var onHead = Assert.Single(steps, s => Scalar(s, "working-directory") == "head" && Scalar(s, "run") is not null);

        Assert.Contains(steps, c => Uses(c, "actions/checkout") && With(c, "ref") == "${{ github.event.pull_request.base.sha }}" && With(c, "path") == "base");
        Assert.Contains("for stack in dev pr prod", Run(onBase), StringComparison.Ordinal);
        Assert.Contains("dotnet run --no-build --project TrainingInfra.Plan -- \"$stack\" --format json", Run(onBase), StringComparison.Ordinal);
        Assert.Contains("for stack in dev pr prod", Run(onHead), StringComparison.Ordinal);
        Assert.Contains("--compare \"$RUNNER_TEMP/base/$stack.json\" --format markdown", Run(onHead), StringComparison.Ordinal);
        Assert.Contains(steps, s => Uses(s, "actions/upload-artifact") && With(s, "name") == "plan-comment");
    }

    [Fact]
    public void PlanComment_RunsNoCodeOfThePullRequest_AndUpdatesOneMarkedComment()
    {
        var on = Mapping(Mapping(Workflow("plan-comment.yml"), "on")!, "workflow_run")!;
        var job = Job("plan-comment.yml", "comment");
        var script = With(Assert.Single(Steps(job), s => Uses(s, "actions/github-script")), "script")!;
        var marker = Regex.Match(script, "const marker = '(?<m><!--[^']+-->)'").Groups["m"].Value;

        Assert.Equal(["pull-request"], Sequence(on, "workflows"));
        Assert.Equal(["workflow_run"], Triggers("plan-comment.yml"));
        Assert.DoesNotContain(Steps(job), s => Uses(s, "actions/checkout") || Scalar(s, "run") is not null);
        Assert.Equal([("actions", "read"), ("pull-requests", "write")], Permissions(job));
        Assert.Contains("updateComment", script, StringComparison.Ordinal);
        Assert.Contains("context.payload.workflow_run.head_sha", script, StringComparison.Ordinal);
        Assert.NotEmpty(marker);
        Assert.Contains($"echo \"{marker}\"", Run(Assert.Single(Steps(Job("pull-request.yml", "plan")), s => Scalar(s, "working-directory") == "head")), StringComparison.Ordinal);
    }

    [Fact]
    public void PlanComment_TrustsOnlyItsOwnComment_RegularBoundedFiles_AndNoMentions()
    {
        var script = With(Assert.Single(Steps(Job("plan-comment.yml", "comment")), s => Uses(s, "actions/github-script")), "script")!;

        Assert.Contains("c.user.login === 'github-actions[bot]'", script, StringComparison.Ordinal);
        Assert.DoesNotContain("c.user.type === 'Bot'", script, StringComparison.Ordinal);
        Assert.Contains("fs.lstatSync", script, StringComparison.Ordinal);
        Assert.Contains("!stat.isFile()", script, StringComparison.Ordinal);
        Assert.Contains("stat.size > limits[name]", script, StringComparison.Ordinal);
        Assert.Contains("body.replace(/@(?=[A-Za-z0-9_-])/g, '@\\u200b')", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Deploy_UpdatesDevOnPushFromMain_AfterTheTests()
    {
        var job = Job("deploy.yml", "up-dev");

        Assert.Equal("test", Scalar(job, "needs"));
        Assert.Equal("dev", Scalar(job, "environment"));
        Assert.Contains("github.event_name == 'push'", Scalar(job, "if"), StringComparison.Ordinal);
        Assert.Contains("github.ref == 'refs/heads/main'", Scalar(job, "if"), StringComparison.Ordinal);
        Assert.Equal("dev", Scalar(Mapping(job, "env")!, "STACK"));
        Assert.Contains("up --stack \"$STACK\"", Run(StackChange(job)), StringComparison.Ordinal);
        Assert.Contains(Steps(Job("deploy.yml", "test")), s => Run(s) == ReadmeTestCommand());
    }

    [Fact]
    public void Deploy_UpdatesProdOnlyOnManualDispatchThroughTheProtectedEnvironment()
    {
        var job = Job("deploy.yml", "up-prod");

        Assert.Equal("production", Scalar(job, "environment"));
        Assert.Contains("github.event_name == 'workflow_dispatch'", Scalar(job, "if"), StringComparison.Ordinal);
        Assert.Equal("prod", Scalar(Mapping(job, "env")!, "STACK"));
    }

    [Fact]
    public void Deploy_ChecksProdForDriftOnASchedule_ExpectingNoChanges()
    {
        Assert.Contains("schedule", Triggers("deploy.yml"));
        var step = Assert.Single(Steps(Job("deploy.yml", "drift-prod")), s => Uses(s, "pulumi/actions"));

        Assert.Equal(("preview", "prod"), (With(step, "command"), With(step, "stack-name")));
        Assert.Equal("true", With(step, "expect-no-changes"));
        Assert.Equal("true", With(step, "refresh"));
    }

    [Fact]
    public void PerPullRequestStack_IsCreatedFromThePrTemplate_WithItsOwnSuffix()
    {
        var script = File.ReadAllText(StackConfigFiles.RepoFile(Path.Combine("scripts", "pr-stack-config.sh")));
        var up = Job("pr-stack.yml", "up");

        Assert.Equal("pr${{ github.event.pull_request.number }}", Scalar(Mapping(Workflow("pr-stack.yml"), "env")!, "STACK"));
        Assert.Contains("pulumi stack init \"$stack\" --copy-config-from pr", script, StringComparison.Ordinal);
        Assert.Contains("training-infra:environmentSuffix \"$stack\"", script, StringComparison.Ordinal);
        Assert.Contains(Steps(up), s => Run(s) == "bash .github/scripts/pr-stack-config.sh \"$STACK\"");
        Assert.Contains("up --stack \"$STACK\"", Run(StackChange(up)), StringComparison.Ordinal);
    }

    [Fact]
    public void PerPullRequestStack_IsDestroyedAndRemovedWhenThePullRequestCloses()
    {
        var destroy = Job("pr-stack.yml", "destroy");
        var run = Run(StackChange(destroy));

        Assert.Contains("github.event.action == 'closed'", Scalar(destroy, "if"), StringComparison.Ordinal);
        Assert.Contains("destroy --stack \"$STACK\"", run, StringComparison.Ordinal);
        Assert.Contains("pulumi stack rm \"$STACK\"", run, StringComparison.Ordinal);
        Assert.Equal(ConcurrencyGroups("pr-stack.yml", Job("pr-stack.yml", "up")), ConcurrencyGroups("pr-stack.yml", destroy));
    }

    /// <summary>
    /// SageMaker does not delete a model package group that holds versions, and the provider's delete
    /// deletes none: every destroy runs empty-model-registry.sh first, on the stack's outputs, and a
    /// failure there ends the job before the destroy (no condition, no continue-on-error).
    /// </summary>
    [Fact]
    public void EveryDestroy_EmptiesTheStacksModelRegistryFirst()
    {
        var destroys = Names.SelectMany(w => Jobs(w).Select(j => j.Job))
            .Where(j => Steps(j).Any(s => ChangesAStack(s) && Run(s).Contains(" destroy ", StringComparison.Ordinal)))
            .ToList();

        Assert.NotEmpty(destroys);
        Assert.True(File.Exists(Path.Combine(Scripts.ScriptSandbox.RepoRoot, "scripts", "empty-model-registry.sh")));
        Assert.All(destroys, job =>
        {
            var steps = Steps(job).ToList();
            var collect = steps.FindIndex(s => Run(s) == "pulumi stack output --json --stack \"$STACK\" > \"$RUNNER_TEMP/stack-outputs.json\"");
            var empty = steps.FindIndex(s => Run(s) == "bash scripts/empty-model-registry.sh \"$STACK\" --outputs \"$RUNNER_TEMP/stack-outputs.json\"");
            var destroy = steps.FindIndex(ChangesAStack);
            Assert.True(collect >= 0 && collect < empty && empty < destroy, $"outputs at {collect}, emptying at {empty}, destroy at {destroy}");
            Assert.Null(Scalar(steps[empty], "if"));
            Assert.Null(Scalar(steps[empty], "continue-on-error"));
            Assert.False(UsesSecrets(steps[empty]));
        });
    }

    [Theory]
    [MemberData(nameof(AllWorkflows))]
    public void Workflow_ReachesAwsThroughOidcOnly(string workflow)
    {
        var text = Text(workflow);

        Assert.DoesNotContain("aws-access-key-id", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AWS_SECRET_ACCESS_KEY", text, StringComparison.OrdinalIgnoreCase);
        Assert.All(Jobs(workflow).SelectMany(j => Steps(j.Job)).Where(s => Uses(s, "aws-actions/configure-aws-credentials")),
            step => Assert.StartsWith("${{ vars.", With(step, "role-to-assume"), StringComparison.Ordinal));
        Assert.All(Jobs(workflow).Where(j => Steps(j.Job).Any(s => Uses(s, "aws-actions/configure-aws-credentials"))),
            job => Assert.True(HoldsIdToken(workflow, job.Job), $"{job.Id} assumes a role without an OIDC token"));
    }

    [Theory]
    [MemberData(nameof(AllWorkflows))]
    public void PulumiSecrets_ReachOnlyThePulumiSteps_NeverTheTestsOrTheWholeWorkflow(string workflow)
    {
        static bool HasSecrets(YamlMappingNode node) => Mapping(node, "env") is { } env
            && env.Children.Values.OfType<YamlScalarNode>().Any(v => v.Value!.Contains("secrets.", StringComparison.Ordinal));
        static bool IsPulumi(YamlMappingNode step) => Uses(step, "pulumi/actions")
            || Regex.IsMatch(Run(step), @"(^|[\s/])(pulumi|pulumi-when-unlocked\.sh|pr-stack-config\.sh|reap-pr-stacks\.sh)\s", RegexOptions.Multiline);

        Assert.False(HasSecrets(Workflow(workflow)), "workflow-level env holds secrets");
        Assert.All(Jobs(workflow), job => Assert.False(HasSecrets(job.Job), $"{job.Id}: job-level env holds secrets"));
        Assert.All(Jobs(workflow).SelectMany(j => Steps(j.Job)).Where(HasSecrets), step =>
        {
            Assert.True(IsPulumi(step), $"{Scalar(step, "name") ?? Run(step)} gets secrets");
            Assert.DoesNotContain("dotnet test", Run(step), StringComparison.Ordinal);
        });
    }

    [GeneratedRegex("```sh\\n(?<command>[^\\n]+)\\n```")]
    private static partial Regex FirstShellBlock();
}

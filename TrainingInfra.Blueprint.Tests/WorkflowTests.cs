using System.Text.RegularExpressions;
using TrainingInfra.Testing;
using YamlDotNet.RepresentationModel;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>
/// The delivery workflows do what the README promises: the README's test command before any
/// change, previews of pr, dev on push, prod only through the protected environment, one update
/// per stack at a time, per-PR stacks that are destroyed with their pull request, and AWS access
/// through OIDC only.
/// </summary>
public partial class WorkflowTests
{
    private static YamlMappingNode Workflow(string name)
    {
        using var reader = new StreamReader(StackConfigFiles.RepoFile(Path.Combine("workflows", name)));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Job(string workflow, string job) =>
        (YamlMappingNode)((YamlMappingNode)Workflow(workflow)["jobs"])[job];

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode job) =>
        ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>();

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static YamlMappingNode PulumiStep(YamlMappingNode job, string command) =>
        Assert.Single(Steps(job), s => Scalar(s, "uses")?.StartsWith("pulumi/actions@", StringComparison.Ordinal) == true
            && s.Children.ContainsKey(new YamlScalarNode("with"))
            && Scalar((YamlMappingNode)s["with"], "command") == command);

    private static string ReadmeTestCommand()
    {
        var readme = File.ReadAllText(StackConfigFiles.RepoFile("README.md"));
        return FirstShellBlock().Match(readme[readme.IndexOf("Run the tests:", StringComparison.Ordinal)..]).Groups["command"].Value.Trim();
    }

    public static TheoryData<string> AllWorkflows() => new(
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "repo", "workflows"), "*.yml").Select(Path.GetFileName).OfType<string>());

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node[key]).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();

    private static IEnumerable<string> Scalars(YamlNode node) => node.AllNodes.OfType<YamlScalarNode>().Select(n => n.Value ?? "");

    private static List<(string, string)> Permissions(YamlMappingNode node) =>
        node.Children.TryGetValue(new YamlScalarNode("permissions"), out var permissions)
            ? ((YamlMappingNode)permissions).Children.Select(p => (((YamlScalarNode)p.Key).Value!, ((YamlScalarNode)p.Value).Value!)).Order().ToList()
            : [];

    [Fact]
    public void PullRequest_RunsTheReadmesTestCommand_ThenPreviewsTheStacksTheMergeChanges()
    {
        Assert.Equal("dotnet test infra.sln", ReadmeTestCommand());
        Assert.Contains(Steps(Job("pull-request.yml", "test")), s => Scalar(s, "run") == ReadmeTestCommand());

        var preview = Job("pull-request.yml", "preview");
        Assert.Equal("test", Scalar(preview, "needs"));
        Assert.Equal(["dev", "prod"], Sequence((YamlMappingNode)((YamlMappingNode)preview["strategy"])["matrix"], "stack"));
        var with = (YamlMappingNode)PulumiStep(preview, "preview")["with"];
        Assert.Equal("${{ matrix.stack }}", Scalar(with, "stack-name"));
        Assert.Equal("true", Scalar(with, "comment-on-pr"));
        // A preview never creates a stack: dev and prod exist, and prod is only ever read here.
        Assert.NotEqual("true", Scalar(with, "upsert"));
        var credentials = Assert.Single(Steps(preview), s => Scalar(s, "uses")?.StartsWith("aws-actions/configure-aws-credentials@", StringComparison.Ordinal) == true);
        Assert.Equal("${{ vars.AWS_PREVIEW_ROLE_ARN }}", Scalar((YamlMappingNode)credentials["with"], "role-to-assume"));
    }

    [Fact]
    public void PullRequest_HasOnlyTheLeastPermissionsItNeeds()
    {
        Assert.Equal([("contents", "read")], Permissions(Workflow("pull-request.yml")));
        Assert.Equal([("contents", "read"), ("id-token", "write"), ("pull-requests", "write")], Permissions(Job("pull-request.yml", "preview")));
        Assert.Equal([("contents", "read")], Permissions(Job("pull-request.yml", "plan")));
    }

    [Fact]
    public void PlanJob_UsesNoSecretAndNoIdToken_SoItRunsForPullRequestsFromForks()
    {
        var plan = Job("pull-request.yml", "plan");

        Assert.DoesNotContain(Scalars(plan), v => v.Contains("secrets.", StringComparison.Ordinal));
        Assert.DoesNotContain(Scalars(plan), v => v.Contains("id-token", StringComparison.Ordinal));
        Assert.DoesNotContain(Permissions(plan), p => p.Item1 == "id-token");
        Assert.DoesNotContain(Permissions(Workflow("pull-request.yml")), p => p.Item1 == "id-token");
        Assert.Null(Scalar(plan, "if"));
        Assert.False(plan.Children.ContainsKey(new YamlScalarNode("environment")));
        Assert.DoesNotContain(Steps(plan), s => Scalar(s, "uses")?.StartsWith("aws-actions/", StringComparison.Ordinal) == true
            || Scalar(s, "uses")?.StartsWith("pulumi/", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void PlanJob_PlansDevPrAndProd_OnTheBaseAsJson_AndOnTheHeadComparedWithIt()
    {
        var steps = Steps(Job("pull-request.yml", "plan")).ToList();
        var checkouts = steps.Where(s => Scalar(s, "uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true).ToList();
        var onBase = Assert.Single(steps, s => Scalar(s, "working-directory") == "base" && Scalar(s, "run") is not null);
        var onHead = Assert.Single(steps, s => Scalar(s, "working-directory") == "head" && Scalar(s, "run") is not null);

        Assert.Contains(checkouts, c => Scalar((YamlMappingNode)c["with"], "ref") == "${{ github.event.pull_request.base.sha }}"
            && Scalar((YamlMappingNode)c["with"], "path") == "base");
        Assert.All(checkouts, c => Assert.Equal("false", Scalar((YamlMappingNode)c["with"], "persist-credentials")));
        Assert.Contains("for stack in dev pr prod", Scalar(onBase, "run"), StringComparison.Ordinal);
        Assert.Contains("dotnet run --no-build --project TrainingInfra.Plan -- \"$stack\" --format json", Scalar(onBase, "run"), StringComparison.Ordinal);
        Assert.Contains("for stack in dev pr prod", Scalar(onHead, "run"), StringComparison.Ordinal);
        Assert.Contains("--compare \"$RUNNER_TEMP/base/$stack.json\" --format markdown", Scalar(onHead, "run"), StringComparison.Ordinal);
        Assert.Contains(steps, s => Scalar(s, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true
            && Scalar((YamlMappingNode)s["with"], "name") == "plan-comment");
    }

    [Fact]
    public void PlanComment_RunsNoCodeOfThePullRequest_AndUpdatesOneMarkedComment()
    {
        var workflow = Workflow("plan-comment.yml");
        var on = (YamlMappingNode)((YamlMappingNode)workflow["on"])["workflow_run"];
        var job = Job("plan-comment.yml", "comment");
        var script = Scalar((YamlMappingNode)Assert.Single(Steps(job), s => Scalar(s, "uses")?.StartsWith("actions/github-script@", StringComparison.Ordinal) == true)["with"], "script")!;
        var marker = Regex.Match(script, "const marker = '(?<m><!--[^']+-->)'").Groups["m"].Value;

        Assert.Equal(["pull-request"], Sequence(on, "workflows"));
        Assert.Single(((YamlMappingNode)workflow["on"]).Children);
        Assert.DoesNotContain(Steps(job), s => Scalar(s, "uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(Steps(job), s => Scalar(s, "run") is not null);
        Assert.Equal([("actions", "read"), ("pull-requests", "write")], Permissions(job));
        Assert.Contains("updateComment", script, StringComparison.Ordinal);
        Assert.Contains("context.payload.workflow_run.head_sha", script, StringComparison.Ordinal);
        Assert.NotEmpty(marker);
        Assert.Contains($"echo \"{marker}\"", Scalar(Assert.Single(Steps(Job("pull-request.yml", "plan")), s => Scalar(s, "working-directory") == "head"), "run"), StringComparison.Ordinal);
    }

    [Fact]
    public void Deploy_UpdatesDevOnPushAfterTheTests()
    {
        var job = Job("deploy.yml", "up-dev");

        Assert.Equal("test", Scalar(job, "needs"));
        Assert.Contains("github.event_name == 'push'", Scalar(job, "if"), StringComparison.Ordinal);
        Assert.Equal("dev", Scalar((YamlMappingNode)PulumiStep(job, "up")["with"], "stack-name"));
        Assert.Contains(Steps(Job("deploy.yml", "test")), s => Scalar(s, "run") == ReadmeTestCommand());
    }

    [Fact]
    public void Deploy_UpdatesProdOnlyOnManualDispatchThroughTheProtectedEnvironment()
    {
        var job = Job("deploy.yml", "up-prod");

        Assert.Equal("production", Scalar(job, "environment"));
        Assert.Contains("github.event_name == 'workflow_dispatch'", Scalar(job, "if"), StringComparison.Ordinal);
        Assert.Equal("prod", Scalar((YamlMappingNode)PulumiStep(job, "up")["with"], "stack-name"));
    }

    [Fact]
    public void Deploy_ChecksProdForDriftOnASchedule_ExpectingNoChanges()
    {
        Assert.True(((YamlMappingNode)Workflow("deploy.yml")["on"]).Children.ContainsKey(new YamlScalarNode("schedule")));
        var with = (YamlMappingNode)PulumiStep(Job("deploy.yml", "drift-prod"), "preview")["with"];

        Assert.Equal("prod", Scalar(with, "stack-name"));
        Assert.Equal("true", Scalar(with, "expect-no-changes"));
        Assert.Equal("true", Scalar(with, "refresh"));
    }

    [Theory]
    [InlineData("deploy.yml", "up-dev", "pulumi-stack-dev")]
    [InlineData("deploy.yml", "up-prod", "pulumi-stack-prod")]
    [InlineData("deploy.yml", "drift-prod", "pulumi-stack-prod")]
    [InlineData("pull-request.yml", "preview", "pulumi-stack-${{ matrix.stack }}")]
    public void EveryStackOperation_WaitsForTheOtherOperationsOnThatStack(string workflow, string job, string group)
    {
        var concurrency = (YamlMappingNode)Job(workflow, job)["concurrency"];

        Assert.Equal(group, Scalar(concurrency, "group"));
        Assert.Equal("false", Scalar(concurrency, "cancel-in-progress"));
    }

    [Fact]
    public void PerPullRequestStack_IsCreatedFromThePrTemplate_WithItsOwnSuffix()
    {
        var script = File.ReadAllText(StackConfigFiles.RepoFile(Path.Combine("scripts", "pr-stack-config.sh")));
        var stack = Scalar((YamlMappingNode)Workflow("pr-stack.yml")["env"], "STACK");

        Assert.Equal("pr${{ github.event.pull_request.number }}", stack);
        Assert.Contains("pulumi stack init \"$stack\" --copy-config-from pr", script, StringComparison.Ordinal);
        Assert.Contains("training-infra:environmentSuffix \"$stack\"", script, StringComparison.Ordinal);
        Assert.Equal("${{ env.STACK }}", Scalar((YamlMappingNode)PulumiStep(Job("pr-stack.yml", "up"), "up")["with"], "stack-name"));
    }

    [Fact]
    public void PerPullRequestStack_IsDestroyedAndRemovedWhenThePullRequestCloses()
    {
        var destroy = Job("pr-stack.yml", "destroy");
        var with = (YamlMappingNode)PulumiStep(destroy, "destroy")["with"];

        Assert.Contains("github.event.action == 'closed'", Scalar(destroy, "if"), StringComparison.Ordinal);
        Assert.Equal("${{ env.STACK }}", Scalar(with, "stack-name"));
        Assert.Equal("true", Scalar(with, "remove"));
        Assert.Equal("false", Scalar((YamlMappingNode)Workflow("pr-stack.yml")["concurrency"], "cancel-in-progress"));
    }

    [Theory]
    [MemberData(nameof(AllWorkflows))]
    public void Workflow_ReachesAwsThroughOidcOnly(string workflow)
    {
        var text = File.ReadAllText(StackConfigFiles.RepoFile(Path.Combine("workflows", workflow)));

        Assert.DoesNotContain("aws-access-key-id", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AWS_SECRET_ACCESS_KEY", text, StringComparison.OrdinalIgnoreCase);
        var root = Workflow(workflow);
        var jobs = ((YamlMappingNode)root["jobs"]).Children.Values.Cast<YamlMappingNode>();
        Assert.All(jobs.SelectMany(Steps).Where(s => Scalar(s, "uses")?.StartsWith("aws-actions/configure-aws-credentials@", StringComparison.Ordinal) == true),
            step => Assert.StartsWith("${{ vars.", Scalar((YamlMappingNode)step["with"], "role-to-assume"), StringComparison.Ordinal));
        // A job that assumes an AWS role gets its OIDC token from its own permissions or the workflow's.
        Assert.All(jobs.Where(j => Steps(j).Any(s => Scalar(s, "uses")?.StartsWith("aws-actions/configure-aws-credentials@", StringComparison.Ordinal) == true)),
            job => Assert.Contains(("id-token", "write"), job.Children.ContainsKey(new YamlScalarNode("permissions")) ? Permissions(job) : Permissions(root)));
    }

    [Theory]
    [MemberData(nameof(AllWorkflows))]
    public void PulumiSecrets_ReachOnlyThePulumiSteps_NeverTheTestsOrTheWholeWorkflow(string workflow)
    {
        var root = Workflow(workflow);
        var jobs = ((YamlMappingNode)root["jobs"]).Children.Values.Cast<YamlMappingNode>().ToList();
        static bool HasSecrets(YamlMappingNode node) =>
            node.Children.TryGetValue(new YamlScalarNode("env"), out var env)
            && ((YamlMappingNode)env).Children.Values.OfType<YamlScalarNode>().Any(v => v.Value!.Contains("secrets.", StringComparison.Ordinal));

        Assert.False(HasSecrets(root), "workflow-level env holds secrets");
        Assert.All(jobs, job => Assert.False(HasSecrets(job), "job-level env holds secrets"));
        Assert.All(jobs.SelectMany(Steps).Where(HasSecrets), step =>
            Assert.True(Scalar(step, "uses")?.StartsWith("pulumi/actions@", StringComparison.Ordinal) == true
                || Scalar(step, "run")?.Contains("pr-stack-config.sh", StringComparison.Ordinal) == true
                || Scalar(step, "run")?.Contains("reap-pr-stacks.sh", StringComparison.Ordinal) == true,
                $"{Scalar(step, "name") ?? Scalar(step, "run")} gets secrets"));
    }

    private static readonly string[] SmokeTestScripts = ["smoke-test.sh", "start-training-job.sh", "submit-batch-job.sh"];

    /// <summary>The stack outputs the smoke test and the commands it runs read.</summary>
    private static List<string> OutputsTheSmokeTestReads() =>
        SmokeTestScripts
            .SelectMany(script => OutputRead().Matches(File.ReadAllText(Path.Combine(Scripts.ScriptSandbox.RepoRoot, "scripts", script))))
            .Select(match => match.Groups["name"].Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static int IndexOf(YamlMappingNode job, Func<YamlMappingNode, bool> predicate) =>
        Steps(job).Select((step, index) => (step, index)).Single(s => predicate(s.step)).index;

    /// <summary>
    /// The job smoke-tests its stack after the update: the outputs it collects are the update
    /// step's, they include every output the scripts read, and the smoke test runs on them.
    /// </summary>
    private static void AssertSmokeTestsAfterTheUpdate(YamlMappingNode job, string stackArgument)
    {
        var up = PulumiStep(job, "up");
        var upId = Scalar(up, "id");
        Assert.NotNull(upId);
        var collect = Assert.Single(Steps(job), s => Scalar(s, "name") == "Collect the stack's outputs for the smoke test");
        var smoke = Assert.Single(Steps(job), s => Scalar(s, "run")?.Contains("scripts/smoke-test.sh", StringComparison.Ordinal) == true);

        Assert.True(IndexOf(job, s => s == up) < IndexOf(job, s => s == collect));
        Assert.True(IndexOf(job, s => s == collect) < IndexOf(job, s => s == smoke));
        var env = (YamlMappingNode)collect["env"];
        Assert.All(OutputsTheSmokeTestReads(), output =>
            Assert.Equal($"${{{{ steps.{upId}.outputs.{output} }}}}", Scalar(env, $"STACK_OUTPUT_{output}")));
        Assert.StartsWith($"bash scripts/smoke-test.sh {stackArgument} --outputs", Scalar(smoke, "run"), StringComparison.Ordinal);
        Assert.Contains("--timeout", Scalar(smoke, "run"), StringComparison.Ordinal);
        Assert.NotNull(Scalar(smoke, "timeout-minutes"));
    }

    [Fact]
    public void SmokeTest_ReadsOutputsTheStackHas()
    {
        Assert.Contains("TrainingJobConfig", OutputsTheSmokeTestReads());
        Assert.Contains("BatchJobFailedRuleName", OutputsTheSmokeTestReads());
    }

    [Fact]
    public void Deploy_SmokeTestsDevAfterEveryUpdate()
    {
        var job = Job("deploy.yml", "up-dev");

        AssertSmokeTestsAfterTheUpdate(job, "dev");
        Assert.All(Steps(job).Where(s => Scalar(s, "name")?.Contains("smoke test", StringComparison.OrdinalIgnoreCase) == true
            || Scalar(s, "run")?.Contains("smoke-test.sh", StringComparison.Ordinal) == true), step => Assert.Null(Scalar(step, "if")));
    }

    [Fact]
    public void Deploy_SmokeTestsProdOnlyWhenTheDispatchAsks()
    {
        var job = Job("deploy.yml", "up-prod");
        var input = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)Workflow("deploy.yml")["on"])["workflow_dispatch"])["inputs"])["smoke-test"];

        AssertSmokeTestsAfterTheUpdate(job, "prod");
        Assert.Equal(("boolean", "false"), (Scalar(input, "type"), Scalar(input, "default")));
        var smoke = Assert.Single(Steps(job), s => Scalar(s, "run")?.Contains("scripts/smoke-test.sh", StringComparison.Ordinal) == true);
        Assert.Equal("inputs.smoke-test", Scalar(smoke, "if"));
    }

    [Fact]
    public void PerPullRequestStack_IsSmokeTestedAfterEveryUpdate()
    {
        AssertSmokeTestsAfterTheUpdate(Job("pr-stack.yml", "up"), "\"$STACK\"");
    }

    [GeneratedRegex(@"ti_output (?<name>[A-Za-z]+)")]
    private static partial Regex OutputRead();

    [GeneratedRegex("```sh\\n(?<command>[^\\n]+)\\n```")]
    private static partial Regex FirstShellBlock();
}

using System.Text.Json;
using Pulumi.Testing;
using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests;

/// <summary>notebookAccess: scoped in place of AmazonSageMakerFullAccess, under the prod stack file and a dev stack with the switch on.</summary>
[Collection(MockRuntimeSuite.Name)]
public class NotebookAccessTests(StackRuns runs)
{
    private const string Role = "aws:iam/role:Role";
    private const string RolePolicy = "aws:iam/rolePolicy:RolePolicy";
    private const string Attachment = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    private const string Notebook = "aws:sagemaker/notebookInstance:NotebookInstance";

    public static TheoryData<string> ScopedStacks() => new("prod", "dev");

    private Task<StackRun> Scoped(string stack) => stack == "prod"
        ? runs.Get("prod")
        : runs.Get(stack, ("notebookAccess", "scoped"));

    private static MockResourceArgs NotebookRole(StackRun run) => run.Named(Role, "notebook-role");

    private static JsonElement[] ScopedStatements(StackRun run) =>
        run.Named(RolePolicy, "notebook-role-sagemaker-scoped").Json("policy").GetProperty("Statement").EnumerateArray().ToArray();

    private static string[] Strings(JsonElement statement, string member) =>
        statement.GetProperty(member).EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Theory]
    [MemberData(nameof(ScopedStacks))]
    public async Task ScopedNotebookRole_CarriesNoAwsManagedPolicy(string stack)
    {
        var run = await Scoped(stack);

        Assert.DoesNotContain(run.OfType(Attachment), a => a.Text("role") == NotebookRole(run).Text("name"));
    }

    [Theory]
    [MemberData(nameof(ScopedStacks))]
    public async Task ScopedNotebookRole_StartsWatchesAndStopsOnlyThisStacksTrainingJobs(string stack)
    {
        var run = await Scoped(stack);
        var policy = run.Named(RolePolicy, "notebook-role-sagemaker-scoped");
        var jobs = $"arn:aws:sagemaker:{CloudMocks.Region}:{CloudMocks.AccountId}:training-job/{stack}-*";

        Assert.Equal(NotebookRole(run).Text("name"), policy.Text("role"));
        var statements = ScopedStatements(run);
        // With a data key, one statement for EBS-backed types and one for local-NVMe types.
        var creates = statements.Where(s => Strings(s, "Action").Contains("sagemaker:CreateTrainingJob")).ToList();
        Assert.NotEmpty(creates);
        Assert.All(creates, create =>
        {
            Assert.Equal([jobs], Strings(create, "Resource"));
            Assert.Equal(stack, create.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:RequestTag/Environment").GetString());
        });
        var stop = Assert.Single(statements, s => Strings(s, "Action").Contains("sagemaker:StopTrainingJob"));
        Assert.Equal([jobs], Strings(stop, "Resource"));
        Assert.Equal(stack, stop.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:ResourceTag/Environment").GetString());
        Assert.DoesNotContain(statements.SelectMany(s => Strings(s, "Action")), a => a.Contains('*', StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ScopedStacks))]
    public async Task ScopedNotebookRole_DescribesOnlyItsOwnNotebook_AndReadsOnlyThisStacksJobLogs(string stack)
    {
        var run = await Scoped(stack);
        var statements = ScopedStatements(run);

        var describe = Assert.Single(statements, s => Strings(s, "Action").Contains("sagemaker:DescribeNotebookInstance"));
        Assert.Equal([$"arn:aws:sagemaker:{CloudMocks.Region}:{CloudMocks.AccountId}:notebook-instance/training-notebook-{stack}"], Strings(describe, "Resource"));
        var logs = Assert.Single(statements, s => Strings(s, "Action").Contains("logs:GetLogEvents"));
        Assert.Equal(
            [$"arn:aws:logs:{CloudMocks.Region}:{CloudMocks.AccountId}:log-group:/aws/sagemaker/TrainingJobs:log-stream:{stack}-*"],
            Strings(logs, "Resource"));
    }

    [Theory]
    [MemberData(nameof(ScopedStacks))]
    public async Task ScopedNotebook_StillPassesOnlyTheTrainingRole(string stack)
    {
        var run = await Scoped(stack);
        var inline = run.Named(RolePolicy, "notebook-role-access").Json("policy").GetProperty("Statement").EnumerateArray();

        var passRole = Assert.Single(inline, s => Strings(s, "Action").Contains("iam:PassRole"));
        Assert.Equal([$"arn:aws:iam::{CloudMocks.AccountId}:role/training-job-role-{stack}"], Strings(passRole, "Resource"));
        Assert.Single(run.OfType(Notebook));
    }

    [Theory]
    [MemberData(nameof(ScopedStacks))]
    public async Task TrainingJobConfig_CarriesTheTagsTheScopedRoleAsksFor(string stack)
    {
        var run = await Scoped(stack);
        var config = JsonDocument.Parse(await StackRun.Value(run.Stack.TrainingJobConfig)).RootElement;
        var required = ScopedStatements(run).First(s => Strings(s, "Action").Contains("sagemaker:CreateTrainingJob"))
            .GetProperty("Condition").GetProperty("StringEquals").EnumerateObject()
            .ToDictionary(c => c.Name["aws:RequestTag/".Length..], c => c.Value.GetString());

        var tags = config.GetProperty("Tags").EnumerateArray().ToDictionary(t => t.GetProperty("Key").GetString()!, t => t.GetProperty("Value").GetString());
        Assert.Equal(required.OrderBy(t => t.Key, StringComparer.Ordinal), tags.OrderBy(t => t.Key, StringComparer.Ordinal));
        Assert.Equal(stack, tags["Environment"]);
    }

    /// <summary>
    /// What Pulumi compares to decide on a replacement are a resource's inputs: if the role and the
    /// notebook are registered with the same inputs under both settings, switching notebookAccess
    /// changes only the attachment and the inline policy, in place.
    /// </summary>
    [Fact]
    public async Task SwitchingNotebookAccess_LeavesTheRoleAndTheNotebookUnchanged()
    {
        var full = await runs.Get("dev");
        var scoped = await runs.Get("dev", ("notebookAccess", "scoped"));

        Assert.Equal(JsonSerializer.Serialize(NotebookRole(full).Inputs), JsonSerializer.Serialize(NotebookRole(scoped).Inputs));
        Assert.Equal(
            JsonSerializer.Serialize(Assert.Single(full.OfType(Notebook)).Inputs),
            JsonSerializer.Serialize(Assert.Single(scoped.OfType(Notebook)).Inputs));
        Assert.Contains(full.OfType(Attachment), a => a.Name == "notebook-role-sagemaker-full-access");
        Assert.DoesNotContain(full.OfType(RolePolicy), p => p.Name == "notebook-role-sagemaker-scoped");
        Assert.DoesNotContain(scoped.OfType(Attachment), a => a.Name == "notebook-role-sagemaker-full-access");
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using TrainingInfra.Blueprint.Batch;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

public partial class BatchJobTests
{
    private const string Repository = "111122223333.dkr.ecr.us-east-1.amazonaws.com/training-containers-dev";
    private const string JobRoleArn = "arn:aws:iam::111122223333:role/batch-job-role";

    private static JsonElement Container(params (string Key, string Value)[] config) =>
        Container(Configs.Load(config));

    private static JsonElement Container(Config.PlatformSettings settings) =>
        JsonDocument.Parse(BatchJobContainer.Properties(settings, Repository, JobRoleArn, "111122223333")).RootElement;

    private static Dictionary<string, string?> Requirements(JsonElement container) =>
        container.GetProperty("resourceRequirements").EnumerateArray()
            .ToDictionary(r => r.GetProperty("type").GetString()!, r => r.GetProperty("value").GetString());

    [Fact]
    public void Container_RunsTheRepositoryImageTaggedLatest_ByDefault()
    {
        Assert.Equal(Repository + ":latest", Container().GetProperty("image").GetString());
    }

    [Fact]
    public void Container_RunsTheConfiguredTag()
    {
        Assert.Equal(Repository + ":2024-06-01.3", Container(("jobImageTag", "2024-06-01.3")).GetProperty("image").GetString());
    }

    [Fact]
    public void Container_ReservesTheCdkDesignsFourVcpusAnd8192MiB_AsStringResourceRequirements()
    {
        var container = Container();

        Assert.Equal(new Dictionary<string, string?> { ["VCPU"] = "4", ["MEMORY"] = "8192" }, Requirements(container));
        Assert.False(container.TryGetProperty("vcpus", out _), "the top-level vcpus field is deprecated");
        Assert.False(container.TryGetProperty("memory", out _), "the top-level memory field is deprecated");
    }

    [Fact]
    public void Container_ReservesTheConfiguredVcpusAndMemory()
    {
        var container = Container(("jobVcpus", "2"), ("jobMemoryMiB", "3072"));

        Assert.Equal(new Dictionary<string, string?> { ["VCPU"] = "2", ["MEMORY"] = "3072" }, Requirements(container));
    }

    [Fact]
    public void Container_WritesAwslogsIntoThePlatformLogGroup_InTheStacksRegion()
    {
        var settings = Configs.Load("pr7", "eu-west-1");

        var logging = Container(settings).GetProperty("logConfiguration");

        Assert.Equal("awslogs", logging.GetProperty("logDriver").GetString());
        var options = logging.GetProperty("options");
        Assert.Equal("/aws/sagemaker/training-jobs-pr7", options.GetProperty("awslogs-group").GetString());
        Assert.Equal("eu-west-1", options.GetProperty("awslogs-region").GetString());
        Assert.False(string.IsNullOrEmpty(options.GetProperty("awslogs-stream-prefix").GetString()));
        Assert.False(options.TryGetProperty("awslogs-create-group", out _), "the monitoring part creates the group, with retention");
    }

    [Fact]
    public void Container_RunsAsTheJobRole_WithoutAnExecutionRole()
    {
        var container = Container();

        Assert.Equal(JobRoleArn, container.GetProperty("jobRoleArn").GetString());
        Assert.False(container.TryGetProperty("executionRoleArn", out _));
    }

    [Fact]
    public void SpotReclaim_IsRetried()
    {
        var decision = BatchRetrySimulator.Decide(
            BatchRetryRules.Rules, statusReason: "Host EC2 (instance i-0123456789abcdef0) terminated.", reason: null, exitCode: null);

        Assert.Equal(RetryRule.Retry, decision);
    }

    [Theory]
    [InlineData("Essential container in task exited", null, 1)]
    [InlineData("Essential container in task exited", "OutOfMemoryError: Container killed due to memory usage", 137)]
    [InlineData("CannotPullContainerError: pull image manifest has been retried 5 time(s)", "CannotPullContainerError", null)]
    [InlineData("A reason nobody has seen yet", "Something else", 3)]
    public void ApplicationOrImageError_IsNotRetried(string statusReason, string? reason, int? exitCode)
    {
        Assert.Equal(RetryRule.Exit, BatchRetrySimulator.Decide(BatchRetryRules.Rules, statusReason, reason, exitCode));
    }

    [Fact]
    public void RetryRules_AreAListBatchAccepts()
    {
        var rules = BatchRetryRules.Rules;

        Assert.InRange(rules.Count, 1, 5);
        Assert.All(rules, rule =>
        {
            Assert.True(rule.Action is "RETRY" or "EXIT", $"action {rule.Action}");
            Assert.True(rule.OnStatusReason is not null || rule.OnReason is not null || rule.OnExitCode is not null, "a rule without a condition");
            Assert.All(new[] { rule.OnStatusReason, rule.OnReason }.OfType<string>(), p => Assert.Matches(ReasonPattern(), p));
            if (rule.OnExitCode is { } exitCode)
            {
                Assert.Matches(ExitCodePattern(), exitCode);
            }
        });
    }

    // AWS: letters, numbers, periods, colons and white space, up to 512 characters, optionally ending in '*'.
    [GeneratedRegex("^[A-Za-z0-9.: \\t]{0,511}\\*?$")]
    private static partial Regex ReasonPattern();

    // AWS: only numbers, optionally ending in '*'.
    [GeneratedRegex("^[0-9]{0,511}\\*?$")]
    private static partial Regex ExitCodePattern();
}

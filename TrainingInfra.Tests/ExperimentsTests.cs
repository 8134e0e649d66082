using System.Text.Json;
using TrainingInfra.Blueprint.Experiments;
using TrainingInfra.Blueprint.Planning;
using TrainingInfra.Tests.Support;

namespace TrainingInfra.Tests;

/// <summary>
/// The MLflow App and the model registry under the mock runtime: which stacks have them, what they
/// are built from, what a protected stack keeps, and how the training configuration, the network and
/// the alerts take them in.
/// </summary>
[Collection(MockRuntimeSuite.Name)]
public class ExperimentsTests(StackRuns runs)
{
    private const string Endpoint = "aws:ec2/vpcEndpoint:VpcEndpoint";
    private const string Rule = "aws:cloudwatch/eventRule:EventRule";
    private const string Target = "aws:cloudwatch/eventTarget:EventTarget";

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    [InlineData("pr")]
    public async Task EveryStackFile_GivesTheStackAnApp_AGroup_TheMlflowEndpoint_AndTheApprovalRule(string stack)
    {
        var run = await runs.Get(stack);
        var suffix = run.Settings.EnvironmentSuffix;

        Assert.True(run.Settings.Experiments.MlflowApp, $"{stack}'s file leaves the app out");
        Assert.Equal($"training-mlflow-{suffix}", Assert.Single(run.OfType(ResourceTypes.MlflowApp)).Text("name"));
        Assert.Equal($"training-models-{suffix}", Assert.Single(run.OfType(ResourceTypes.ModelPackageGroup)).Text("modelPackageGroupName"));
        // A per-PR stack's jobs use the network it attaches to (dev's).
        var network = run.Settings.Network.OwnsNetwork ? run : await runs.Get(run.Settings.Network.NetworkStack!);
        Assert.Single(network.OfType(Endpoint), e => e.Text("serviceName") == "aws.sagemaker.us-east-1.mlflow" && e.Flag("privateDnsEnabled") == true);
        Assert.Single(run.OfType(Rule), r => r.Text("name") == $"model-approval-{suffix}");
    }

    [Fact]
    public async Task TheApp_KeepsItsArtifactsUnderTheModelBucket_RunsAsItsOwnRole_AndRegistersAsConfigured()
    {
        var run = await runs.Get("dev");
        var automatic = await runs.Get("dev", ("mlflowAutoModelRegistration", "true"));
        var app = Assert.Single(run.OfType(ResourceTypes.MlflowApp));
        var roleArn = (string)run.States[("aws:iam/role:Role", "mlflow-app-role")]["arn"];

        Assert.Equal($"s3://model-artifacts-dev-{CloudMocks.AccountId}/mlflow/", app.Text("artifactStoreUri"));
        Assert.Equal(roleArn, app.Text("roleArn"));
        Assert.Equal("AutoModelRegistrationDisabled", app.Text("modelRegistrationMode"));
        Assert.Equal("AutoModelRegistrationEnabled", Assert.Single(automatic.OfType(ResourceTypes.MlflowApp)).Text("modelRegistrationMode"));
    }

    [Fact]
    public async Task ProtectedStack_KeepsApp_ItsRole_AndGroup_WhileAnEphemeralStackDeletesThem()
    {
        var prod = await runs.Get("prod");
        var dev = await runs.Get("dev");
        (string, string)[] kept =
        [
            (ResourceTypes.MlflowApp, "mlflow-app"), (ResourceTypes.ModelPackageGroup, "model-package-group"),
            (ResourceTypes.Role, "mlflow-app-role"), ("aws:iam/rolePolicy:RolePolicy", "mlflow-app-role-access"),
        ];

        Assert.All(kept, k => Assert.True(prod.Options[k] is { Protect: true, RetainOnDelete: true }, $"prod does not keep {k.Item2}"));
        Assert.All(kept, k => Assert.True(dev.Options[k] is { Protect: not true, RetainOnDelete: not true }, $"dev keeps {k.Item2}"));
    }

    [Fact]
    public async Task Outputs_NameTheAppTheGroupAndTheRule_AndTheConfigLogsAndRegistersThere()
    {
        var run = await runs.Get("dev");
        var appArn = (string)run.States[(ResourceTypes.MlflowApp, "mlflow-app")]["arn"];
        var groupArn = (string)run.States[(ResourceTypes.ModelPackageGroup, "model-package-group")]["arn"];
        var config = JsonDocument.Parse(await StackRun.Value(run.Stack.TrainingJobConfig)).RootElement;

        Assert.StartsWith($"arn:aws:sagemaker:us-east-1:{CloudMocks.AccountId}:mlflow-app/app-", appArn, StringComparison.Ordinal);
        Assert.Equal(appArn, await StackRun.Value(run.Stack.MlflowAppArn));
        Assert.Equal("training-models-dev", await StackRun.Value(run.Stack.ModelPackageGroupName));
        Assert.Equal("model-approval-dev", await StackRun.Value(run.Stack.ModelApprovalRuleName));
        Assert.False(await StackRun.Value(run.Stack.DataProtected));
        Assert.Equal(appArn, config.GetProperty("MlflowConfig").GetProperty("MlflowResourceArn").GetString());
        Assert.Equal("training-jobs-dev", config.GetProperty("MlflowConfig").GetProperty("MlflowExperimentName").GetString());
        Assert.Equal(groupArn, config.GetProperty("ModelPackageConfig").GetProperty("ModelPackageGroupArn").GetString());
    }

    [Fact]
    public async Task WithoutTheApp_NothingOfItRemains_ButTheRegistryStays()
    {
        var run = await runs.Get("dev", ("mlflowApp", "off"));
        var config = JsonDocument.Parse(await StackRun.Value(run.Stack.TrainingJobConfig)).RootElement;

        Assert.Empty(run.OfType(ResourceTypes.MlflowApp));
        Assert.DoesNotContain(run.Registered, r => r.Name == "mlflow-app-role");
        Assert.DoesNotContain(run.OfType(Endpoint), e => e.Text("serviceName")!.EndsWith(".mlflow", StringComparison.Ordinal));
        Assert.Equal(MlflowTracking.AbsentOutput, await StackRun.Value(run.Stack.MlflowAppArn));
        Assert.False(config.TryGetProperty("MlflowConfig", out _));
        Assert.Single(run.OfType(ResourceTypes.ModelPackageGroup));
        Assert.DoesNotContain("Mlflow", run.Named("aws:iam/rolePolicy:RolePolicy", "training-role-experiments").Text("policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheClientsPolicies_NameThisStacksAppByItsArn()
    {
        var run = await runs.Get("dev");
        var appArn = (string)run.States[(ResourceTypes.MlflowApp, "mlflow-app")]["arn"];

        foreach (var name in new[] { "training-role-experiments", "notebook-role-experiments" })
        {
            var policy = JsonDocument.Parse(run.Named("aws:iam/rolePolicy:RolePolicy", name).Text("policy")!).RootElement;
            var app = Assert.Single(policy.GetProperty("Statement").EnumerateArray(), s => s.GetProperty("Sid").GetString() == "UseThisStacksMlflowApp");
            Assert.Equal([appArn], app.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()));
        }
    }

    [Fact]
    public async Task ApprovalRule_ListensToTheStacksGroup_AndSendsItsMessageToTheAlertTopic()
    {
        var run = await runs.Get("dev");
        var topicArn = await StackRun.Value(run.Stack.AlertTopicArn);
        var rule = run.Named(Rule, "model-approval");
        var pattern = rule.Json("eventPattern");

        Assert.Equal(["training-models-dev"], pattern.GetProperty("detail").GetProperty("ModelPackageGroupName").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["Approved", "Rejected"], pattern.GetProperty("detail").GetProperty("ModelApprovalStatus").EnumerateArray().Select(v => v.GetString()));
        var target = run.Named(Target, "model-approval-to-alert-topic");
        Assert.Equal(topicArn, target.Text("arn"));
        Assert.Contains("<status>", target.Map("inputTransformer")["inputTemplate"] as string, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PerPrStack_OnDevsNetwork_HasItsOwnAppAndGroup()
    {
        var run = await runs.Get("pr", ("environmentSuffix", "pr42"));

        Assert.Equal("training-mlflow-pr42", Assert.Single(run.OfType(ResourceTypes.MlflowApp)).Text("name"));
        Assert.Equal("training-models-pr42", Assert.Single(run.OfType(ResourceTypes.ModelPackageGroup)).Text("modelPackageGroupName"));
        Assert.Equal("per-pr", Assert.Single(run.OfType(ResourceTypes.MlflowApp)).Map("tags")["DeployFence"]);
    }
}

using System.Text.Json.Nodes;

namespace TrainingInfra.Blueprint.Tests.Scripts;

/// <summary>
/// scripts/start-training-job.sh on a stack with an MLflow App, against the stand-in aws: the job is
/// logged as a run of the stack's experiment, named after the job.
/// </summary>
public sealed class StartTrainingJobMlflowScriptTests : IDisposable
{
    private readonly ScriptSandbox _sandbox = new();

    public StartTrainingJobMlflowScriptTests() => _sandbox.Outputs(SampleStack.Outputs());

    public void Dispose() => _sandbox.Dispose();

    private ScriptResult Start(params string[] arguments) =>
        _sandbox.Run("start-training-job.sh", ["dev", .. arguments, "--outputs", _sandbox.OutputsFile, "--skip-quota-check"]);

    private JsonObject SentRequest() =>
        JsonNode.Parse(ScriptSandbox.Option(Assert.Single(_sandbox.CallsOf("sagemaker", "create-training-job")), "--cli-input-json"))!.AsObject();

    private static JsonObject StackConfig() => JsonNode.Parse(SampleStack.TrainingJobConfig())!.AsObject();

    [Fact]
    public void StackWithAnMlflowApp_LogsTheJobAsARunNamedAfterIt_InTheStacksExperiment()
    {
        var result = Start("resnet-01");

        Assert.True(result.ExitCode == 0, result.ToString());
        var expected = StackConfig()["MlflowConfig"]!.DeepClone().AsObject();
        expected["MlflowRunName"] = "resnet-01";
        Assert.True(JsonNode.DeepEquals(expected, SentRequest()["MlflowConfig"]), SentRequest()["MlflowConfig"]!.ToJsonString());
    }

    [Fact]
    public void RunNameGivenWithMerge_IsKept()
    {
        var merge = Path.Combine(_sandbox.Dir, "merge.json");
        File.WriteAllText(merge, """{"MlflowConfig":{"MlflowRunName":"lr-sweep-3"}}""");

        Start("resnet-01", "--merge", merge);

        Assert.Equal("lr-sweep-3", (string?)SentRequest()["MlflowConfig"]!["MlflowRunName"]);
    }

    [Fact]
    public void StackWithoutAnMlflowApp_SendsNoMlflowConfig()
    {
        _sandbox.Outputs(SampleStack.Outputs(registry: false));

        var result = Start("resnet-01");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(SentRequest().ContainsKey("MlflowConfig"));
    }
}

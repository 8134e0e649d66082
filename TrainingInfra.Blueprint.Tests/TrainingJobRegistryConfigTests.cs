using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using TrainingInfra.Blueprint.SageMaker;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>
/// TrainingJobConfig's MlflowConfig and ModelPackageConfig, checked against the CreateTrainingJob
/// model of the botocore that the machine's AWS CLI v1 carries (the aws-sdk v2 models predate these
/// members): only members the model knows, every required one, each value within its pattern.
/// </summary>
public class TrainingJobRegistryConfigTests
{
    private const string App = "arn:aws:sagemaker:us-east-1:111122223333:mlflow-app/app-ABCDEF123456";
    private const string Group = "arn:aws:sagemaker:us-east-1:111122223333:model-package-group/training-models-dev";

    private static readonly Lazy<JsonElement> Shapes = new(LoadShapes);

    private static JsonElement Request(string? app, string? group) => JsonDocument.Parse(new TrainingJobRequest(
        Configs.Load().Training, "arn:aws:iam::111122223333:role/training-job-role-dev", "sg-0123456789abcdef0", ["subnet-a"],
        "model-artifacts-dev-111122223333", "training-datasets-dev-111122223333", "111122223333.dkr.ecr.us-east-1.amazonaws.com/training-containers-dev",
        null)
    {
        MlflowAppArn = app,
        MlflowExperimentName = app is null ? null : "training-jobs-dev",
        ModelPackageGroupArn = group,
    }.ToJson()).RootElement;

    [Theory]
    [InlineData("MlflowConfig")]
    [InlineData("ModelPackageConfig")]
    public void Member_IsOneTheCurrentModelKnows_WithEveryRequiredMember_AndValuesItsPatternsAccept(string member)
    {
        var request = Request(App, Group);
        var shapeName = Shapes.Value.GetProperty("CreateTrainingJobRequest").GetProperty("members").GetProperty(member).GetProperty("shape").GetString()!;
        var shape = Shapes.Value.GetProperty(shapeName);
        var value = request.GetProperty(member);

        foreach (var required in shape.GetProperty("required").EnumerateArray())
        {
            Assert.True(value.TryGetProperty(required.GetString()!, out _), $"{member} lacks {required}");
        }

        foreach (var field in value.EnumerateObject())
        {
            Assert.True(shape.GetProperty("members").TryGetProperty(field.Name, out var fieldShape), $"{member}.{field.Name} is not in the model");
            var type = Shapes.Value.GetProperty(fieldShape.GetProperty("shape").GetString()!);
            var text = field.Value.GetString()!;
            Assert.InRange(text.Length, type.GetProperty("min").GetInt32(), type.GetProperty("max").GetInt32());
            Assert.Matches(new Regex("^(?:" + type.GetProperty("pattern").GetString() + ")$"), text);
        }
    }

    [Fact]
    public void WithoutAnApp_TheRequestCarriesNoMlflowConfig_ButStillRegistersTheModel()
    {
        var request = Request(null, Group);

        Assert.False(request.TryGetProperty("MlflowConfig", out _));
        Assert.Equal(Group, request.GetProperty("ModelPackageConfig").GetProperty("ModelPackageGroupArn").GetString());
    }

    [Fact]
    public void AnAppWithoutAnExperiment_IsRefused()
    {
        var request = new TrainingJobRequest(Configs.Load().Training, "arn:aws:iam::111122223333:role/r", "sg-1", ["subnet-a"], "m", "d", "r", null)
        {
            MlflowAppArn = App,
        };

        Assert.Throws<ArgumentException>(request.ToJson);
    }

    private static JsonElement LoadShapes()
    {
        // The CLI v1 of the CI image (see docs/script-testing.md) is a Python package; its botocore
        // holds the service models. A machine without it fails here rather than skipping.
        var start = new ProcessStartInfo("python3", ["-c", "import botocore,os;print(os.path.dirname(botocore.__file__))"])
        {
            RedirectStandardOutput = true,
        };
        using var python = Process.Start(start)!;
        var root = python.StandardOutput.ReadToEnd().Trim();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0 && root.Length > 0, "botocore (the AWS CLI v1's library) is not installed");
        var model = Directory.GetFiles(Path.Combine(root, "data", "sagemaker"), "service-2.json*", SearchOption.AllDirectories).Single();
        using var file = File.OpenRead(model);
        using Stream body = model.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        return JsonDocument.Parse(body).RootElement.GetProperty("shapes").Clone();
    }
}

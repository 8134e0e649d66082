using System.Text.Json.Nodes;

namespace TrainingInfra.Blueprint.Tests.Scripts;

/// <summary>
/// scripts/empty-model-registry.sh against the stand-in aws: every version of the stack's group is
/// deleted, across pages; a protected stack is refused; a stack without a group, or whose group is
/// gone, has nothing to empty; a failed delete fails the run.
/// </summary>
public sealed class EmptyModelRegistryScriptTests : IDisposable
{
    private readonly ScriptSandbox _sandbox = new();

    public EmptyModelRegistryScriptTests()
    {
        _sandbox.Outputs(SampleStack.Outputs());
        _sandbox.Answer("sagemaker", "describe-model-package-group", 1, SampleModels.GroupDescription());
    }

    public void Dispose() => _sandbox.Dispose();

    private ScriptResult Empty(params string[] options) =>
        _sandbox.Run("empty-model-registry.sh", ["dev", "--outputs", _sandbox.OutputsFile, .. options]);

    private void Lists(params JsonObject[] pages)
    {
        for (var i = 0; i < pages.Length; i++)
        {
            _sandbox.Answer("sagemaker", "list-model-packages", i + 1, pages[i]);
        }
    }

    /// <summary>DescribeModelPackageGroup refuses, instead of the constructor's answer.</summary>
    private void GroupLookupFails(string error)
    {
        Directory.Delete(Path.Combine(_sandbox.Dir, "fixtures", "sagemaker-describe-model-package-group"), recursive: true);
        _sandbox.Answer("sagemaker", "describe-model-package-group", 1, null, exitCode: 254,
            stderr: $"An error occurred (ValidationException) when calling the DescribeModelPackageGroup operation: {error}");
    }

    private List<string> Deleted() =>
        _sandbox.CallsOf("sagemaker", "delete-model-package").Select(c => ScriptSandbox.Option(c, "--model-package-name")).ToList();

    private void Outputs(Action<JsonObject> change)
    {
        var outputs = SampleStack.Outputs();
        change(outputs);
        _sandbox.Outputs(outputs);
    }

    [Fact]
    public void EveryVersion_OnEveryPage_IsDeleted_AfterTheWholeListIsRead()
    {
        Lists(SampleModels.PackagePage("page-2", 1, 2), SampleModels.PackagePage(null, 3), SampleModels.PackagePage(null));

        var result = Empty();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([SampleModels.PackageArn(1), SampleModels.PackageArn(2), SampleModels.PackageArn(3)], Deleted());
        var lists = _sandbox.CallsOf("sagemaker", "list-model-packages");
        Assert.All(lists, l => Assert.Equal((SampleStack.Names.ModelPackageGroup, "Versioned"),
            (ScriptSandbox.Option(l, "--model-package-group-name"), ScriptSandbox.Option(l, "--model-package-type"))));
        Assert.Equal("page-2", ScriptSandbox.Option(lists[1], "--next-token"));
        var operations = _sandbox.Calls.Select(c => c[1]).ToList();
        Assert.True(operations.IndexOf("delete-model-package") > 1 + operations.IndexOf("list-model-packages"), string.Join(", ", operations));
        Assert.Equal("list-model-packages", operations[^1]);
        Assert.All(Deleted(), arn => Assert.Contains($"deleted {arn}", result.StdOut, StringComparison.Ordinal));
        Assert.All(_sandbox.Calls, c => Assert.Equal(SampleStack.Region, ScriptSandbox.Option(c, "--region")));
    }

    [Fact]
    public void ProtectedStack_IsRefused_AndNothingIsAsked()
    {
        Outputs(o => o["DataProtected"] = true);
        Lists(SampleModels.PackagePage(null, 1));

        var result = Empty();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("stack dev is protected (DataProtected)", result.StdErr, StringComparison.Ordinal);
        Assert.Empty(_sandbox.Calls);
    }

    [Fact]
    public void StackWithoutAGroupOutput_HasNothingToEmpty()
    {
        Outputs(o =>
        {
            o.Remove("ModelPackageGroupName");
            o.Remove("DataProtected");
        });

        var result = Empty();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("no ModelPackageGroupName output", result.StdOut, StringComparison.Ordinal);
        Assert.Empty(_sandbox.Calls);
    }

    [Fact]
    public void StackWithAGroupButNoDataProtectedOutput_IsAnError_NotAGuess()
    {
        Outputs(o => o.Remove("DataProtected"));

        var result = Empty();

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("no output DataProtected", result.StdErr, StringComparison.Ordinal);
        Assert.Empty(_sandbox.Calls);
    }

    [Fact]
    public void GroupThatNoLongerExists_HasNothingToEmpty()
    {
        GroupLookupFails($"Model Package Group {SampleStack.Names.ModelPackageGroup} does not exist.");

        var result = Empty();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("does not exist: nothing to empty", result.StdOut, StringComparison.Ordinal);
        Assert.Empty(_sandbox.CallsOf("sagemaker", "list-model-packages"));
    }

    [Fact]
    public void OtherValidationException_IsAFailure()
    {
        GroupLookupFails("1 validation error detected: Value at 'modelPackageGroupName' failed to satisfy constraint");

        var result = Empty();

        Assert.Equal(3, result.ExitCode);
        Assert.Empty(_sandbox.CallsOf("sagemaker", "list-model-packages"));
    }

    [Fact]
    public void FailedDelete_GoesOnWithTheOthers_AndFailsTheRun()
    {
        Lists(SampleModels.PackagePage(null, 1, 2, 3));
        // DeleteModelPackage answers nothing (no output shape); a fixture per call, since the stand-in
        // repeats its last fixture, here the failure, for calls that have none.
        _sandbox.Answer("sagemaker", "delete-model-package", 1, new JsonObject());
        _sandbox.Answer("sagemaker", "delete-model-package", 2, null, exitCode: 254,
            stderr: "An error occurred (ConflictException) when calling the DeleteModelPackage operation: in use");
        _sandbox.Answer("sagemaker", "delete-model-package", 3, new JsonObject());

        var result = Empty();

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(3, Deleted().Count);
        Assert.Contains($"FAILED to delete {SampleModels.PackageArn(2)}", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("1 of 3 version(s)", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void DryRun_ListsEveryVersion_AndDeletesNone()
    {
        Lists(SampleModels.PackagePage("page-2", 1), SampleModels.PackagePage(null, 2));

        var result = Empty("--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(Deleted());
        Assert.Contains($"would delete {SampleModels.PackageArn(1)}", result.StdOut, StringComparison.Ordinal);
        Assert.Contains($"would delete {SampleModels.PackageArn(2)}", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void VersionsStillListedAfterTheWait_End124()
    {
        Lists(SampleModels.PackagePage(null, 1));
        _sandbox.Environment["TI_POLL_SECONDS"] = "1";

        var result = Empty("--timeout", "1");

        Assert.Equal(124, result.ExitCode);
        Assert.Contains("still lists 1 version(s)", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void VersionBeingDeletedAlready_IsNotDeletedAgain()
    {
        var page = SampleModels.PackagePage(null, 1, 2);
        page["ModelPackageSummaryList"]![0]!["ModelPackageStatus"] = "Deleting";
        Lists(page, SampleModels.PackagePage(null));

        var result = Empty();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([SampleModels.PackageArn(2)], Deleted());
    }
}

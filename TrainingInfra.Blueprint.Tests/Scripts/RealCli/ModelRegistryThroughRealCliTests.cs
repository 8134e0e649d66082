using System.Text.Json.Nodes;

namespace TrainingInfra.Blueprint.Tests.Scripts.RealCli;

/// <summary>
/// scripts/register-model.sh and scripts/empty-model-registry.sh through AWS CLI v2.9 and v1 against
/// the loopback SageMaker, whose every request and answer is checked against botocore's shapes
/// (<see cref="SampleRegistry"/>).
/// </summary>
public sealed class ModelRegistryThroughRealCliTests
{
    private const string Job = "resnet-01";

    private static ScriptResult Register(RealCliSandbox sandbox) =>
        sandbox.Run("register-model.sh", "dev", Job, "--outputs", sandbox.OutputsFile);

    private static ScriptResult Empty(RealCliSandbox sandbox) =>
        sandbox.Run("empty-model-registry.sh", "dev", "--outputs", sandbox.OutputsFile);

    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    public void CompletedJob_IsRegisteredAsTheGroupsNextVersion_PendingApproval(string cli)
    {
        using var sandbox = new RealCliSandbox(cli);
        sandbox.Aws.TrainingJobIs(SampleModels.TrainingJob(Job, "Completed"));
        var group = sandbox.Aws.ModelGroupHolds(1, 2);

        var result = Register(sandbox);

        sandbox.AssertSucceeded(result);
        Assert.Equal(SampleModels.PackageArn(3), result.StdOut.Trim());
        var sent = Assert.Single(group.Registered);
        Assert.Equal((SampleStack.Names.ModelPackageGroup, "PendingManualApproval"), ((string?)sent["ModelPackageGroupName"], (string?)sent["ModelApprovalStatus"]));
        var container = Assert.Single(sent["InferenceSpecification"]!["Containers"]!.AsArray())!;
        Assert.Equal((SampleModels.XgboostImage, SampleModels.Artifact(Job)), ((string?)container["Image"], (string?)container["ModelDataUrl"]));
        Assert.Equal(SampleModels.JobArn(Job), (string?)sent["MetadataProperties"]!["GeneratedBy"]);
        Assert.DoesNotContain(sandbox.Aws.Exchanges, e => e.Reply.ErrorCode is not null);
        Assert.All(sandbox.Aws.Requests, r => Assert.Equal(SampleStack.Region, r.Region));
    }

    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    public void JobOfAnotherRole_IsRefused_AndNothingRegistered(string cli)
    {
        using var sandbox = new RealCliSandbox(cli);
        sandbox.Aws.TrainingJobIs(SampleModels.TrainingJob(Job, "Completed", role: "arn:aws:iam::111122223333:role/training-job-role-pr3507"));
        var group = sandbox.Aws.ModelGroupHolds();

        var result = Register(sandbox);

        Assert.True(result.ExitCode == 2, sandbox.Report(result));
        Assert.Contains("not as stack dev's training role", result.StdErr, StringComparison.Ordinal);
        Assert.Empty(group.Registered);
        Assert.Empty(sandbox.Aws.RequestsOf("sagemaker", "CreateModelPackage"));
    }

    // OutputModelPackageArn is newer than v2.9's model, whose parser keeps only the members it knows
    // (botocore parsers.py, BaseJSONParser._handle_structure): through v2.9 the package SageMaker made
    // is not seen, and a second one is registered, after a warning. A finding, not a wish.
    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    public void JobSageMakerRegistered_IsNotRegisteredAgain_ThroughACliWhoseModelShowsIt(string cli)
    {
        using var sandbox = new RealCliSandbox(cli);
        sandbox.Aws.TrainingJobIs(SampleModels.TrainingJob(Job, "Completed", outputPackage: SampleModels.PackageArn(1)));
        var group = sandbox.Aws.ModelGroupHolds(1);

        var result = Register(sandbox);

        sandbox.AssertSucceeded(result);
        if (cli == "v1")
        {
            Assert.Equal(SampleModels.PackageArn(1), result.StdOut.Trim());
            Assert.Empty(group.Registered);
        }
        else
        {
            Assert.Contains("or this AWS CLI is too old to show it", result.StdErr, StringComparison.Ordinal);
            Assert.Equal(SampleModels.PackageArn(2), result.StdOut.Trim());
        }
    }

    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    public void EveryVersion_OverTwoPages_IsDeleted_AndTheGroupListsNoneAfterwards(string cli)
    {
        using var sandbox = new RealCliSandbox(cli);
        var group = sandbox.Aws.ModelGroupHolds(1, 2, 3);

        var result = Empty(sandbox);

        sandbox.AssertSucceeded(result);
        Assert.Empty(group.Versions);
        Assert.Equal([SampleModels.PackageArn(1), SampleModels.PackageArn(2), SampleModels.PackageArn(3)], group.Deleted);
        var lists = sandbox.Aws.RequestsOf("sagemaker", "ListModelPackages").Select(r => r.Json).ToList();
        Assert.Equal(3, lists.Count);
        Assert.Equal((null, "after-2", null), ((string?)lists[0]["NextToken"], (string?)lists[1]["NextToken"], (string?)lists[2]["NextToken"]));
        Assert.All(lists, l => Assert.Equal((SampleStack.Names.ModelPackageGroup, "Versioned", 100),
            ((string?)l["ModelPackageGroupName"], (string?)l["ModelPackageType"], (int?)l["MaxResults"])));
        Assert.Contains($"model package group {SampleStack.Names.ModelPackageGroup} is empty", result.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    public void GroupThatDoesNotExist_HasNothingToEmpty(string cli)
    {
        using var sandbox = new RealCliSandbox(cli);
        sandbox.Aws.ModelGroupHolds(1);
        var outputs = SampleStack.Outputs();
        outputs["ModelPackageGroupName"] = "training-models-pr3507";
        sandbox.Outputs(outputs);

        var result = Empty(sandbox);

        sandbox.AssertSucceeded(result);
        Assert.Contains("model package group training-models-pr3507 does not exist: nothing to empty", result.StdOut, StringComparison.Ordinal);
        Assert.Equal(["DescribeModelPackageGroup"], sandbox.Aws.Requests.Select(r => r.Operation));
    }
}

using System.Text.Json.Nodes;

namespace TrainingInfra.Blueprint.Tests.Scripts.RealCli;

/// <summary>
/// The loopback service's check of SageMaker bodies against botocore's shapes (<see cref="BotocoreModel"/>)
/// finds what the CLIs let through and what a scripted answer gets wrong.
/// </summary>
public sealed class BotocoreModelTests
{
    private static readonly BotocoreModel SageMaker = BotocoreModel.Of("sagemaker", "2017-07-24");

    private static JsonObject Registration() => JsonNode.Parse($$$"""
        {"ModelPackageGroupName": "{{{SampleStack.Names.ModelPackageGroup}}}", "ModelApprovalStatus": "PendingManualApproval",
         "InferenceSpecification": {"Containers": [{"Image": "{{{SampleModels.XgboostImage}}}", "ModelDataUrl": "{{{SampleModels.Artifact("j")}}}"}]},
         "CustomerMetadataProperties": {"TrainingJobName": "j"}}
        """)!.AsObject();

    [Fact]
    public void ARegistrationAsTheScriptSendsIt_Fits()
    {
        Assert.Empty(SageMaker.RequestProblems("CreateModelPackage", Registration()));
        Assert.Empty(SageMaker.ReplyProblems("DescribeTrainingJob", SampleModels.TrainingJob("j", "Completed")));
        Assert.Empty(SageMaker.ReplyProblems("ListModelPackages", SampleModels.PackagePage("t", 1, 2)));
        Assert.Empty(SageMaker.ReplyProblems("DescribeModelPackageGroup", SampleModels.GroupDescription()));
    }

    [Fact]
    public void WhatTheCliDoesNotCheck_IsFound_EnumsPatternsAndMapKeys()
    {
        var request = Registration();
        request["ModelApprovalStatus"] = "Approve";
        request["ModelPackageGroupName"] = "training_models";
        request["CustomerMetadataProperties"]!["Training#Job"] = "j";

        var problems = SageMaker.RequestProblems("CreateModelPackage", request);

        Assert.Contains(problems, p => p.StartsWith("CreateModelPackage.ModelApprovalStatus: 'Approve' is none of", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("CreateModelPackage.ModelPackageGroupName: 'training_models' does not match", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("key Training#Job", StringComparison.Ordinal));
    }

    [Fact]
    public void AnAnswerWithoutARequiredMember_OrWithAnUnknownOne_OrOfTheWrongType_IsFound()
    {
        var described = SampleModels.TrainingJob("j", "Completed");
        described.Remove("StoppingCondition");
        described["Statuz"] = "x";
        described["CreationTime"] = true;

        var problems = SageMaker.ReplyProblems("DescribeTrainingJob", described);

        Assert.Contains("DescribeTrainingJob.StoppingCondition: required, missing", problems);
        Assert.Contains(problems, p => p.StartsWith("DescribeTrainingJob.Statuz: not a member", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("DescribeTrainingJob.CreationTime: true is not a timestamp", StringComparison.Ordinal));
        Assert.Contains(SageMaker.ReplyProblems("DeleteModelPackage", new JsonObject { ["x"] = 1 }), p => p.Contains("has no output shape", StringComparison.Ordinal));
    }
}

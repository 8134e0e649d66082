using TrainingInfra.Blueprint.SageMaker;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>What a user of a notebook with <c>notebookAccess: scoped</c> can and cannot do, asked of both of its inline policies.</summary>
public class ScopedNotebookAccessTests
{
    private const string Account = "111122223333";
    private const string Jobs = "arn:aws:sagemaker:us-east-1:111122223333:training-job/";
    private const string TrainingRole = "arn:aws:iam::111122223333:role/training-job-role-dev";
    private const string TrainingLogs = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/sagemaker/TrainingJobs";

    private static readonly SageMakerResources Resources = new(
        "arn:aws:s3:::training-datasets-dev-111122223333",
        "arn:aws:s3:::model-artifacts-dev-111122223333",
        "arn:aws:ecr:us-east-1:111122223333:repository/training-containers-dev");

    private static readonly string[] Policies =
    [
        SageMakerPolicies.Notebook(Resources, TrainingRole),
        NotebookSageMakerAccess.Scoped(
            Configs.Load(("notebookAccess", "scoped")), Account, TrainingJobLimits.For(Configs.Load().Training, ["subnet-1"], "sg-1", null)),
    ];

    private static Dictionary<string, string> StackTags(string prefix, string environment = "dev") => new()
    {
        [$"{prefix}/Project"] = "training-infra",
        [$"{prefix}/Environment"] = environment,
    };

    private static bool Can(string action, string resource, Dictionary<string, string>? context = null) =>
        PolicyEvaluator.IsAllowed(Policies, action, resource, context);

    [Fact]
    public void CanStartATrainingJob_AsTheTrainingRole()
    {
        var creation = StackTags("aws:RequestTag");
        creation["sagemaker:TaggingAction"] = "CreateTrainingJob";

        Assert.True(TrainingJobCall.IsAllowed(Policies, Jobs + "dev-resnet-1", Fragment()));
        Assert.True(Can("sagemaker:AddTags", Jobs + "dev-resnet-1", creation));
        Assert.True(Can("iam:PassRole", TrainingRole, new() { ["iam:PassedToService"] = "sagemaker.amazonaws.com" }));
    }

    [Theory]
    [InlineData("arn:aws:iam::111122223333:role/training-job-role-prod")]
    [InlineData("arn:aws:iam::111122223333:role/Admin")]
    [InlineData("arn:aws:iam::111122223333:role/training-notebook-role-dev")]
    public void CannotStartATrainingJob_AsAnyOtherRole(string role)
    {
        Assert.False(Can("iam:PassRole", role, new() { ["iam:PassedToService"] = "sagemaker.amazonaws.com" }));
    }

    [Fact]
    public void CannotHandTheTrainingRoleToAnotherService()
    {
        Assert.False(Can("iam:PassRole", TrainingRole, new() { ["iam:PassedToService"] = "ec2.amazonaws.com" }));
    }

    [Fact]
    public void CannotStartAJob_WithoutTheStacksTags_OrUnderAnotherStacksName()
    {
        Assert.False(TrainingJobCall.IsAllowed(Policies, Jobs + "dev-resnet-1", TrainingJobCall.Edit(Fragment(), r => r.Remove("Tags"))));
        Assert.False(TrainingJobCall.IsAllowed(Policies, Jobs + "dev-resnet-1", TrainingJobCall.Edit(Fragment(), r =>
            r["Tags"]![1]!["Value"] = "prod")));
        Assert.False(TrainingJobCall.IsAllowed(Policies, Jobs + "prod-resnet-1", Fragment()));
    }

    [Fact]
    public void CannotStartMlP4d24xlarge_OrAJobWithoutTheStacksVpc()
    {
        Assert.False(TrainingJobCall.IsAllowed(Policies, Jobs + "dev-resnet-1", TrainingJobCall.Edit(Fragment(), r =>
            r["ResourceConfig"]!["InstanceType"] = "ml.p4d.24xlarge")));
        Assert.False(TrainingJobCall.IsAllowed(Policies, Jobs + "dev-resnet-1", TrainingJobCall.Edit(Fragment(), r => r.Remove("VpcConfig"))));
    }

    private static string Fragment()
    {
        var settings = Configs.Load(("notebookAccess", "scoped"));
        return new TrainingJobRequest(settings.Training, TrainingRole, "sg-1", ["subnet-1"], "model-artifacts-dev-111122223333",
            "training-datasets-dev-111122223333", "111122223333.dkr.ecr.us-east-1.amazonaws.com/training-containers-dev", null)
        {
            Tags = NotebookSageMakerAccess.OwnershipTags(settings),
        }.ToJson();
    }

    [Theory]
    [InlineData("sagemaker:DeleteNotebookInstance")]
    [InlineData("sagemaker:UpdateNotebookInstance")]
    [InlineData("sagemaker:CreatePresignedNotebookInstanceUrl")]
    public void CannotDeleteOrChangeTheNotebook(string action)
    {
        Assert.False(Can(action, "arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/training-notebook-dev"));
    }

    [Fact]
    public void CanDescribeItsOwnNotebook_OnlyItsOwn()
    {
        Assert.True(Can("sagemaker:DescribeNotebookInstance", "arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/training-notebook-dev"));
        Assert.False(Can("sagemaker:DescribeNotebookInstance", "arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/training-notebook-prod"));
    }

    [Theory]
    [InlineData("s3:GetObject", "arn:aws:s3:::training-datasets-prod-111122223333/images/1.png")]
    [InlineData("s3:PutObject", "arn:aws:s3:::model-artifacts-prod-111122223333/output/model.tar.gz")]
    [InlineData("s3:DeleteObject", "arn:aws:s3:::model-artifacts-prod-111122223333/output/model.tar.gz")]
    [InlineData("s3:ListBucket", "arn:aws:s3:::training-datasets-prod-111122223333")]
    public void CannotTouchAnotherStacksBucket(string action, string resource)
    {
        Assert.False(Can(action, resource));
    }

    [Fact]
    public void CanReadAndWriteItsOwnBuckets()
    {
        Assert.True(Can("s3:GetObject", "arn:aws:s3:::training-datasets-dev-111122223333/images/1.png"));
        Assert.True(Can("s3:PutObject", "arn:aws:s3:::model-artifacts-dev-111122223333/output/model.tar.gz"));
    }

    [Fact]
    public void CanWatchAndStopItsJobs_NotAnotherStacks()
    {
        Assert.True(Can("sagemaker:DescribeTrainingJob", Jobs + "dev-resnet-1", StackTags("aws:ResourceTag")));
        Assert.True(Can("sagemaker:StopTrainingJob", Jobs + "dev-resnet-1", StackTags("aws:ResourceTag")));
        Assert.False(Can("sagemaker:StopTrainingJob", Jobs + "dev-resnet-1", StackTags("aws:ResourceTag", "dev-2")));
        Assert.False(Can("sagemaker:DescribeTrainingJob", Jobs + "prod-resnet-1", StackTags("aws:ResourceTag", "prod")));
    }

    [Fact]
    public void CannotRetagAnExistingJob()
    {
        Assert.False(Can("sagemaker:AddTags", Jobs + "dev-resnet-1", StackTags("aws:RequestTag")));
    }

    [Fact]
    public void CanListJobs_AndReadItsJobsLogsAndMetrics_NotAnotherStacksLogs()
    {
        Assert.True(Can("sagemaker:ListTrainingJobs", "*"));
        Assert.True(Can("logs:DescribeLogStreams", TrainingLogs));
        Assert.True(Can("logs:GetLogEvents", TrainingLogs + ":log-stream:dev-resnet-1/algo-1-1733000000"));
        Assert.False(Can("logs:GetLogEvents", TrainingLogs + ":log-stream:prod-resnet-1/algo-1-1733000000"));
        Assert.True(Can("cloudwatch:GetMetricData", "*"));
    }

    [Theory]
    [InlineData("sagemaker:CreateEndpoint")]
    [InlineData("sagemaker:CreateNotebookInstance")]
    [InlineData("sagemaker:CreateProcessingJob")]
    [InlineData("sagemaker:DeleteModel")]
    public void CannotUseTheRestOfSageMaker(string action)
    {
        Assert.False(Can(action, $"arn:aws:sagemaker:us-east-1:{Account}:endpoint/dev-x"));
    }

    [Fact]
    public void AJobStartedFromTheTrainingJobFragment_UnderTheStacksPrefix_IsAllowed()
    {
        var settings = Configs.Load(("notebookAccess", "scoped"));
        var fragment = new TrainingJobRequest(settings.Training, TrainingRole, "sg-1", ["subnet-1"], "model-artifacts-dev-111122223333",
            "training-datasets-dev-111122223333", "111122223333.dkr.ecr.us-east-1.amazonaws.com/training-containers-dev", null)
        {
            Tags = NotebookSageMakerAccess.OwnershipTags(settings),
        }.ToJson();
        var request = System.Text.Json.JsonDocument.Parse(fragment).RootElement;

        Assert.True(TrainingJobCall.IsAllowed(Policies, Jobs + settings.Names.TrainingJobPrefix + "resnet-1", fragment));
        Assert.True(Can("iam:PassRole", request.GetProperty("RoleArn").GetString()!, new() { ["iam:PassedToService"] = "sagemaker.amazonaws.com" }));
    }

    [Fact]
    public void OnStar_GrantsOnlyActionsWithoutAResourceType()
    {
        var onStar = PolicyStatement.Parse(Policies[1]).Where(s => s.Resources.Contains("*")).SelectMany(s => s.Actions);

        Assert.Equal(
            ["cloudwatch:GetMetricData", "cloudwatch:GetMetricStatistics", "cloudwatch:ListMetrics", "sagemaker:ListTrainingJobs"],
            onStar.Order(StringComparer.Ordinal));
    }
}

namespace TrainingInfra.Blueprint.Tests.Scripts.RealCli;

/// <summary>
/// scripts/smoke-test.sh, with the commands it runs, through AWS CLI v2.9 and v1 against the
/// loopback service: S3 (rest-xml), SageMaker (JSON, each body checked against botocore's shapes:
/// <see cref="SampleRegistry"/>), EC2 (its query dialect), Batch (rest-json) and
/// CloudWatch (query for v2.9; JSON 1.0 for v1, whose botocore prefers it since CloudWatch's model
/// lists "protocols": ["smithy-rpc-v2-cbor", "json", "query"]).
/// </summary>
public sealed class SmokeTestThroughRealCliTests
{
    private const string Script = "smoke-test.sh";

    /// <summary>A sandbox whose account answers every step of the smoke test as a healthy stack's does.</summary>
    internal static RealCliSandbox Sandbox(string cli)
    {
        var sandbox = new RealCliSandbox(cli);
        sandbox.Outputs(SampleStack.Outputs(SampleStack.DataKey));
        // Generous bounds: a CLI call takes seconds on a busy machine, and the answers end every wait anyway.
        sandbox.Environment["SMOKE_TEST_ALERT_WAIT_SECONDS"] = "120";
        sandbox.Aws.QuotasSuffice();
        sandbox.Aws.S3Accepts();
        sandbox.Aws.Ec2Describes("m5.xlarge", instanceStorage: false);
        sandbox.Aws.TrainingJobGoesThrough("Completed");
        sandbox.Aws.BatchKnowsTheStacksDefinition();
        // Batch does not list either job at the first look after SubmitJob (Netflix/metaflow#543).
        sandbox.Aws.BatchJobsGoThrough(["", "RUNNING", "SUCCEEDED"], ["", "FAILED"]);
        sandbox.Aws.CloudWatchReports(0, 1);
        sandbox.Aws.ModelGroupHolds();
        return sandbox;
    }

    /// <summary>The namespace, metric and rule of a GetMetricStatistics request, in either protocol.</summary>
    private static (string Namespace, string Metric, string Rule) MetricRead(AwsRequest read) => read.Protocol == AwsProtocol.Query
        ? (read.Form["Namespace"], read.Form["MetricName"], read.Form["Dimensions.member.1.Value"])
        : ((string)read.Json["Namespace"]!, (string)read.Json["MetricName"]!, (string)read.Json["Dimensions"]![0]!["Value"]!);

    internal static ScriptResult SmokeTest(RealCliSandbox sandbox) =>
        sandbox.Run(Script, "dev", "--outputs", sandbox.OutputsFile, "--timeout", "240");

    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    public void HealthyStack_PassesEveryStep_WithRequestsTheCliAndBotocoreAccept_AndWaitsForBatchToListItsJobs(string cli)
    {
        using var sandbox = Sandbox(cli);

        var result = SmokeTest(sandbox);

        sandbox.AssertSucceeded(result);
        var aws = sandbox.Aws;
        // The quota preflight, once: start-training-job.sh is told not to repeat it.
        Assert.Equal("sagemaker", (string?)Assert.Single(aws.RequestsOf("servicequotas", "ListServiceQuotas")).Json["ServiceCode"]);
        Assert.Equal("L-34B43A08", (string?)Assert.Single(aws.RequestsOf("servicequotas", "GetServiceQuota")).Json["QuotaCode"]);
        Assert.Contains("ok: EC2 All Standard (A, C, D, H, I, M, R, T, Z) Spot Instance Requests (L-34B43A08): 512 vCPUs (applied); needs 256", result.StdOut, StringComparison.Ordinal);
        var upload = Assert.Single(aws.RequestsOf("s3", "PutObject"));
        Assert.StartsWith($"/{SampleStack.Datasets}/smoke-test/", upload.Path, StringComparison.Ordinal);
        Assert.Equal(200, upload.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var training = Assert.Single(aws.RequestsOf("sagemaker", "CreateTrainingJob")).Json;
        var job = (string)training["TrainingJobName"]!;
        Assert.Equal((SampleStack.DataKey, SampleStack.DataKey), ((string?)training["ResourceConfig"]!["VolumeKmsKeyId"], (string?)training["OutputDataConfig"]!["KmsKeyId"]));
        Assert.Equal($"/{SampleStack.Models}/output/{job}/output/model.tar.gz", Assert.Single(aws.RequestsOf("s3", "HeadObject")).Path);
        var registered = Assert.Single(aws.RequestsOf("batch", "RegisterJobDefinition")).Json;
        Assert.Equal("container", (string?)registered["type"]);
        Assert.All(aws.RequestsOf("batch", "SubmitJob"), submit => Assert.Equal(
            (SampleStack.Queue, $"arn:aws:batch:us-east-1:111122223333:job-definition/{registered["jobDefinitionName"]}:1"),
            ((string?)submit.Json["jobQueue"], (string?)submit.Json["jobDefinition"])));
        var reads = aws.RequestsOf("monitoring", "GetMetricStatistics");
        Assert.Equal(cli == "v2" ? AwsProtocol.Query : AwsProtocol.Json, reads[^1].Protocol);
        Assert.Equal(("AWS/Events", "Invocations", SampleStack.BatchFailureRule), MetricRead(reads[^2]));
        Assert.Equal(("AWS/Events", "Invocations", SampleStack.Names.ModelApprovalRule), MetricRead(reads[^1]));
        // The model: registered from the job's artifact in the stack's group, approved, deleted at the end.
        var version = Assert.Single(aws.RequestsOf("sagemaker", "CreateModelPackage")).Json;
        Assert.Equal(SampleStack.Names.ModelPackageGroup, (string?)version["ModelPackageGroupName"]);
        Assert.Equal($"s3://{SampleStack.Models}/output/{job}/output/model.tar.gz", (string?)version["InferenceSpecification"]!["Containers"]![0]!["ModelDataUrl"]);
        Assert.Equal((training["AlgorithmSpecification"]!["TrainingImage"]!.GetValue<string>(), SampleModels.JobArn(job)),
            ((string)version["InferenceSpecification"]!["Containers"]![0]!["Image"]!, (string)version["MetadataProperties"]!["GeneratedBy"]!));
        var approval = Assert.Single(aws.RequestsOf("sagemaker", "UpdateModelPackage")).Json;
        Assert.Equal((SampleModels.PackageArn(1), "Approved"), ((string?)approval["ModelPackageArn"], (string?)approval["ModelApprovalStatus"]));
        Assert.Equal(SampleModels.PackageArn(1), (string?)Assert.Single(aws.RequestsOf("sagemaker", "DeleteModelPackage")).Json["ModelPackageName"]);
        Assert.DoesNotContain(aws.Exchanges, e => e.Reply.ErrorCode is not null);
        Assert.Single(aws.RequestsOf("batch", "DeregisterJobDefinition"));
        var removed = aws.RequestsOf("s3", "ListObjectsV2").Select(r => $"{r.Path.Trim('/')}/{r.Query["prefix"]}");
        Assert.Equal(
            new[] { $"{SampleStack.Datasets}/smoke-test/{job}/", $"{SampleStack.Models}/output/{job}/", $"{SampleStack.Models}/checkpoints/{job}/" }.Order(),
            removed.Order());
    }
}

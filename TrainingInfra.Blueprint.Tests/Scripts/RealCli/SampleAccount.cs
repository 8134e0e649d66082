using System.Text.Json.Nodes;

namespace TrainingInfra.Blueprint.Tests.Scripts.RealCli;

/// <summary>
/// What the sample stack's account (<see cref="SampleStack"/>) answers through the loopback service,
/// in each service's own shapes: the answers a test of a script scripts, one call each.
/// </summary>
internal static class SampleAccount
{
    /// <summary>EC2 describes an instance type, with or without instance storage.</summary>
    public static void Ec2Describes(this LoopbackAws aws, string type, bool instanceStorage) =>
        aws.Answer("ec2", "DescribeInstanceTypes", AwsReply.Xml($"""
            <DescribeInstanceTypesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
              <requestId>7c1e4b5a-0000-4000-8000-000000000001</requestId>
              <instanceTypeSet>
                <item><instanceType>{type}</instanceType><instanceStorageSupported>{(instanceStorage ? "true" : "false")}</instanceStorageSupported></item>
              </instanceTypeSet>
            </DescribeInstanceTypesResponse>
            """));

    /// <summary>
    /// SageMaker accepts a training job and then describes it with these statuses, one per look, as
    /// it was asked for: its role, image and limits (both checked against botocore, see <see cref="SampleRegistry"/>).
    /// </summary>
    public static void TrainingJobGoesThrough(this LoopbackAws aws, params string[] statuses)
    {
        JsonNode? created = null;
        aws.SageMakerAnswers("CreateTrainingJob", body =>
        {
            created = body.DeepClone();
            return AwsReply.Of(new JsonObject { ["TrainingJobArn"] = SampleModels.JobArn((string)body["TrainingJobName"]!) });
        });
        var looks = 0;
        aws.SageMakerAnswers("DescribeTrainingJob", body =>
        {
            var status = statuses[Math.Min(looks++, statuses.Length - 1)];
            var described = SampleModels.TrainingJob((string)body["TrainingJobName"]!, status, (string?)created?["RoleArn"] ?? SampleStack.TrainingRole);
            described["AlgorithmSpecification"] = created?["AlgorithmSpecification"]?.DeepClone() ?? described["AlgorithmSpecification"]!.DeepClone();
            described["StoppingCondition"] = created?["StoppingCondition"]?.DeepClone() ?? described["StoppingCondition"]!.DeepClone();
            return AwsReply.Of(described);
        });
    }

    /// <summary>
    /// Batch accepts every job and describes each by its id with these statuses, one per look; an
    /// empty status is a look at which Batch does not list the job yet (an empty "jobs").
    /// </summary>
    public static void BatchJobsGoThrough(this LoopbackAws aws, params string[][] statusesPerJob)
    {
        var submitted = 0;
        aws.Answer("batch", "SubmitJob", r => AwsReply.Of(new JsonObject
        {
            ["jobName"] = (string?)r.Json["jobName"],
            ["jobArn"] = $"arn:aws:batch:{SampleStack.Region}:{SampleStack.Account}:job/job-{submitted}",
            ["jobId"] = $"job-{submitted++}",
        }));
        var looks = new Dictionary<string, int>();
        aws.Answer("batch", "DescribeJobs", r =>
        {
            var id = (string)r.Json["jobs"]![0]!;
            var statuses = statusesPerJob[int.Parse(id["job-".Length..], System.Globalization.CultureInfo.InvariantCulture)];
            var look = looks[id] = looks.GetValueOrDefault(id) + 1;
            var status = statuses[Math.Min(look, statuses.Length) - 1];
            var jobs = new JsonArray();
            if (status.Length > 0)
            {
                jobs.Add(new JsonObject
                {
                    ["jobId"] = id,
                    ["jobName"] = "job",
                    ["jobQueue"] = SampleStack.Queue,
                    ["jobDefinition"] = SampleStack.JobDefinition,
                    ["status"] = status,
                    ["startedAt"] = 1796083200000,
                    ["statusReason"] = status == "FAILED" ? "Essential container in task exited" : null,
                    ["container"] = new JsonObject { ["exitCode"] = status == "FAILED" ? 3 : 0 },
                });
            }

            return AwsReply.Of(new JsonObject { ["jobs"] = jobs });
        });
    }

    /// <summary>Batch describes the stack's job definition and registers and deregisters copies of it.</summary>
    public static void BatchKnowsTheStacksDefinition(this LoopbackAws aws)
    {
        aws.Answer("batch", "DescribeJobDefinitions", AwsReply.Of(SampleStack.JobDefinitions));
        aws.Answer("batch", "RegisterJobDefinition", r => AwsReply.Of(new JsonObject
        {
            ["jobDefinitionName"] = (string?)r.Json["jobDefinitionName"],
            ["jobDefinitionArn"] = $"arn:aws:batch:{SampleStack.Region}:{SampleStack.Account}:job-definition/{r.Json["jobDefinitionName"]}:1",
            ["revision"] = 1,
        }));
        aws.Answer("batch", "DeregisterJobDefinition", AwsReply.Of("{}"));
    }

    /// <summary>S3 takes uploads, lists nothing under any prefix, and has every object HeadObject asks for.</summary>
    public static void S3Accepts(this LoopbackAws aws, long objectSize = 1843)
    {
        aws.Answer("s3", "PutObject", AwsReply.Empty().WithHeader("ETag", "\"9b2cf535f27731c974343645a3985328\""));
        aws.Answer("s3", "HeadObject", AwsReply.Empty()
            .WithHeader("Content-Length", objectSize.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithHeader("ETag", "\"9b2cf535f27731c974343645a3985328\"")
            .WithHeader("Last-Modified", "Tue, 01 Dec 2026 22:00:00 GMT"));
        aws.Answer("s3", "ListObjectsV2", r => AwsReply.Xml($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Name>{r.Path.Trim('/')}</Name><Prefix>{r.Query.GetValueOrDefault("prefix")}</Prefix>
              <KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>
            </ListBucketResult>
            """));
    }

    /// <summary>CloudWatch reports these sums of a metric, one answer per look (0 is no datapoint).</summary>
    public static void CloudWatchReports(this LoopbackAws aws, params double[] sums) =>
        aws.Answer("monitoring", "GetMetricStatistics", sums.Select(sum => AwsReply.Of(new JsonObject
        {
            ["Label"] = "Invocations",
            ["Datapoints"] = sum > 0
                ? new JsonArray(new JsonObject { ["Timestamp"] = "2026-12-01T22:00:00Z", ["Sum"] = sum, ["Unit"] = "Count" })
                : new JsonArray(),
        })).ToArray());
}

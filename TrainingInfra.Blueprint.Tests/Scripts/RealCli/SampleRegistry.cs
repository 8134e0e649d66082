using System.Text.Json.Nodes;

namespace TrainingInfra.Blueprint.Tests.Scripts.RealCli;

/// <summary>
/// SageMaker (JSON 1.1, X-Amz-Target SageMaker.&lt;Op&gt;) as the loopback service plays it for the
/// sample stack's training jobs and model registry. Every request body is checked against
/// botocore's input shape of its operation, and every answer against the output shape
/// (<see cref="BotocoreModel"/>): a request that does not fit is refused with the error
/// "StandInRefusedRequest" naming what does not fit; an answer that does not fit fails the exchange.
/// </summary>
internal static class SampleRegistry
{
    public const string RefusedRequest = "StandInRefusedRequest";

    private static BotocoreModel Model => BotocoreModel.Of("sagemaker", "2017-07-24");

    /// <summary>Answers a SageMaker operation with what the handler makes of the request body, both checked against botocore.</summary>
    public static void SageMakerAnswers(this LoopbackAws aws, string operation, Func<JsonNode, AwsReply> handler) =>
        aws.Answer("sagemaker", operation, request =>
        {
            var problems = Model.RequestProblems(operation, request.Json);
            if (problems.Count > 0)
            {
                return AwsReply.Error(RefusedRequest, $"{operation} does not fit botocore's model: {string.Join("; ", problems)}");
            }

            var reply = handler(request.Json);
            var answered = reply.ErrorCode is null ? Model.ReplyProblems(operation, reply.Data) : [];
            return answered.Count == 0
                ? reply
                : throw new InvalidOperationException($"the stand-in's {operation} answer does not fit botocore's model: {string.Join("; ", answered)}");
        });

    /// <summary>SageMaker describes the named training job as given.</summary>
    public static void TrainingJobIs(this LoopbackAws aws, JsonObject described) =>
        aws.SageMakerAnswers("DescribeTrainingJob", body => (string?)body["TrainingJobName"] == (string?)described["TrainingJobName"]
            ? AwsReply.Of(described.DeepClone())
            : AwsReply.Error("ResourceNotFound", $"Requested resource not found: {body["TrainingJobName"]}"));

    /// <summary>
    /// The stack's model package group holds these versions: it lists them two to a page, registers
    /// new ones after the highest, approves and deletes them. Another group does not exist.
    /// </summary>
    public static ModelGroup ModelGroupHolds(this LoopbackAws aws, params int[] versions)
    {
        var group = new ModelGroup(versions);
        aws.SageMakerAnswers("DescribeModelPackageGroup", body => Known(body["ModelPackageGroupName"])
            ? AwsReply.Of(SampleModels.GroupDescription())
            : NoSuchGroup(body["ModelPackageGroupName"]));
        aws.SageMakerAnswers("ListModelPackages", body =>
        {
            if (!Known(body["ModelPackageGroupName"]))
            {
                return NoSuchGroup(body["ModelPackageGroupName"]);
            }

            var all = group.Versions;
            var from = body["NextToken"] is { } token ? int.Parse(((string)token!)["after-".Length..], System.Globalization.CultureInfo.InvariantCulture) : 0;
            var page = all.Skip(from).Take(2).ToArray();
            return AwsReply.Of(SampleModels.PackagePage(from + 2 < all.Count ? $"after-{from + 2}" : null, page));
        });
        aws.SageMakerAnswers("CreateModelPackage", body => Known(body["ModelPackageGroupName"])
            ? AwsReply.Of(new JsonObject { ["ModelPackageArn"] = SampleModels.PackageArn(group.Register(body)) })
            : NoSuchGroup(body["ModelPackageGroupName"]));
        aws.SageMakerAnswers("UpdateModelPackage", body =>
        {
            group.Approvals.Add(((string)body["ModelPackageArn"]!, (string?)body["ModelApprovalStatus"]));
            return AwsReply.Of(new JsonObject { ["ModelPackageArn"] = (string?)body["ModelPackageArn"] });
        });
        aws.SageMakerAnswers("DeleteModelPackage", body => group.Delete((string)body["ModelPackageName"]!)
            ? AwsReply.Of(new JsonObject())
            : AwsReply.Error("ValidationException", $"ModelPackage {body["ModelPackageName"]} does not exist."));
        return group;
    }

    private static bool Known(JsonNode? group) =>
        (string?)group is { } name && (name == SampleStack.Names.ModelPackageGroup || name == SampleStack.ModelPackageGroupArn);

    // A group that does not exist: ValidationException, "... does not exist" (see empty-model-registry.sh).
    private static AwsReply NoSuchGroup(JsonNode? group) => AwsReply.Error("ValidationException", $"Model Package Group {group} does not exist.");

    /// <summary>What the stand-in's group holds, and what was done to it.</summary>
    internal sealed class ModelGroup(IEnumerable<int> versions)
    {
        private readonly Lock _lock = new();
        private readonly SortedSet<int> _versions = [.. versions];

        public List<JsonNode> Registered { get; } = [];

        public List<(string Arn, string? Status)> Approvals { get; } = [];

        public List<string> Deleted { get; } = [];

        public List<int> Versions
        {
            get
            {
                lock (_lock)
                {
                    return [.. _versions];
                }
            }
        }

        public int Register(JsonNode request)
        {
            lock (_lock)
            {
                var version = _versions.Count == 0 ? 1 : _versions.Max + 1;
                _versions.Add(version);
                Registered.Add(request.DeepClone());
                return version;
            }
        }

        public bool Delete(string arn)
        {
            lock (_lock)
            {
                var version = Enumerable.Range(1, _versions.Count == 0 ? 0 : _versions.Max).FirstOrDefault(v => SampleModels.PackageArn(v) == arn);
                Deleted.Add(arn);
                return version > 0 && _versions.Remove(version);
            }
        }
    }
}

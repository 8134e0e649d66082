using System.Collections.Immutable;
using Moq;
using Pulumi.Testing;

namespace TrainingInfra.Tests.Support;

/// <summary>
/// A stand-in for AWS built with Moq: every resource gets an id and its inputs back as state, plus
/// the outputs AWS would compute that the program reads (ARNs, URLs, the awsx VPC's subnet ids).
/// Every registration is recorded so that tests can inspect what the program asked for.
/// </summary>
internal sealed class CloudMocks
{
    public const string AccountId = "111122223333";
    public const string Region = "us-east-1";

    public static readonly ImmutableArray<string> PublicSubnets = ["subnet-public-a", "subnet-public-b"];
    public static readonly ImmutableArray<string> IsolatedSubnets = ["subnet-isolated-a", "subnet-isolated-b"];

    private readonly List<MockResourceArgs> _registered = [];
    private readonly IReadOnlyDictionary<string, ImmutableDictionary<string, object>> _stacks;

    /// <param name="stacks">
    /// Other stacks of the backend, by fully qualified name, with their outputs: what a
    /// <c>StackReference</c> to them reads. A reference to any other stack fails, as Pulumi's does.
    /// </param>
    public CloudMocks(IReadOnlyDictionary<string, ImmutableDictionary<string, object>>? stacks = null)
    {
        _stacks = stacks ?? ImmutableDictionary<string, ImmutableDictionary<string, object>>.Empty;
        Mock.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync((MockResourceArgs args) =>
            {
                lock (_registered)
                {
                    _registered.Add(args);
                }

                return (args.Id is { Length: > 0 } read ? read : $"{args.Name}_id", (object)State(args));
            });
        Mock.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>()))
            .ReturnsAsync((MockCallArgs args) => args.Token switch
            {
                "aws:index/getCallerIdentity:getCallerIdentity" => ImmutableDictionary<string, object>.Empty
                    .Add("accountId", AccountId).Add("arn", $"arn:aws:iam::{AccountId}:user/test").Add("userId", "test").Add("id", AccountId),
                _ => throw new InvalidOperationException($"unexpected invoke {args.Token}"),
            });
        // A strict mock intercepts IMocks' default method too: every component's RegisterOutputs
        // reaches it, and without a setup it fails the whole run.
        Mock.Setup(m => m.RegisterResourceOutputs(It.IsAny<MockRegisterResourceOutputsRequest>()))
            .Returns(Task.CompletedTask);
    }

    public Mock<IMocks> Mock { get; } = new(MockBehavior.Strict);

    public IReadOnlyList<MockResourceArgs> Registered
    {
        get
        {
            lock (_registered)
            {
                return _registered.ToList();
            }
        }
    }

    private ImmutableDictionary<string, object> State(MockResourceArgs args)
    {
        var state = args.Inputs;
        var name = args.Name!;
        switch (args.Type)
        {
            case "awsx:ec2:Vpc":
                state = state
                    .Add("vpcId", "vpc-training")
                    .Add("publicSubnetIds", PublicSubnets)
                    .Add("isolatedSubnetIds", IsolatedSubnets)
                    .Add("privateSubnetIds", ImmutableArray<string>.Empty);
                break;
            case "aws:s3/bucket:Bucket":
                state = state.SetItem("arn", $"arn:aws:s3:::{args.Inputs["bucket"]}");
                break;
            case "aws:ecr/repository:Repository":
                state = state
                    .SetItem("arn", $"arn:aws:ecr:{Region}:{AccountId}:repository/{args.Inputs["name"]}")
                    .SetItem("repositoryUrl", $"{AccountId}.dkr.ecr.{Region}.amazonaws.com/{args.Inputs["name"]}");
                break;
            case "aws:iam/role:Role":
                state = state.SetItem("name", state.GetValueOrDefault("name") ?? name);
                state = state.SetItem("arn", $"arn:aws:iam::{AccountId}:role/{state["name"]}");
                break;
            case "aws:iam/instanceProfile:InstanceProfile":
                state = state.SetItem("name", state.GetValueOrDefault("name") ?? name);
                state = state.SetItem("arn", $"arn:aws:iam::{AccountId}:instance-profile/{state["name"]}");
                break;
            case "aws:batch/computeEnvironment:ComputeEnvironment":
                state = state.SetItem("arn", $"arn:aws:batch:{Region}:{AccountId}:compute-environment/{state.GetValueOrDefault("name") ?? name}");
                break;
            case "aws:batch/jobQueue:JobQueue":
                state = state.SetItem("arn", $"arn:aws:batch:{Region}:{AccountId}:job-queue/{state.GetValueOrDefault("name") ?? name}");
                break;
            case "aws:batch/jobDefinition:JobDefinition":
                state = state
                    .SetItem("arn", $"arn:aws:batch:{Region}:{AccountId}:job-definition/{state.GetValueOrDefault("name") ?? name}:1")
                    .SetItem("arnPrefix", $"arn:aws:batch:{Region}:{AccountId}:job-definition/{state.GetValueOrDefault("name") ?? name}")
                    .SetItem("revision", 1);
                break;
            case "aws:ec2/launchTemplate:LaunchTemplate":
                state = state.SetItem("latestVersion", 1).SetItem("defaultVersion", 1);
                break;
            case "aws:sns/topic:Topic":
                state = state.SetItem("arn", $"arn:aws:sns:{Region}:{AccountId}:{state.GetValueOrDefault("name") ?? name}");
                break;
            case "aws:kms/key:Key":
                state = state
                    .SetItem("keyId", $"{name}-key-id")
                    .SetItem("arn", $"arn:aws:kms:{Region}:{AccountId}:key/{name}-key-id");
                break;
            case "aws:cloudwatch/logGroup:LogGroup":
                state = state.SetItem("arn", $"arn:aws:logs:{Region}:{AccountId}:log-group:{state.GetValueOrDefault("name") ?? name}");
                break;
            case "aws:cloudwatch/metricAlarm:MetricAlarm":
                state = state.SetItem("arn", $"arn:aws:cloudwatch:{Region}:{AccountId}:alarm:{state.GetValueOrDefault("name") ?? name}");
                break;
            case "aws:cloudwatch/eventRule:EventRule":
                state = state.SetItem("arn", $"arn:aws:events:{Region}:{AccountId}:rule/{state.GetValueOrDefault("name") ?? name}");
                break;
            case "pulumi:pulumi:StackReference":
                var outputs = _stacks.GetValueOrDefault(args.Id!)
                    ?? throw new InvalidOperationException($"unknown stack '{args.Id}': the backend has {string.Join(", ", _stacks.Keys)}");
                state = state.SetItem("outputs", outputs).SetItem("secretOutputNames", ImmutableArray<string>.Empty);
                break;
            case "aws:sagemaker/notebookInstance:NotebookInstance":
                state = state.SetItem("arn", $"arn:aws:sagemaker:{Region}:{AccountId}:notebook-instance/{state.GetValueOrDefault("name") ?? name}");
                break;
        }

        // Whatever AWS names or ARNs that the cases above do not model: a stable, recognisable stand-in.
        if (!state.ContainsKey("arn"))
        {
            state = state.Add("arn", $"arn:aws:mock:{Region}:{AccountId}:{args.Type}/{name}");
        }

        if (!state.ContainsKey("name"))
        {
            state = state.Add("name", name);
        }

        return state;
    }
}

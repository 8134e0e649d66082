using System.Collections.Immutable;
using Moq;
using Pulumi.Testing;

namespace TrainingInfra.Mocks;

/// <summary>
/// A stand-in for AWS built with Moq: every resource gets an id and its inputs back as state, plus
/// the outputs AWS would compute that the program reads (ARNs, URLs, the awsx VPC's subnet ids).
/// Every registration is recorded so that tests can inspect what the program asked for.
/// A second stand-in account (<see cref="OtherAccount"/>) gives every value AWS would compute a
/// different value: what differs between the two runs of a stack is known only after deployment.
/// </summary>
public sealed class CloudMocks
{
    /// <summary>The stand-in account id.</summary>
    public const string AccountId = "111122223333";

    /// <summary>The region of the stand-in ARNs.</summary>
    public const string Region = "us-east-1";

    /// <summary>What the stand-in VPC's public subnets are called, in a two-zone VPC.</summary>
    public static readonly ImmutableArray<string> PublicSubnets = ["subnet-public-a", "subnet-public-b"];

    /// <summary>What the stand-in VPC's isolated subnets are called, in a two-zone VPC.</summary>
    public static readonly ImmutableArray<string> IsolatedSubnets = ["subnet-isolated-a", "subnet-isolated-b"];

    /// <summary>The second stand-in account: other account id, other resource ids.</summary>
    public const string OtherAccount = "444455556666";

    /// <summary>The zones of the stand-in region, as <c>getAvailabilityZones</c> lists them.</summary>
    public static readonly ImmutableArray<string> Zones = ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"];

    private readonly List<MockResourceArgs> _registered = [];
    private readonly Dictionary<(string Type, string Name), ImmutableDictionary<string, object>> _states = [];
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _endpointServiceZones;
    private readonly IReadOnlyDictionary<string, ImmutableDictionary<string, object>> _stacks;
    private readonly string _accountId;
    private readonly string _idSuffix;

    /// <param name="stacks">
    /// Other stacks of the backend, by fully qualified name, with their outputs: what a
    /// <c>StackReference</c> to them reads. A reference to any other stack fails, as Pulumi's does.
    /// </param>
    /// <param name="accountId">The stand-in account: <see cref="AccountId"/>, or <see cref="OtherAccount"/> for the second run.</param>
    /// <param name="endpointServiceZones">
    /// The zones that offer an interface endpoint service, by its short name (logs, sts, ...); a
    /// service not listed is offered in every zone of <see cref="Zones"/>.
    /// </param>
    public CloudMocks(
        IReadOnlyDictionary<string, ImmutableDictionary<string, object>>? stacks = null,
        string accountId = AccountId,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? endpointServiceZones = null)
    {
        _stacks = stacks ?? ImmutableDictionary<string, ImmutableDictionary<string, object>>.Empty;
        _endpointServiceZones = endpointServiceZones ?? new Dictionary<string, IReadOnlyList<string>>();
        _accountId = accountId;
        // Ids in the first account are "<logical name>_id", which the guardrail scan relies on.
        _idSuffix = accountId == AccountId ? "" : "-" + accountId;
        Mock.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync((MockResourceArgs args) =>
            {
                var state = State(args);
                lock (_registered)
                {
                    _registered.Add(args);
                    _states[(args.Type!, args.Name!)] = state;
                }

                return (args.Id is { Length: > 0 } read ? read : $"{args.Name}_id{_idSuffix}", (object)state);
            });
        Mock.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>()))
            .ReturnsAsync((MockCallArgs args) => args.Token switch
            {
                "aws:index/getCallerIdentity:getCallerIdentity" => ImmutableDictionary<string, object>.Empty
                    .Add("accountId", _accountId).Add("arn", $"arn:aws:iam::{_accountId}:user/test").Add("userId", "test").Add("id", _accountId),
                "aws:index/getAvailabilityZones:getAvailabilityZones" => ImmutableDictionary<string, object>.Empty
                    .Add("names", Zones).Add("zoneIds", Zones.Select((_, i) => $"use1-az{i + 1}").ToImmutableArray())
                    .Add("groupNames", ImmutableArray.Create(Region)).Add("id", Region).Add("region", Region),
                "aws:ec2/getVpcEndpointService:getVpcEndpointService" => EndpointService(args),
                _ => throw new InvalidOperationException($"unexpected invoke {args.Token}"),
            });
        // A strict mock intercepts IMocks' default method too: every component's RegisterOutputs
        // reaches it, and without a setup it fails the whole run.
        Mock.Setup(m => m.RegisterResourceOutputs(It.IsAny<MockRegisterResourceOutputsRequest>()))
            .Returns(Task.CompletedTask);
    }

    /// <summary>What the stand-in returned for each resource, by type and logical name: its inputs and computed outputs.</summary>
    public IReadOnlyDictionary<(string Type, string Name), ImmutableDictionary<string, object>> States
    {
        get
        {
            lock (_registered)
            {
                return new Dictionary<(string Type, string Name), ImmutableDictionary<string, object>>(_states);
            }
        }
    }

    /// <summary>The Moq mock that Pulumi's test runner calls.</summary>
    public Mock<IMocks> Mock { get; } = new(MockBehavior.Strict);

    /// <summary>Every registration so far, in order.</summary>
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

    /// <summary>One subnet of a kind per zone the VPC asks for, as awsx creates them: subnet-public-a, subnet-public-b, ...</summary>
    private ImmutableArray<string> Subnets(string kind, MockResourceArgs vpc)
    {
        var zones = vpc.Inputs.TryGetValue("numberOfAvailabilityZones", out var n) && n is double d ? (int)d : 3;
        return Enumerable.Range(0, zones).Select(i => $"subnet-{kind}-{(char)('a' + i)}{_idSuffix}").ToImmutableArray();
    }

    private ImmutableDictionary<string, object> EndpointService(MockCallArgs args)
    {
        var serviceName = args.Args.GetValueOrDefault("serviceName") as string ?? "";
        var zones = _endpointServiceZones.FirstOrDefault(e => serviceName.EndsWith("." + e.Key, StringComparison.Ordinal)).Value ?? Zones;
        return ImmutableDictionary<string, object>.Empty
            .Add("availabilityZones", zones.ToImmutableArray()).Add("serviceName", serviceName)
            .Add("serviceType", args.Args.GetValueOrDefault("serviceType") ?? "Interface").Add("id", serviceName)
            .Add("owner", "amazon").Add("privateDnsName", "").Add("acceptanceRequired", false)
            .Add("managesVpcEndpoints", false).Add("vpcEndpointPolicySupported", true);
    }

    private ImmutableDictionary<string, object> State(MockResourceArgs args)
    {
        var state = args.Inputs;
        var name = args.Name!;
        // The physical name AWS would use: the one asked for, a prefix with a unique tail, or the logical name.
        var physical = state.GetValueOrDefault("name") as string
            ?? (state.GetValueOrDefault("namePrefix") is string prefix ? prefix + UniqueTail.Of(state) : name);
        if (!state.ContainsKey("name") && state.ContainsKey("namePrefix"))
        {
            state = state.Add("name", physical);
        }
        string Arn(string service, string resource) => $"arn:aws:{service}:{Region}:{_accountId}:{resource}";
        switch (args.Type)
        {
            case "awsx:ec2:Vpc":
                state = state
                    .Add("vpcId", "vpc-training" + _idSuffix)
                    .Add("publicSubnetIds", Subnets("public", args))
                    .Add("isolatedSubnetIds", Subnets("isolated", args))
                    .Add("privateSubnetIds", ImmutableArray<string>.Empty);
                break;
            case "aws:s3/bucket:Bucket":
                state = state.SetItem("arn", $"arn:aws:s3:::{args.Inputs["bucket"]}");
                break;
            case "aws:ecr/repository:Repository":
                state = state
                    .SetItem("arn", Arn("ecr", $"repository/{args.Inputs["name"]}"))
                    .SetItem("repositoryUrl", $"{_accountId}.dkr.ecr.{Region}.amazonaws.com/{args.Inputs["name"]}");
                break;
            case "aws:iam/role:Role":
                state = state.SetItem("name", state.GetValueOrDefault("name") ?? name);
                state = state.SetItem("arn", $"arn:aws:iam::{_accountId}:role/{state["name"]}");
                break;
            case "aws:iam/policy:Policy":
                state = state.SetItem("arn", $"arn:aws:iam::{_accountId}:policy/{physical}");
                break;
            case "aws:iam/instanceProfile:InstanceProfile":
                state = state.SetItem("name", state.GetValueOrDefault("name") ?? name);
                state = state.SetItem("arn", $"arn:aws:iam::{_accountId}:instance-profile/{state["name"]}");
                break;
            case "aws:batch/computeEnvironment:ComputeEnvironment":
                state = state.SetItem("arn", Arn("batch", $"compute-environment/{physical}"));
                break;
            case "aws:batch/jobQueue:JobQueue":
                state = state.SetItem("arn", Arn("batch", $"job-queue/{physical}"));
                break;
            case "aws:batch/jobDefinition:JobDefinition":
                state = state
                    .SetItem("arn", Arn("batch", $"job-definition/{physical}:1"))
                    .SetItem("arnPrefix", Arn("batch", $"job-definition/{physical}"))
                    .SetItem("revision", 1);
                break;
            case "aws:ec2/launchTemplate:LaunchTemplate":
                state = state.SetItem("latestVersion", 1).SetItem("defaultVersion", 1);
                break;
            case "aws:sns/topic:Topic":
                state = state.SetItem("arn", Arn("sns", physical));
                break;
            case "aws:kms/key:Key":
                state = state
                    .SetItem("keyId", $"{name}-key-id{_idSuffix}")
                    .SetItem("arn", Arn("kms", $"key/{name}-key-id{_idSuffix}"));
                break;
            case "aws:cloudwatch/logGroup:LogGroup":
                state = state.SetItem("arn", Arn("logs", $"log-group:{physical}"));
                break;
            case "aws:cloudwatch/metricAlarm:MetricAlarm":
                state = state.SetItem("arn", Arn("cloudwatch", $"alarm:{physical}"));
                break;
            case "aws:cloudwatch/eventRule:EventRule":
                state = state.SetItem("arn", Arn("events", $"rule/{physical}"));
                break;
            case "pulumi:pulumi:StackReference":
                var outputs = _stacks.GetValueOrDefault(args.Id!)
                    ?? throw new InvalidOperationException($"unknown stack '{args.Id}': the backend has {string.Join(", ", _stacks.Keys)}");
                state = state.SetItem("outputs", outputs).SetItem("secretOutputNames", ImmutableArray<string>.Empty);
                break;
            case "aws:sagemaker/notebookInstance:NotebookInstance":
                state = state.SetItem("arn", Arn("sagemaker", $"notebook-instance/{physical}"));
                break;
            case "aws:sagemaker/mlflowApp:MlflowApp":
                // An app's ARN carries an id SageMaker gives it, not its name (CreateMlflowApp).
                var appId = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(_accountId + physical)))[..12];
                state = state.SetItem("arn", Arn("sagemaker", $"mlflow-app/app-{appId}"));
                break;
            case "aws:sagemaker/modelPackageGroup:ModelPackageGroup":
                state = state.SetItem("arn", Arn("sagemaker", $"model-package-group/{args.Inputs["modelPackageGroupName"]}"));
                break;
            case "aws:codeartifact/domain:Domain":
                state = state.SetItem("arn", Arn("codeartifact", $"domain/{args.Inputs["domain"]}")).SetItem("owner", _accountId);
                break;
            case "aws:codeartifact/repository:Repository":
                state = state.SetItem("arn", Arn("codeartifact", $"repository/{args.Inputs["domain"]}/{args.Inputs["repository"]}"));
                break;
        }

        // Whatever AWS names or ARNs that the cases above do not model: a stable, recognisable stand-in.
        if (!state.ContainsKey("arn"))
        {
            state = state.Add("arn", Arn("mock", $"{args.Type}/{name}"));
        }

        if (!state.ContainsKey("name"))
        {
            state = state.Add("name", name);
        }

        return state;
    }
}

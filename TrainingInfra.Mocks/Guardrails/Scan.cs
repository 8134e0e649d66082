using System.Text.Json;
using Pulumi.Testing;

namespace TrainingInfra.Mocks.Guardrails;

/// <summary>Reading a mock run the way the rules need it.</summary>
public static class Scan
{
    public const string Bucket = "aws:s3/bucket:Bucket";
    public const string Repository = "aws:ecr/repository:Repository";
    public const string Notebook = "aws:sagemaker/notebookInstance:NotebookInstance";
    public const string Role = "aws:iam/role:Role";
    public const string RolePolicy = "aws:iam/rolePolicy:RolePolicy";
    public const string RolePolicyAttachment = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    public const string ManagedPolicy = "aws:iam/policy:Policy";
    public const string LogGroup = "aws:cloudwatch/logGroup:LogGroup";
    public const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    public const string IngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    public const string EgressRule = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    public const string VpcEndpoint = "aws:ec2/vpcEndpoint:VpcEndpoint";
    public const string FlowLog = "aws:ec2/flowLog:FlowLog";
    public const string Topic = "aws:sns/topic:Topic";
    public const string TopicPolicy = "aws:sns/topicPolicy:TopicPolicy";
    public const string Key = "aws:kms/key:Key";
    public const string LaunchTemplate = "aws:ec2/launchTemplate:LaunchTemplate";
    public const string JobDefinition = "aws:batch/jobDefinition:JobDefinition";
    public const string AwsxVpc = "awsx:ec2:Vpc";
    public const string PlainVpc = "aws:ec2/vpc:Vpc";
    public const string Subnet = "aws:ec2/subnet:Subnet";
    public const string DefaultSecurityGroup = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
    public const string BucketLogging = "aws:s3/bucketLogging:BucketLogging";
    public const string BucketReplication = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";

    /// <summary>The stack's VPCs, whichever way they are built: awsx's component (public mode) or a plain VPC (private mode).</summary>
    public static IReadOnlyList<MockResourceArgs> Vpcs(StackRun run) => run.OfType(AwsxVpc).Concat(run.OfType(PlainVpc)).ToList();

    public static string Describe(MockResourceArgs resource) => $"{resource.Type!.Split(':')[^1]} {resource.Name}";

    public static Finding Finding(string ruleId, MockResourceArgs resource, string problem) => new(ruleId, Describe(resource), problem);

    /// <summary>The configuration resource of a bucket (public-access block, versioning, ...), or null.</summary>
    public static MockResourceArgs? ForBucket(StackRun run, string type, MockResourceArgs bucket) =>
        run.OfType(type).SingleOrDefault(r => r.Text("bucket") == $"{bucket.Name}_id");

    /// <summary>Buckets that hold data: every bucket but those that receive access logs.</summary>
    public static IReadOnlyList<MockResourceArgs> DataBuckets(StackRun run)
    {
        var logTargets = run.OfType(BucketLogging).Select(l => l.Text("targetBucket")).ToHashSet(StringComparer.Ordinal);
        return run.OfType(Bucket).Where(b => !logTargets.Contains($"{b.Name}_id")).ToList();
    }

    /// <summary>Data buckets that users write to: every data bucket but the replicas that replication writes to.</summary>
    public static IReadOnlyList<MockResourceArgs> SourceBuckets(StackRun run)
    {
        var replicas = run.OfType(BucketReplication)
            .SelectMany(c => c.List("rules").Select(r => r.AsMap()))
            .Select(r => r.TryGetValue("destination", out var d) ? d.AsMap().GetValueOrDefault("bucket") as string : null)
            .ToHashSet(StringComparer.Ordinal);
        return DataBuckets(run).Where(b => !replicas.Contains($"arn:aws:s3:::{b.Text("bucket")}")).ToList();
    }

    /// <summary>Every identity policy: the roles' inline policies and the stack's own managed policies.</summary>
    public static IReadOnlyList<MockResourceArgs> IdentityPolicies(StackRun run) => run.OfType(RolePolicy).Concat(run.OfType(ManagedPolicy)).ToList();

    /// <summary>Every statement of every identity policy.</summary>
    public static IEnumerable<PolicyStatement> IdentityStatements(StackRun run) =>
        IdentityPolicies(run).SelectMany(p => PolicyStatement.Parse(Describe(p), p.Text("policy")!));

    /// <summary>Every statement of every trust policy.</summary>
    public static IEnumerable<PolicyStatement> TrustStatements(StackRun run) =>
        run.OfType(Role).SelectMany(r => PolicyStatement.Parse(Describe(r), r.Text("assumeRolePolicy")!));

    /// <summary>Every statement of every resource policy: buckets, topics, keys.</summary>
    public static IEnumerable<PolicyStatement> ResourcePolicyStatements(StackRun run) =>
        run.OfType("aws:s3/bucketPolicy:BucketPolicy").Concat(run.OfType(TopicPolicy)).Concat(run.OfType(Key))
            .Where(r => r.Text("policy") is not null)
            .SelectMany(r => PolicyStatement.Parse(Describe(r), r.Text("policy")!));

    public static bool ConditionHas(PolicyStatement statement, string key) =>
        statement.Condition is { } condition
        && condition.EnumerateObject().Any(op => op.Value.ValueKind == JsonValueKind.Object
            && op.Value.EnumerateObject().Any(k => string.Equals(k.Name, key, StringComparison.OrdinalIgnoreCase)));
}

using System.Text.Json;
using Pulumi.Testing;
using static TrainingInfra.Mocks.Guardrails.Scan;

namespace TrainingInfra.Mocks.Guardrails;

/// <summary>
/// The rules every stack is held to, drawn from Checkov (CKV_*) and AWS Security Hub controls,
/// plus the platform's own (TI.*). Waivers live in <see cref="Waivers"/>, nowhere else.
/// </summary>
public static class GuardrailCatalog
{
    private static readonly Func<Blueprint.Config.PlatformSettings, bool> Always = _ => true;

    public static IReadOnlyList<GuardrailRule> Rules { get; } =
    [
        // S3
        BucketRule("CKV_AWS_53", "S3 buckets block public ACLs", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", c => c.Flag("blockPublicAcls") == true),
        BucketRule("CKV_AWS_54", "S3 buckets block public policies", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", c => c.Flag("blockPublicPolicy") == true),
        BucketRule("CKV_AWS_55", "S3 buckets ignore public ACLs", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", c => c.Flag("ignorePublicAcls") == true),
        BucketRule("CKV_AWS_56", "S3 buckets restrict public buckets", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", c => c.Flag("restrictPublicBuckets") == true),
        BucketRule("CKV_AWS_21", "S3 buckets are versioned", "aws:s3/bucketVersioning:BucketVersioning",
            c => (string?)c.Map("versioningConfiguration").GetValueOrDefault("status") == "Enabled"),
        BucketRule("CKV_AWS_19", "S3 buckets are encrypted at rest", "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            c => c.List("rules").Any(r => r.AsMap().ContainsKey("applyServerSideEncryptionByDefault"))),
        BucketRule("CKV_AWS_145", "S3 buckets are encrypted with a KMS key by default", "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            c => c.List("rules").Any(r => r.AsMap().TryGetValue("applyServerSideEncryptionByDefault", out var d) && (string)d.AsMap()["sseAlgorithm"] == "aws:kms")),
        BucketRule("S3.5", "S3 buckets deny requests that do not use TLS", "aws:s3/bucketPolicy:BucketPolicy",
            c => PolicyStatement.Parse("policy", c.Text("policy")!).Any(s => s.Effect == "Deny"
                && s.PrincipalValues().Contains("*") && s.Actions.Contains("s3:*")
                && s.Condition is { } cond && cond.TryGetProperty("Bool", out var b) && b.TryGetProperty("aws:SecureTransport", out var t) && t.GetString() == "false")),
        BucketRule("CKV_AWS_300", "S3 lifecycle aborts incomplete multipart uploads", "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
            c => c.List("rules").Select(r => r.AsMap()).Any(r => (string)r["status"] == "Enabled" && r.ContainsKey("abortIncompleteMultipartUpload"))),
        BucketRule("CKV2_AWS_61", "S3 buckets have a lifecycle configuration", "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
            c => c.List("rules").Count > 0),
        BucketRule("S3.12", "S3 buckets do not use ACLs (BucketOwnerEnforced)", "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
            c => (string?)c.Map("rule").GetValueOrDefault("objectOwnership") == "BucketOwnerEnforced"),
        new("CKV_AWS_70", "No bucket, topic or key policy allows an action to any principal", Always,
            run => run.OfType("aws:s3/bucketPolicy:BucketPolicy").Concat(run.OfType(TopicPolicy)).Concat(run.OfType(Key)).ToList(),
            run => ResourcePolicyStatements(run)
                .Where(s => s.Effect == "Allow" && s.PrincipalValues().Any(p => p == "*"))
                .Select(s => new Finding("CKV_AWS_70", s.Source, "allows an action to any principal"))),

        new("CKV_AWS_18", "In protected stacks, every data bucket writes S3 server access logs", s => s.Protected, DataBuckets,
            run => DataBuckets(run)
                .Where(b => !run.OfType(BucketLogging).Any(l => l.Text("bucket") == $"{b.Name}_id" && l.Text("targetBucket") is { Length: > 0 }))
                .Select(b => Finding("CKV_AWS_18", b, "has no server access logging"))),
        new("CKV_AWS_144", "With replicaRegion set, every bucket users write to replicates to the replica region", s => s.Storage.ReplicaRegion is not null,
            SourceBuckets,
            run => SourceBuckets(run).SelectMany(b => ReplicationProblems(run, b).Select(problem => Finding("CKV_AWS_144", b, problem)))),

        // ECR
        ResourceRule("CKV_AWS_163", "ECR repositories scan images on push", Repository,
            r => r.Map("imageScanningConfiguration").GetValueOrDefault("scanOnPush") as bool? == true ? null : "scan on push is off"),
        new("ECR.3", "ECR repositories have a lifecycle policy", Always, run => run.OfType(Repository),
            run => run.OfType(Repository)
                .Where(repo => !run.OfType("aws:ecr/lifecyclePolicy:LifecyclePolicy").Any(p => p.Text("repository") == repo.Text("name")))
                .Select(repo => Finding("ECR.3", repo, "has no lifecycle policy"))),
        ResourceRule("CKV_AWS_51", "ECR image tags are immutable", Repository,
            r => r.Text("imageTagMutability") == "IMMUTABLE" ? null : "tags are mutable"),
        ResourceRule("CKV_AWS_136", "ECR repositories are encrypted with KMS", Repository,
            r => r.List("encryptionConfigurations").Any(e => (string?)e.AsMap().GetValueOrDefault("encryptionType") == "KMS") ? null : "encrypted with AES256, not KMS"),

        // SageMaker notebook (only in stacks that have one)
        NotebookRule("CKV_AWS_371", "Notebooks allow IMDSv2 only",
            r => (string?)r.Map("instanceMetadataServiceConfiguration").GetValueOrDefault("minimumInstanceMetadataServiceVersion") == "2" ? null : "IMDSv1 allowed"),
        NotebookRule("SageMaker.2", "Notebooks run in the platform's VPC",
            r => r.Text("subnetId") is { Length: > 0 } && r.List("securityGroups").Count > 0 ? null : "not placed in a subnet with a security group"),
        NotebookRule("CKV_AWS_122", "Notebooks have no direct internet access",
            r => r.Text("directInternetAccess") == "Disabled" ? null : "direct internet access is enabled"),
        NotebookRule("CKV_AWS_307", "Notebook users have no root access",
            r => r.Text("rootAccess") == "Disabled" ? null : "root access is enabled"),
        NotebookRule("CKV_AWS_22", "Notebooks are encrypted with a customer-managed KMS key",
            r => r.Text("kmsKeyId") is { Length: > 0 } ? null : "no KMS key"),

        // IAM
        new("CKV_AWS_63", "No IAM policy allows the action \"*\"", Always, IdentityPolicies,
            run => IdentityStatements(run).Where(s => s.Effect == "Allow" && s.Actions.Contains("*"))
                .Select(s => new Finding("CKV_AWS_63", s.Source, "allows \"*\""))),
        new("IAM.21", "No IAM policy allows a whole service (service:*), and no role carries an unreviewed AWS managed policy", Always,
            run => IdentityPolicies(run).Concat(run.OfType(RolePolicyAttachment)).ToList(),
            run => IdentityStatements(run).Where(s => s.Effect == "Allow")
                .SelectMany(s => s.Actions.Where(a => a.EndsWith(":*", StringComparison.Ordinal)).Select(a => new Finding("IAM.21", s.Source, $"allows {a}")))
                .Concat(run.OfType(RolePolicyAttachment).Select(a => Finding("IAM.21", a, $"attaches {a.Text("policyArn")}")))),
        new("CKV_AWS_355", "\"*\" resources only for actions on the reviewed allow-list", Always, IdentityPolicies,
            run => IdentityStatements(run).Where(s => s.Effect == "Allow" && s.Resources.Contains("*"))
                .SelectMany(s => s.Actions.Where(a => !Waivers.StarResourceActions.ContainsKey(a))
                    .Select(a => new Finding("CKV_AWS_355", s.Source, $"allows {a} on \"*\"")))),
        new("CKV_AWS_286", "iam:PassRole only on named roles and only to a named service", Always, IdentityPolicies,
            run => IdentityStatements(run).Where(s => s.Effect == "Allow" && s.Actions.Any(a => a is "iam:PassRole" or "iam:*"))
                .Where(s => s.Resources.Contains("*") || !ConditionHas(s, "iam:PassedToService"))
                .Select(s => new Finding("CKV_AWS_286", s.Source, "passes roles without naming them and the service"))),
        new("CKV_AWS_60", "Roles are assumable only by named AWS services", Always, run => run.OfType(Role),
            run => TrustStatements(run).Where(s => s.Effect == "Allow")
                .Where(s => s.Principal is not { ValueKind: JsonValueKind.Object } p || !p.TryGetProperty("Service", out _) || p.EnumerateObject().Count() != 1
                    || s.PrincipalValues().Any(v => v.Contains('*', StringComparison.Ordinal)))
                .Select(s => new Finding("CKV_AWS_60", s.Source, "is assumable by something other than a named service"))),

        new("TI.IAM.1", "In protected stacks, no role carries an AWS managed *FullAccess policy", s => s.Protected, run => run.OfType(Role),
            run => run.OfType(RolePolicyAttachment)
                .Where(a => a.Text("policyArn") is { } arn && arn.Contains(":iam::aws:policy/", StringComparison.Ordinal) && arn.EndsWith("FullAccess", StringComparison.Ordinal))
                .Select(a => Finding("TI.IAM.1", a, $"attaches {a.Text("policyArn")}"))),

        // Logs
        ResourceRule("CKV_AWS_66", "Log groups have a retention period", LogGroup,
            r => r.Number("retentionInDays") is > 0 ? null : "keeps logs forever"),
        ResourceRule("CKV_AWS_158", "Log groups are encrypted with KMS", LogGroup,
            r => r.Text("kmsKeyId") is { Length: > 0 } ? null : "no KMS key"),

        // Network
        new("EC2.18", "No security group admits traffic from anywhere (0.0.0.0/0 or ::/0)", Always, run => run.OfType(SecurityGroup),
            run => run.OfType(IngressRule).Where(r => r.Text("cidrIpv4") == "0.0.0.0/0" || r.Text("cidrIpv6") == "::/0")
                .Concat(run.OfType(SecurityGroup).Where(g => g.List("ingress").Any(i => i.AsMap().TryGetValue("cidrBlocks", out var c)
                    && ((System.Collections.Immutable.ImmutableArray<object>)c).Contains("0.0.0.0/0"))))
                .Select(r => Finding("EC2.18", r, "admits traffic from anywhere"))),
        new("CKV_AWS_23", "Every security group and security group rule has a description", Always, run => run.OfType(SecurityGroup),
            run => run.OfType(SecurityGroup).Concat(run.OfType(IngressRule)).Concat(run.OfType(EgressRule))
                .Where(r => string.IsNullOrWhiteSpace(r.Text("description")) || r.Text("description") == "Managed by Pulumi")
                .Select(r => Finding("CKV_AWS_23", r, "has no description"))),
        new("CKV2_AWS_11", "The VPC's traffic is logged (flow logs)", s => s.Network.OwnsNetwork, Vpcs,
            run => run.OfType(FlowLog).Any(f => f.Text("vpcId") is { Length: > 0 }) ? []
                : Vpcs(run).Select(v => Finding("CKV2_AWS_11", v, "has no flow log"))),
        new("CKV2_AWS_12", "Every VPC's default security group admits and sends nothing", s => s.Network.OwnsNetwork, Vpcs,
            run => run.OfType(DefaultSecurityGroup).Count(g => g.Text("vpcId") is { Length: > 0 } && g.List("ingress").Count == 0 && g.List("egress").Count == 0)
                    >= Vpcs(run).Count
                ? run.OfType(DefaultSecurityGroup).Where(g => g.List("ingress").Count > 0 || g.List("egress").Count > 0)
                    .Select(g => Finding("CKV2_AWS_12", g, "has rules"))
                : Vpcs(run).Select(v => Finding("CKV2_AWS_12", v, "its default security group keeps AWS's default rules"))),
        new("EC2.15", "Subnets do not give instances public addresses or a route to the internet gateway", s => s.Network.OwnsNetwork, Vpcs,
            run => run.OfType(AwsxVpc)
                .Where(v => v.List("subnetSpecs").Any(spec => (string?)spec.AsMap().GetValueOrDefault("type") == "Public"))
                .Select(v => Finding("EC2.15", v, PublicSubnetsProblem))
                .Concat(run.OfType(Subnet).Where(n => n.Flag("mapPublicIpOnLaunch") == true).Select(n => Finding("EC2.15", n, "maps public IPs on launch")))),
        PrivateNetworkRules.NoPathToTheInternet,
        ExperimentRules.AppKeepsToItsStack,
        ExperimentRules.GrantsReachOnlyThisStack,
        new("TI.NET.2", "Ingress rules name a protocol and ports, not all traffic", Always, run => run.OfType(SecurityGroup),
            run => run.OfType(IngressRule).Where(r => r.Text("ipProtocol") == "-1")
                .Select(r => Finding("TI.NET.2", r, r.Text("referencedSecurityGroupId") == r.Text("securityGroupId")
                    ? SelfReferencingAllTraffic
                    : "admits all traffic"))),
        new("TI.NET.1", "Interface endpoints resolve through private DNS", s => s.Network.OwnsNetwork, run => run.OfType(VpcEndpoint),
            run => run.OfType(VpcEndpoint).Where(e => e.Text("vpcEndpointType") == "Interface" && e.Flag("privateDnsEnabled") != true)
                .Select(e => Finding("TI.NET.1", e, "private DNS is off"))),

        // Encryption keys and the alert topic
        ResourceRule("CKV_AWS_7", "KMS keys rotate", Key, r => r.Flag("enableKeyRotation") == true ? null : "rotation is off"),
        new("CKV_AWS_33", "No KMS key policy names a wildcard principal", Always, run => run.OfType(Key),
            run => run.OfType(Key).Where(k => PolicyStatement.Parse("key", k.Text("policy")!).Any(s => s.Effect == "Allow" && s.PrincipalValues().Contains("*")))
                .Select(k => Finding("CKV_AWS_33", k, "allows a wildcard principal"))),
        new("TI.KMS.1", "The package mirror's CodeArtifact domain is encrypted with the stack's data key", s => s.PackageMirror && s.Storage.CustomerManagedKey,
            run => run.OfType(Blueprint.Planning.ResourceTypes.CodeArtifactDomain),
            run => run.OfType(Blueprint.Planning.ResourceTypes.CodeArtifactDomain).Where(d => d.Text("encryptionKey") is not { Length: > 0 })
                .Select(d => Finding("TI.KMS.1", d, "uses the AWS-managed key aws/codeartifact"))),
        ResourceRule("CKV_AWS_26", "SNS topics are encrypted with a customer-managed key", Topic,
            r => r.Text("kmsMasterKeyId") is { Length: > 0 } id && id != "alias/aws/sns" ? null : "not encrypted with a customer-managed key"),

        // Batch
        ResourceRule("CKV_AWS_79", "Launch templates require IMDSv2", LaunchTemplate,
            r => (string?)r.Map("metadataOptions").GetValueOrDefault("httpTokens") == "required" ? null : "IMDSv1 allowed"),
        ResourceRule("CKV_AWS_210", "Batch jobs run no privileged container", JobDefinition,
            r => JsonDocument.Parse(r.Text("containerProperties")!).RootElement.TryGetProperty("privileged", out var p) && p.GetBoolean() ? "privileged" : null),

        // Tags and data safety
        new("TI.TAG.1", "Every taggable resource carries Project, Environment and ManagedBy", Always,
            run => run.Registered.Where(r => Taggability.HasTagsInput(r.Type!)).ToList(),
            run => run.Registered.Where(r => Taggability.HasTagsInput(r.Type!))
                .Where(r => !(r.Map("tags").ContainsKey("Project") && r.Map("tags").ContainsKey("Environment") && r.Map("tags").ContainsKey("ManagedBy")))
                .Select(r => Finding("TI.TAG.1", r, "lacks the platform's tags"))),
        new("TI.DATA.1", "In protected stacks, data resources are protected and retained on delete", s => s.Protected,
            run => run.Registered.Where(IsDataResource).ToList(),
            run => run.Registered.Where(IsDataResource)
                .Where(r => !(run.Options.TryGetValue((r.Type!, r.Name!), out var o) && o.Protect == true && o.RetainOnDelete == true))
                .Select(r => Finding("TI.DATA.1", r, "can be deleted by the stack"))),
        new("TI.DATA.2", "In protected stacks, nothing empties buckets or repositories on delete", s => s.Protected,
            run => run.OfType(Bucket).Concat(run.OfType(Repository)).ToList(),
            run => run.OfType(Bucket).Where(b => b.Flag("forceDestroy") != false)
                .Concat(run.OfType(Repository).Where(r => r.Flag("forceDelete") != false))
                .Select(r => Finding("TI.DATA.2", r, "is force-emptied on delete"))),
    ];

    /// <summary>
    /// Every finding of every rule that applies to the run's stack, each with the waiver that
    /// accepts it or null: what the guardrail suite fails on and the plan tool reports.
    /// </summary>
    public static IReadOnlyList<(Finding Finding, Waiver? Waiver)> Evaluate(StackRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Rules.Where(r => r.AppliesTo(run.Settings))
            .SelectMany(r => r.Check(run))
            .Select(f => (f, Waivers.Covering(run.Settings, f)))
            .ToList();
    }

    /// <summary>The problem EC2.15 reports for a VPC with public subnets (waived by text in <see cref="Waivers"/>).</summary>
    public const string PublicSubnetsProblem = "public subnets map public IPs on launch and route 0.0.0.0/0 to the internet gateway";

    /// <summary>The problem TI.NET.2 reports for a group that admits all traffic from its own members.</summary>
    public const string SelfReferencingAllTraffic = "admits all traffic, from members of its own group only";

    // The data keys count as data: without them, every object encrypted with them is lost.
    private static bool IsDataResource(MockResourceArgs resource) =>
        resource.Type!.StartsWith("aws:s3/", StringComparison.Ordinal) || resource.Type.StartsWith("aws:ecr/", StringComparison.Ordinal)
        || (resource.Type == Key && resource.Name is "data-key" or "replica-data-key");

    /// <summary>What keeps a bucket from being copied to the replica region: no enabled rule, or KMS objects left out.</summary>
    private static IEnumerable<string> ReplicationProblems(StackRun run, MockResourceArgs bucket)
    {
        var config = run.OfType(BucketReplication).SingleOrDefault(c => c.Text("bucket") == $"{bucket.Name}_id");
        var rules = config?.List("rules").Select(r => r.AsMap()).Where(r => (string?)r.GetValueOrDefault("status") == "Enabled"
            && r.TryGetValue("destination", out var d) && d.AsMap().GetValueOrDefault("bucket") is string { Length: > 0 }).ToList() ?? [];
        if (rules.Count == 0)
        {
            yield return "has no enabled replication rule";
            yield break;
        }

        var kms = ForBucket(run, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", bucket)?
            .List("rules").Any(r => r.AsMap().TryGetValue("applyServerSideEncryptionByDefault", out var d) && (string)d.AsMap()["sseAlgorithm"] == "aws:kms") == true;
        if (kms && !rules.Any(r =>
            r.TryGetValue("sourceSelectionCriteria", out var c) && c.AsMap().TryGetValue("sseKmsEncryptedObjects", out var o) && (string)o.AsMap()["status"] == "Enabled"
            && r["destination"].AsMap().TryGetValue("encryptionConfiguration", out var e) && e.AsMap().GetValueOrDefault("replicaKmsKeyId") is string { Length: > 0 }))
        {
            yield return "is encrypted with KMS but its replication skips KMS-encrypted objects or names no replica key";
        }
    }

    private static GuardrailRule BucketRule(string id, string title, string configType, Func<MockResourceArgs, bool> holds) =>
        new(id, title, Always, run => run.OfType(Bucket),
            run => run.OfType(Bucket).SelectMany(bucket => ForBucket(run, configType, bucket) switch
            {
                null => [Finding(id, bucket, $"has no {configType.Split(':')[^1]}")],
                var config when !holds(config) => [Finding(id, bucket, $"fails: {title}")],
                _ => Array.Empty<Finding>(),
            }));

    private static GuardrailRule ResourceRule(string id, string title, string type, Func<MockResourceArgs, string?> problem) =>
        new(id, title, Always, run => run.OfType(type),
            run => run.OfType(type).Select(r => (r, problem(r))).Where(x => x.Item2 is not null).Select(x => Finding(id, x.r, x.Item2!)));

    private static GuardrailRule NotebookRule(string id, string title, Func<MockResourceArgs, string?> problem) =>
        ResourceRule(id, title, Notebook, problem) with { AppliesTo = s => s.Notebook.Enabled };
}

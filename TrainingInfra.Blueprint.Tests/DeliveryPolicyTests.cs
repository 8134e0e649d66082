using System.Text.Json;
using System.Text.RegularExpressions;
using TrainingInfra.Blueprint.Naming;
using TrainingInfra.Blueprint.Tests.Support;
using TrainingInfra.Testing;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>
/// The other delivery policies of docs/policies: the read-only preview role (control-plane reads,
/// never data), the permissions boundary of every role a per-PR stack creates, the OIDC trust of
/// each role (one GitHub environment each), and the rules every published file keeps.
/// </summary>
public partial class DeliveryPolicyTests
{
    private const string Account = DeliveryPolicies.AccountId;
    private static readonly ResourceNames Dev = new("dev");
    private static readonly ResourceNames Pr = new("pr3507");

    /// <summary>The GitHub environments that hold credentials, one AWS role each.</summary>
    private static readonly string[] ProtectedAndSharedStacks = ["dev", "prod"];

    private static readonly string[] EnvironmentNames = ["pr-preview", "dev", "prod-read", "production", "pr-stacks"];

    public static TheoryData<string> Environments => new(EnvironmentNames);

    [Theory]
    [InlineData("s3:GetObject", "arn:aws:s3:::training-datasets-dev-111122223333/images/0001.png")]
    [InlineData("s3:GetObjectVersion", "arn:aws:s3:::model-artifacts-dev-111122223333/model.tar.gz")]
    [InlineData("kms:Decrypt", "arn:aws:kms:us-east-1:111122223333:key/1")]
    [InlineData("logs:GetLogEvents", "arn:aws:logs:us-east-1:111122223333:log-group:/aws/sagemaker/TrainingJobs:log-stream:dev-job/algo-1")]
    [InlineData("logs:FilterLogEvents", "arn:aws:logs:us-east-1:111122223333:log-group:/aws/sagemaker/TrainingJobs:*")]
    [InlineData("logs:StartQuery", "arn:aws:logs:us-east-1:111122223333:log-group:/aws/sagemaker/TrainingJobs:*")]
    [InlineData("ecr:GetDownloadUrlForLayer", "arn:aws:ecr:us-east-1:111122223333:repository/training-containers-dev")]
    [InlineData("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:111122223333:secret:x")]
    [InlineData("ssm:GetParameter", "arn:aws:ssm:us-east-1:111122223333:parameter/x")]
    [InlineData("sagemaker:CreatePresignedNotebookInstanceUrl", "arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/training-notebook-dev")]
    [InlineData("sagemaker:CallMlflowAppApi", "arn:aws:sagemaker:us-east-1:111122223333:mlflow-app/app-1A2B3C4D5E6F")]
    [InlineData("sagemaker:CreatePresignedMlflowAppUrl", "arn:aws:sagemaker:us-east-1:111122223333:mlflow-app/app-1A2B3C4D5E6F")]
    [InlineData("sagemaker-mlflow:GetRun", "arn:aws:sagemaker:us-east-1:111122223333:mlflow-app/app-1A2B3C4D5E6F")]
    [InlineData("sagemaker-mlflow:SearchRuns", "*")]
    [InlineData("sagemaker-mlflow:GetDownloadURIForModelVersionArtifacts", "arn:aws:sagemaker:us-east-1:111122223333:mlflow-tracking-server/x")]
    public void PreviewRole_CannotReadData_EvenBesideAwsReadOnlyAccess(string action, string resource)
    {
        // Whatever allow is attached beside it (AWS's ReadOnlyAccess grants s3:Get* on everything), the
        // explicit deny outweighs it.
        const string broadRead = """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "*", "Resource": "*" } ] }""";

        Assert.Equal(PolicyDecision.ExplicitlyDenied, PolicyEvaluator.Decide([.. DeliveryPolicies.ReadOnlyPreview("dev"), broadRead], action, resource));
    }

    [Theory]
    [InlineData("ec2:DescribeVpcs", "*")]
    [InlineData("s3:GetBucketPolicy", "arn:aws:s3:::training-datasets-dev-111122223333")]
    [InlineData("iam:GetRole", "arn:aws:iam::111122223333:role/training-job-role-dev")]
    [InlineData("batch:DescribeComputeEnvironments", "*")]
    [InlineData("sagemaker:DescribeNotebookInstance", "arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/training-notebook-dev")]
    public void PreviewRole_ReadsTheControlPlane(string action, string resource)
    {
        Assert.Equal(PolicyDecision.Allowed, PolicyEvaluator.Decide(DeliveryPolicies.ReadOnlyPreview("dev"), action, resource));
    }

    [Fact]
    public void PreviewRole_RefreshesTheMlflowAppAndTheRegistry_WithoutReadingExperiments()
    {
        // A refresh reads what the provider reads (DescribeMlflowApp, DescribeModelPackageGroup,
        // ListTags); the experiments, runs and artifacts behind the app are data.
        var preview = DeliveryPolicies.ReadOnlyPreview("dev");
        var app = $"arn:aws:sagemaker:us-east-1:{Account}:mlflow-app/app-1A2B3C4D5E6F";
        var group = $"arn:aws:sagemaker:us-east-1:{Account}:model-package-group/{Dev.ModelPackageGroup}";

        Assert.True(PolicyEvaluator.IsAllowed(preview, "sagemaker:DescribeMlflowApp", app));
        Assert.True(PolicyEvaluator.IsAllowed(preview, "sagemaker:ListTags", app));
        Assert.True(PolicyEvaluator.IsAllowed(preview, "sagemaker:DescribeModelPackageGroup", group));
        Assert.Equal(PolicyDecision.ExplicitlyDenied, PolicyEvaluator.Decide(preview, "sagemaker:CallMlflowAppApi", app));
    }

    [Theory]
    [InlineData("s3:PutObject", "arn:aws:s3:::training-datasets-dev-111122223333/x")]
    [InlineData("iam:CreateRole", "arn:aws:iam::111122223333:role/x")]
    [InlineData("sagemaker:CreateTrainingJob", "arn:aws:sagemaker:us-east-1:111122223333:training-job/x")]
    [InlineData("ec2:CreateSecurityGroup", "*")]
    public void PreviewRole_ChangesNothing(string action, string resource)
    {
        Assert.NotEqual(PolicyDecision.Allowed, PolicyEvaluator.Decide(DeliveryPolicies.ReadOnlyPreview("dev"), action, resource));
    }

    [Fact]
    public void PreviewRole_ReadsItsOwnStacksStateOnly()
    {
        string State(string stack) => $"arn:aws:s3:::{DeliveryPolicies.StateBucket}/.pulumi/stacks/training-infra/{stack}.json";

        Assert.Equal(PolicyDecision.Allowed, PolicyEvaluator.Decide(DeliveryPolicies.ReadOnlyPreview("dev"), "s3:GetObject", State("dev")));
        Assert.Equal(PolicyDecision.ExplicitlyDenied, PolicyEvaluator.Decide(DeliveryPolicies.ReadOnlyPreview("dev"), "s3:GetObject", State("prod")));
    }

    [Theory]
    [InlineData("iam:CreateRole", "arn:aws:iam::111122223333:role/x-pr1")]
    [InlineData("iam:AttachRolePolicy", "arn:aws:iam::111122223333:role/training-job-role-pr3507")]
    [InlineData("s3:GetObject", "arn:aws:s3:::training-datasets-dev-111122223333/x")]
    [InlineData("s3:GetObject", "arn:aws:s3:::training-datasets-prod-111122223333/x")]
    [InlineData("ecr:BatchGetImage", "arn:aws:ecr:us-east-1:111122223333:repository/training-containers-dev")]
    [InlineData("sagemaker:CreateTrainingJob", "arn:aws:sagemaker:us-east-1:111122223333:training-job/prod-x")]
    public void BoundedRole_CannotEscalateOrLeaveItsStack(string action, string resource)
    {
        Assert.NotEqual(PolicyDecision.Allowed, PolicyEvaluator.Decide(DeliveryPolicies.Boundary(), action, resource));
    }

    [Fact]
    public void BoundedRole_KeepsWhatItsJobsNeed()
    {
        var boundary = DeliveryPolicies.Boundary();

        Assert.True(PolicyEvaluator.IsAllowed(boundary, "s3:GetObject", $"arn:aws:s3:::{Pr.DatasetBucket(Account)}/train.csv"));
        Assert.True(PolicyEvaluator.IsAllowed(boundary, "ecr:BatchGetImage", $"arn:aws:ecr:us-east-1:{Account}:repository/{Pr.Repository}"));
        Assert.True(PolicyEvaluator.IsAllowed(boundary, "ecr:BatchGetImage", "arn:aws:ecr:us-east-1:683313688378:repository/sagemaker-xgboost"));
        Assert.True(PolicyEvaluator.IsAllowed(boundary, "sagemaker:CreateTrainingJob", $"arn:aws:sagemaker:us-east-1:{Account}:training-job/{Pr.TrainingJobPrefix}smoke"));
        Assert.True(PolicyEvaluator.IsAllowed(boundary, "iam:PassRole", $"arn:aws:iam::{Account}:role/{Pr.TrainingRole}",
            new Dictionary<string, string> { ["iam:PassedToService"] = "sagemaker.amazonaws.com" }));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void OidcTrust_AdmitsOneEnvironmentOfOneRepository(string environment)
    {
        var trust = DeliveryPolicies.Trust(environment);
        bool Admits(string sub, string aud = "sts.amazonaws.com") => PolicyEvaluator.IsAllowed(trust, "sts:AssumeRoleWithWebIdentity", "role",
            new Dictionary<string, string> { ["token.actions.githubusercontent.com:sub"] = sub, ["token.actions.githubusercontent.com:aud"] = aud },
            principal: DeliveryPolicies.OidcProviderArn);

        Assert.True(Admits($"repo:{DeliveryPolicies.Repository}:environment:{environment}"));
        Assert.False(Admits($"repo:{DeliveryPolicies.Repository}:environment:{environment}", aud: "https://github.com/acme"));
        Assert.False(Admits($"repo:{DeliveryPolicies.Repository}:pull_request"));
        Assert.False(Admits($"repo:{DeliveryPolicies.Repository}:ref:refs/heads/main"));
        Assert.False(Admits($"repo:acme/fork-of-training-infra:environment:{environment}"));
        Assert.All(EnvironmentNames.Where(other => other != environment),
            other => Assert.False(Admits($"repo:{DeliveryPolicies.Repository}:environment:{other}")));
    }

    [Fact]
    public void OidcTrust_ComparesExactly_NeverWithWildcards()
    {
        var statement = Assert.Single(PolicyStatement.Parse(DeliveryPolicies.Trust("dev")[0]));

        Assert.Equal(["StringEquals"], statement.Conditions!.Value.EnumerateObject().Select(op => op.Name));
        Assert.Equal(["token.actions.githubusercontent.com:aud", "token.actions.githubusercontent.com:sub"],
            statement.Conditions.Value.GetProperty("StringEquals").EnumerateObject().Select(k => k.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void EveryEnvironment_HasItsSubjectInTheTrustModel(string environment)
    {
        var doc = File.ReadAllText(Path.Combine(Scripts.ScriptSandbox.RepoRoot, "docs", "delivery-trust-model.md"));

        Assert.Contains($"`repo:OWNER/REPO:environment:{environment}`", doc, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryPolicyFile_FitsAManagedPolicy()
    {
        // IAM counts a managed policy's characters without white space, at most 6,144 (IAM and AWS STS quotas).
        Assert.All(DeliveryPolicies.AllFiles, file =>
            Assert.True(Regex.Replace(DeliveryPolicies.Template(file), @"\s", "").Length <= 6144, $"{file} is larger than a managed policy may be"));
    }

    [Fact]
    public void NoPerPrPattern_CanMatchAProdName()
    {
        // IAM wildcards have no character classes: "-pr*" and "-pr?" both match "-prod"; "-pr" followed
        // by a digit cannot. Every per-PR pattern names its digit, and every digit is there.
        Assert.All(DeliveryPolicies.AllFiles, file => Assert.DoesNotMatch(@"[-/]pr[*?]", DeliveryPolicies.Template(file)));
        var all = string.Concat(DeliveryPolicies.AllFiles.Select(DeliveryPolicies.Template));
        var families = PerPrPattern().Matches(all).Select(m => (m.Groups["stem"].Value, m.Groups["rest"].Value)).Distinct().ToList();
        Assert.NotEmpty(families);
        Assert.All(families, family => Assert.All(Enumerable.Range(0, 10), digit =>
            Assert.Contains($"\"{family.Item1}{digit}{family.Item2}\"", all, StringComparison.Ordinal)));
    }

    [Fact]
    public void EveryTemplate_IsAPolicyWithOnlyDocumentedPlaceholders()
    {
        string[] documented = ["AccountId", "GitHubRepository", "Environment", "DevVpcId", "StateBucket", "Stack"];
        var doc = File.ReadAllText(Path.Combine(Scripts.ScriptSandbox.RepoRoot, "docs", "delivery-trust-model.md"));

        Assert.All(DeliveryPolicies.AllFiles, file =>
        {
            Assert.Equal("2012-10-17", JsonDocument.Parse(DeliveryPolicies.Template(file)).RootElement.GetProperty("Version").GetString());
            Assert.All(DeliveryPolicies.Placeholder().Matches(DeliveryPolicies.Template(file)), m => Assert.Contains(m.Groups["name"].Value, documented));
            Assert.Contains($"policies/{file}", doc, StringComparison.Ordinal);
        });
        Assert.All(documented, name => Assert.Contains($"`${{{name}}}`", doc, StringComparison.Ordinal));
    }

    [Fact]
    public void OnlyPerPrStacks_CarryTheFenceTagAndTheBoundary()
    {
        // The per-PR deploy role admits only resources that carry the fence tag and roles that carry
        // this boundary: the template of per-PR stacks must set both, with exactly these values.
        var pr = StackConfigFiles.StackConfig("pr");
        Assert.Equal("training-infra-pr-boundary", pr["training-infra:iamPermissionsBoundary"]);
        Assert.Contains("DeployFence=per-pr", pr["training-infra:tags"], StringComparison.Ordinal);

        Assert.All(ProtectedAndSharedStacks, stack => Assert.DoesNotContain(StackConfigFiles.StackConfig(stack).Values, v => v.Contains("DeployFence", StringComparison.Ordinal)));
    }

    /// <summary>A per-PR pattern in a JSON string: everything up to "-pr" or "/pr", a digit, the rest.</summary>
    [GeneratedRegex(@"""(?<stem>[^""]*[-/]pr)[0-9](?<rest>[^""]*)""")]
    private static partial Regex PerPrPattern();
}

using TrainingInfra.Blueprint.Aws;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Iam;
using TrainingInfra.Blueprint.Naming;
using TrainingInfra.Blueprint.Tagging;
using TrainingInfra.Blueprint.Tests.Support;
using TrainingInfra.Testing;

namespace TrainingInfra.Blueprint.Tests;

public class IamNamingTests
{
    public static TheoryData<string> IamNames() => new()
    {
        nameof(ResourceNames.BatchInstanceRole), nameof(ResourceNames.BatchInstanceProfile), nameof(ResourceNames.BatchJobRole),
        nameof(ResourceNames.BatchSpotFleetRole), nameof(ResourceNames.FlowLogRole), nameof(ResourceNames.NotebookRole),
        nameof(ResourceNames.TrainingRole), nameof(ResourceNames.ReplicationRole),
    };

    private static string NameOf(string property, string suffix) =>
        (string)typeof(ResourceNames).GetProperty(property)!.GetValue(new ResourceNames(suffix))!;

    [Theory]
    [MemberData(nameof(IamNames))]
    public void EveryIamName_EndsInTheSuffix_SoThePerPrFenceMatchesItAndNeverProd(string property)
    {
        var perPr = NameOf(property, "pr3507");
        var prod = NameOf(property, "prod");

        Assert.EndsWith("-pr3507", perPr, StringComparison.Ordinal);
        Assert.Matches("-pr[0-9]", perPr);
        Assert.DoesNotMatch("-pr[0-9]", prod);
    }

    [Theory]
    [MemberData(nameof(IamNames))]
    public void EveryIamName_FitsIamsLimit_AtTheLongestSuffixSettingsAccept(string property)
    {
        var longest = new string('a', ResourceNames.TightestRule.MaxSuffixLength);
        var limit = property == nameof(ResourceNames.BatchInstanceProfile) ? 128 : 64;

        Assert.InRange(NameOf(property, longest).Length, 1, limit);
    }

    [Fact]
    public void ComputeEnvironmentPrefix_LeavesRoomForTheProvidersUniqueTail()
    {
        var longest = new string('a', ResourceNames.TightestRule.MaxSuffixLength);
        var prefix = new ResourceNames(longest).ComputeEnvironmentPrefix;

        Assert.InRange(prefix.Length + ResourceNames.UniqueSuffixLength, 1, 128);
        Assert.Equal("batch-inference-pr3507-", new ResourceNames("pr3507").ComputeEnvironmentPrefix);
    }

    [Fact]
    public void PermissionsBoundary_IsTheNamedPolicyOfTheStacksAccountAndPartition()
    {
        var settings = Configs.Load(("iamPermissionsBoundary", "training-infra-pr-boundary"));
        var govCloud = AwsRegion.TryParse("us-gov-west-1", out _)!;

        Assert.Equal("training-infra-pr-boundary", settings.PermissionsBoundary);
        Assert.Equal("arn:aws:iam::111122223333:policy/training-infra-pr-boundary",
            PermissionsBoundary.Arn(settings.Region, "111122223333", settings.PermissionsBoundary!));
        Assert.StartsWith("arn:aws-us-gov:iam::", PermissionsBoundary.Arn(govCloud, "111122223333", "b"), StringComparison.Ordinal);
        Assert.Null(Configs.Load().PermissionsBoundary);
    }

    [Theory]
    [InlineData("arn:aws:iam::111122223333:policy/boundary")]
    [InlineData("has space")]
    [InlineData("path/name")]
    public void PermissionsBoundary_ThatIsNoPolicyName_IsRefusedWithTheRule(string value)
    {
        var problem = Assert.Single(Configs.Problems(("iamPermissionsBoundary", value)));

        Assert.Equal("training-infra:iamPermissionsBoundary", problem.Key);
        Assert.Equal(value, problem.Value);
        Assert.Contains("customer-managed IAM policy", problem.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void PermissionsBoundary_LongerThanIamAllows_IsRefused()
    {
        Assert.Single(Configs.Problems(("iamPermissionsBoundary", new string('p', 129))));
        Assert.Equal(new string('p', 128), Configs.Load(("iamPermissionsBoundary", new string('p', 128))).PermissionsBoundary);
    }

    [Fact]
    public void PrTemplate_CarriesTheBoundaryAndTheFenceTag()
    {
        var config = StackConfigFiles.ProjectConfig("pr", SettingKeys.ProjectName);
        var settings = SettingsLoader.Load(ConfigSource.FromDictionary("pr3507", "us-east-1", config));

        Assert.Equal("training-infra-pr-boundary", settings.PermissionsBoundary);
        Assert.Equal("per-pr", settings.Tags["DeployFence"]);
        Assert.DoesNotContain(SettingKeys.IamPermissionsBoundary.Name, StackConfigFiles.ProjectConfig("prod", SettingKeys.ProjectName).Keys);
    }

    [Fact]
    public void Tags_LeaveAJobItsAllowanceWithinBatchsFifty()
    {
        Assert.Equal(TagSet.MaxTagsPerResource, TagSet.ReservedKeys.Count + TagSet.MaxExtraTags + TagSet.JobTagAllowance);
        var most = "[" + string.Join(",", Enumerable.Range(0, TagSet.MaxExtraTags).Select(i => $"\"T{i}=v\"")) + "]";
        var tooMany = "[" + string.Join(",", Enumerable.Range(0, TagSet.MaxExtraTags + 1).Select(i => $"\"T{i}=v\"")) + "]";

        Assert.Equal(TagSet.MaxExtraTags, Configs.Load(("tags", most)).ExtraTags.Count);
        var problem = Assert.Single(Configs.Problems(("tags", tooMany)));
        Assert.Contains("Batch job fails", problem.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("submit-batch-job.sh")]
    [InlineData("smoke-test.sh")]
    public void PlatformScripts_SubmitJobsWithoutTags_SoTheAllowanceIsTheTeams(string script)
    {
        var text = File.ReadAllText(Path.Combine(Scripts.ScriptSandbox.RepoRoot, "scripts", script));

        Assert.DoesNotContain("--tags", text, StringComparison.Ordinal);
    }
}

using TrainingInfra.Blueprint.Changes;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Planning;
using TrainingInfra.Testing;

namespace TrainingInfra.Blueprint.Tests;

public class ChangeMatrixTests
{
    private const string TableHeader = "| key | resource | on change | what it interrupts or loses | source |";

    /// <summary>Resources with a physical name the program sets, whose replacement the mock-runtime test follows.</summary>
    private static readonly string[] Named =
    [
        ResourceTypes.Bucket, ResourceTypes.Role, ResourceTypes.ComputeEnvironment, ResourceTypes.JobQueue,
        ResourceTypes.NotebookInstance, "aws:ecr/repository:Repository",
    ];

    [Fact]
    public void EveryConfigKey_HasAtLeastOneRow()
    {
        Assert.All(SettingKeys.All, key => Assert.NotEmpty(ChangeMatrix.For(key)));
    }

    [Fact]
    public void Rows_FollowTheOrderOfTheConfigKeys()
    {
        var order = ChangeMatrix.All.Select(r => r.Key).Distinct().ToList();

        Assert.Equal(SettingKeys.All, order);
    }

    [Fact]
    public void EveryRowThatReplacesANamedResource_CarriesAChangeToTry()
    {
        Assert.All(ChangeMatrix.All.Where(r => r.Replaces && Named.Contains(r.Resource)), row =>
        {
            Assert.NotNull(row.From);
            Assert.NotNull(row.To);
            Assert.NotEqual(row.From, row.To);
        });
    }

    public static TheoryData<int> SampledRows() =>
        new(Enumerable.Range(0, ChangeMatrix.All.Count).Where(i => ChangeMatrix.All[i].To is not null));

    [Theory]
    [MemberData(nameof(SampledRows))]
    public void SampleChange_IsValidConfigurationBeforeAndAfter(int index)
    {
        var row = ChangeMatrix.All[index];
        foreach (var value in new[] { row.From!, row.To! })
        {
            var config = StackConfigFiles.ProjectConfig(row.Stack, SettingKeys.ProjectName);
            foreach (var (key, contextValue) in row.Context)
            {
                config[key.Name] = contextValue;
            }

            config[row.Key.Name] = value;
            var settings = SettingsLoader.Load(ConfigSource.FromDictionary(row.Stack, "us-east-1", config));
            Assert.Equal(row.Stack, settings.StackName);
        }
    }

    [Fact]
    public void DocsTable_ShowsExactlyTheRowsOfTheMatrix()
    {
        var doc = File.ReadAllText(StackConfigFiles.RepoFile(Path.Combine("docs", "change-matrix.md")));
        var table = doc[doc.IndexOf(TableHeader, StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", StringComparison.Ordinal)];
        var rows = table.Split('\n').Skip(2).ToList();

        Assert.Equal(ChangeMatrix.All.Select(r => r.ToMarkdownRow()), rows);
    }
}

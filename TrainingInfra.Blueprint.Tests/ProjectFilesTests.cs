using System.Text.RegularExpressions;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Testing;
using YamlDotNet.RepresentationModel;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>Pulumi.yaml, the stack files, the README, docs/ and the settings code say the same thing.</summary>
public partial class ProjectFilesTests
{
    private static readonly IReadOnlyDictionary<string, YamlNode> Declared = StackConfigFiles.ProjectDeclarations();

    private static string Field(YamlNode declaration, string name) =>
        ((YamlMappingNode)declaration).Children.TryGetValue(new YamlScalarNode(name), out var node)
            ? StackConfigFiles.RawValue(node)
            : throw new InvalidOperationException($"no {name}");

    [Fact]
    public void PulumiYaml_NamesTheProjectAfterTheConfigNamespace_AndRunsTheDotnetProgram()
    {
        using var reader = new StreamReader(StackConfigFiles.RepoFile("Pulumi.yaml"));
        var stream = new YamlStream();
        stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;

        Assert.Equal(SettingKeys.ProjectName, ((YamlScalarNode)root["name"]).Value);
        Assert.Equal("dotnet", ((YamlScalarNode)((YamlMappingNode)root["runtime"])["name"]).Value);
        Assert.Equal("TrainingInfra", ((YamlScalarNode)root["main"]).Value);
    }

    [Fact]
    public void PulumiYaml_DeclaresExactlyTheKeysTheProgramUnderstands()
    {
        Assert.Equal(
            SettingKeys.All.Select(k => k.Name).Order(StringComparer.Ordinal),
            Declared.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PulumiYaml_DeclaresEachKeyWithTheProgramsTypeDefaultAndDescription()
    {
        Assert.All(SettingKeys.All, key =>
        {
            var declaration = Declared[key.Name];
            var type = key.Type switch
            {
                SettingType.String => "string",
                SettingType.Integer => "integer",
                SettingType.Boolean => "boolean",
                _ => "array",
            };
            Assert.Equal(type, Field(declaration, "type"));
            Assert.Equal(key.Default, Field(declaration, "default"));
            Assert.Equal(key.Description, Field(declaration, "description"));
        });
    }

    [Fact]
    public void PulumiYaml_DefaultsPassValidation()
    {
        var defaults = Declared.ToDictionary(e => e.Key, e => Field(e.Value, "default"));

        var settings = SettingsLoader.Load(ConfigSource.FromDictionary("dev", "us-east-1", defaults));

        Assert.Equal("dev", settings.EnvironmentSuffix);
    }

    public static TheoryData<string> Stacks() => new(StackConfigFiles.StackNames());

    [Theory]
    [MemberData(nameof(Stacks))]
    public void StackFile_SetsOnlyDeclaredKeysAndTheRegion(string stack)
    {
        Assert.All(StackConfigFiles.StackConfig(stack).Keys, key =>
        {
            if (key.StartsWith(SettingKeys.ProjectName + ":", StringComparison.Ordinal))
            {
                Assert.Contains(key[(SettingKeys.ProjectName.Length + 1)..], Declared.Keys);
            }
            else
            {
                Assert.Equal("aws:region", key);
            }
        });
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void StackFile_IsValidConfiguration(string stack)
    {
        var config = StackConfigFiles.StackConfig(stack);

        var settings = SettingsLoader.Load(ConfigSource.FromDictionary(
            stack, config.GetValueOrDefault("aws:region"), StackConfigFiles.ProjectConfig(stack, SettingKeys.ProjectName)));

        Assert.Equal(stack, settings.EnvironmentSuffix);
    }

    [Fact]
    public void StackFiles_ExistForDevPrAndProd_AndOnlyProdIsProtected()
    {
        Assert.Equal(["dev", "pr", "prod"], StackConfigFiles.StackNames());
        Assert.All(StackConfigFiles.StackNames(), stack =>
        {
            var config = StackConfigFiles.ProjectConfig(stack, SettingKeys.ProjectName);
            Assert.Equal(stack == "prod" ? "true" : "false", config["protected"]);
        });
    }

    [Fact]
    public void PrTemplate_LeavesTheSuffixToEachCopysStackName()
    {
        Assert.DoesNotContain("environmentSuffix", StackConfigFiles.ProjectConfig("pr", SettingKeys.ProjectName).Keys);
    }

    [Fact]
    public void DocsConfigReference_ListsEveryKeyWithItsDefault()
    {
        var reference = File.ReadAllText(StackConfigFiles.RepoFile(Path.Combine("docs", "configuration.md")));
        var table = reference[reference.IndexOf("| key | type | default | meaning |", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", StringComparison.Ordinal)];
        var rows = ReferenceRow().Matches(table).ToDictionary(m => m.Groups["key"].Value, m => m.Groups["default"].Value.Trim());

        Assert.Equal(SettingKeys.All.Select(k => k.Name).Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        Assert.All(SettingKeys.All, key => Assert.Equal(
            key.Default.Length > 0 ? $"`{key.Default}`" : key == SettingKeys.EnvironmentSuffix ? "(stack name)" : "(none)",
            rows[key.Name]));
    }

    [Fact]
    public void ReadmeLayout_HasARowForEveryProjectOfTheSolution()
    {
        var readme = File.ReadAllText(StackConfigFiles.RepoFile("README.md"));
        var layout = readme[readme.IndexOf("| path | what it holds |", StringComparison.Ordinal)..];
        layout = layout[..layout.IndexOf("\n\n", StringComparison.Ordinal)];
        var projects = SolutionProject().Matches(File.ReadAllText(StackConfigFiles.RepoFile("infra.sln"))).Select(m => m.Groups["name"].Value).ToList();

        Assert.Equal(6, projects.Count);
        Assert.All(projects, project => Assert.Contains($"| `{project}/` |", layout, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^Project\(""\{[^}]+\}""\) = ""(?<name>[^""]+)"", ""[^""]+\.csproj""", RegexOptions.Multiline)]
    private static partial Regex SolutionProject();

    // A config reference row: | `key` | type | default | meaning |
    [GeneratedRegex(@"^\| `(?<key>[a-zA-Z]+)` \| [a-z ]+ \| (?<default>[^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex ReferenceRow();
}

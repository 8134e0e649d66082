using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Naming;
using TrainingInfra.Blueprint.SageMaker;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

public class SageMakerNotebookTests
{
    [Fact]
    public void Notebook_WithDirectInternetAccess_ClonesTheCdkDesignsExamplesRepository()
    {
        var notebook = Configs.Load().Notebook;

        Assert.Equal("https://github.com/aws/amazon-sagemaker-examples.git", NotebookPlan.DefaultCodeRepository(notebook));
    }

    [Fact]
    public void Notebook_WithoutDirectInternetAccess_ClonesNothing_AsTheVpcHasNoNatGateway()
    {
        var notebook = Configs.Load(("notebookDirectInternetAccess", "false")).Notebook;

        Assert.Null(NotebookPlan.DefaultCodeRepository(notebook));
    }

    [Fact]
    public void Notebook_GoesIntoTheFirstPublicSubnet()
    {
        Assert.Equal("subnet-public-a", NotebookPlan.Subnet(["subnet-public-a", "subnet-public-b"]));
    }

    [Fact]
    public void Notebook_WithoutHostSubnet_FailsWithAReason()
    {
        var error = Assert.Throws<ArgumentException>(() => NotebookPlan.Subnet([]));

        Assert.Contains("no subnet to place the notebook in", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AbsentNotebook_IsExplainedByTheSwitchThatLeftItOut()
    {
        Assert.StartsWith("none:", NotebookPlan.AbsentOutput, StringComparison.Ordinal);
        Assert.Contains(SettingKeys.NotebookEnabled.Name, NotebookPlan.AbsentOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "Enabled")]
    [InlineData(false, "Disabled")]
    public void NotebookSwitches_AreSpelledAsSageMakerExpects(bool on, string expected)
    {
        Assert.Equal(expected, NotebookPlan.EnabledOrDisabled(on));
    }

    [Fact]
    public void RoleNames_CarryTheSuffix_AndFitIamsLimitForTheLongestSuffix()
    {
        var longest = new string('x', ResourceNames.TightestRule.MaxSuffixLength);
        var names = new ResourceNames(longest);

        Assert.All([names.NotebookRole, names.TrainingRole], name =>
        {
            Assert.EndsWith(longest, name, StringComparison.Ordinal);
            Assert.True(name.Length <= 64, name);
        });
        Assert.NotEqual(names.NotebookRole, names.TrainingRole);
    }
}

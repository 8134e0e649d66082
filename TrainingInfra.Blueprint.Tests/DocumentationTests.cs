using System.Text.RegularExpressions;
using TrainingInfra.Blueprint.Tests.Scripts;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>
/// The README and docs/ hold together on GitHub: every relative link reaches a file or directory
/// of the repository and every anchor a heading of its file, and the README stays a front page
/// that leads into docs/.
/// </summary>
public partial class DocumentationTests
{
    private static readonly string Root = Path.GetFullPath(ScriptSandbox.RepoRoot);

    private static string Readme => Path.Combine(Root, "README.md");

    private static IEnumerable<string> Documents() =>
        Directory.GetFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Prepend(Readme);

    [Fact]
    public void RelativeLinks_ReachFilesAndHeadingsThatExist()
    {
        var broken = new List<string>();
        foreach (var document in Documents())
        {
            foreach (var link in MarkdownDocument.Read(document).Links.Where(l => !External().IsMatch(l)))
            {
                if (Problem(document, link) is { } problem)
                {
                    broken.Add($"{Path.GetRelativePath(Root, document)}: {link}: {problem}");
                }
            }
        }

        Assert.True(broken.Count == 0, "broken links:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void EveryDocsFile_IsLinkedFromTheReadme()
    {
        var linked = MarkdownDocument.Read(Readme).Links.Where(l => !External().IsMatch(l))
            .Select(l => Resolve(Readme, l).Path)
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(Documents().Skip(1), document => Assert.Contains(document, linked));
    }

    [Fact]
    public void Readme_FitsInTwoHundredLines()
    {
        var lines = File.ReadAllLines(Readme).Length;

        Assert.True(lines <= 200, $"README.md has {lines} lines: move the detail into docs/");
    }

    [Theory]
    [InlineData("Differences from the CDK design", "differences-from-the-cdk-design")]
    [InlineData("What `scoped` allows", "what-scoped-allows")]
    [InlineData("The plan's JSON", "the-plans-json")]
    [InlineData("Alerts, logs and the dashboard", "alerts-logs-and-the-dashboard")]
    [InlineData("Stack `dev`: idle cost $19.70 → $70.80 a month (+$51.10)", "stack-dev-idle-cost-1970--7080-a-month-5110")]
    [InlineData("See [Operations](docs/operations.md) first", "see-operations-first")]
    [InlineData("snake_case and Ünïcode", "snake_case-and-ünïcode")]
    public void HeadingAnchor_IsGitHubs(string heading, string anchor)
    {
        Assert.Equal(anchor, MarkdownDocument.Slug(heading));
    }

    [Fact]
    public void RepeatedHeadings_AreNumberedAsGitHubNumbersThem()
    {
        Assert.Equal(
            ["outputs", "outputs-1", "outputs-1-1", "outputs-2", "notes"],
            MarkdownDocument.HeadingAnchors(["Outputs", "Outputs", "Outputs 1", "Outputs", "Notes"]));
    }

    [Fact]
    public void LinksInCode_AreNotLinks_AndLinkTextMayWrap()
    {
        var document = MarkdownDocument.Parse(
            "```sh\necho [a](fenced.md)\n```\n`[b](span.md)` and [wrapped\ntext](real.md#x \"title\")\n\n[ref]: <defined.md>\n"
            + "a lone ` ends no span\n\n[after](after.md) `c`\n");

        Assert.Equal(["real.md#x", "after.md", "defined.md"], document.Links);
    }

    [Fact]
    public void HeadingsInCode_HaveNoAnchor()
    {
        var document = MarkdownDocument.Parse("# Title\n\n```sh\n# a comment\n```\n## Usage ##\n");

        Assert.Equal(["title", "usage"], document.Anchors.Order(StringComparer.Ordinal));
    }

    /// <summary>What is wrong with a relative link, or null when GitHub would follow it.</summary>
    private static string? Problem(string document, string link)
    {
        var (path, anchor) = Resolve(document, link);
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && path != Root)
        {
            return "leaves the repository";
        }

        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return "no such file or directory";
        }

        // Anchors into other files (a code file's #L10) are GitHub's to resolve; only Markdown headings are checked.
        return anchor is not null && path.EndsWith(".md", StringComparison.Ordinal) && !MarkdownDocument.Read(path).Anchors.Contains(anchor)
            ? $"no heading with the anchor #{anchor} in {Path.GetRelativePath(Root, path)}"
            : null;
    }

    /// <summary>The file or directory a relative link names, and its anchor if it has one.</summary>
    private static (string Path, string? Anchor) Resolve(string document, string link)
    {
        var hash = link.IndexOf('#', StringComparison.Ordinal);
        var target = Uri.UnescapeDataString(hash < 0 ? link : link[..hash]);
        var anchor = hash < 0 ? null : Uri.UnescapeDataString(link[(hash + 1)..]);
        var path = target.Length == 0 ? document
            : target.StartsWith('/') ? Path.Combine(Root, target.TrimStart('/'))
            : Path.Combine(Path.GetDirectoryName(document)!, target);
        return (Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar), anchor);
    }

    // A link with a scheme (https:, mailto:) leaves the repository and is not checked here.
    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex External();
}

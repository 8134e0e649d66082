using System.Globalization;
using System.Text.RegularExpressions;

namespace TrainingInfra.Blueprint.Tests.Support;

/// <summary>
/// A Markdown file as far as GitHub's links go: the anchors GitHub gives its headings and the
/// targets of its links, leaving out code (fenced blocks and inline spans), where a bracket is text.
/// </summary>
internal sealed partial class MarkdownDocument
{
    private MarkdownDocument(IReadOnlyList<string> headings, IReadOnlyList<string> links)
    {
        Anchors = HeadingAnchors(headings).ToHashSet(StringComparer.Ordinal);
        Links = links;
    }

    /// <summary>The anchors of the document's headings, numbered where a heading repeats.</summary>
    public IReadOnlySet<string> Anchors { get; }

    /// <summary>Every link target: inline links and images, and reference definitions.</summary>
    public IReadOnlyList<string> Links { get; }

    public static MarkdownDocument Read(string path) => Parse(File.ReadAllText(path));

    public static MarkdownDocument Parse(string markdown)
    {
        var headings = new List<string>();
        var prose = new List<string>();
        var inFence = false;
        foreach (var line in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (Fence().IsMatch(line))
            {
                inFence = !inFence;
            }
            else if (!inFence)
            {
                prose.Add(line);
                if (Heading().Match(line) is { Success: true } heading)
                {
                    headings.Add(heading.Groups["text"].Value);
                }
            }
        }

        // Link text may wrap onto the next line, so links are found in the prose as a whole.
        var text = CodeSpan().Replace(string.Join('\n', prose), "");
        var links = InlineLink().Matches(text).Concat(ReferenceDefinition().Matches(text))
            .Select(m => m.Groups["target"].Value.TrimStart('<').TrimEnd('>'))
            .ToList();
        return new MarkdownDocument(headings, links);
    }

    /// <summary>
    /// The anchors GitHub gives headings in order (as github-slugger does): a heading whose anchor is
    /// taken gets the first free of -1, -2, ... after it.
    /// </summary>
    public static IReadOnlyList<string> HeadingAnchors(IEnumerable<string> headings)
    {
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var anchors = new List<string>();
        foreach (var slug in headings.Select(Slug))
        {
            var anchor = slug;
            while (occurrences.ContainsKey(anchor))
            {
                occurrences[slug]++;
                anchor = slug + "-" + occurrences[slug].ToString(CultureInfo.InvariantCulture);
            }

            occurrences[anchor] = 0;
            anchors.Add(anchor);
        }

        return anchors;
    }

    /// <summary>
    /// A heading's anchor before numbering: the text as rendered (a link by its text), lowercased,
    /// without punctuation or symbols, spaces turned into hyphens.
    /// </summary>
    public static string Slug(string heading)
    {
        var rendered = InlineLink().Replace(heading, "${text}");
        var kept = rendered.ToLowerInvariant().Where(c => c is ' ' or '-' || IsWordCharacter(c)).ToArray();
        return new string(kept).Replace(' ', '-');
    }

    // What a regular expression's \p{Word} holds, which GitHub keeps: letters, marks, numbers, '_'.
    private static bool IsWordCharacter(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        UnicodeCategory.ConnectorPunctuation => true,
        _ => false,
    };

    [GeneratedRegex(@"^ {0,3}(```|~~~)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(?<text>.*?)(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex Heading();

    // A code span ends with a run of as many backticks, within its paragraph: never across a blank line.
    [GeneratedRegex(@"(?<ticks>`+)(?:[^`\n]|\n(?![ \t]*\n))*?\k<ticks>")]
    private static partial Regex CodeSpan();

    // [text](target "title") or ![alt](target); the text may hold one level of brackets.
    [GeneratedRegex(@"!?\[(?<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*(?<target><[^>]*>|[^\s)]+)(?:\s+""[^""]*"")?\s*\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^ {0,3}\[[^\]]+\]:[ \t]*(?<target><[^>]*>|\S+)", RegexOptions.Multiline)]
    private static partial Regex ReferenceDefinition();
}

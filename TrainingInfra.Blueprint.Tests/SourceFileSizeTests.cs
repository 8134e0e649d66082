using System.Globalization;
using TrainingInfra.Blueprint.Tests.Scripts;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>
/// The design's rule that a file fits in one reading: no C# file of the program, the blueprint, the
/// mocks or the plan tool has more than 250 lines. A file that grows past it is split by concern.
/// </summary>
public class SourceFileSizeTests
{
    private const int MaxLines = 250;

    public static TheoryData<string> Projects() =>
        new("TrainingInfra", "TrainingInfra.Blueprint", "TrainingInfra.Mocks", "TrainingInfra.Plan");

    [Theory]
    [MemberData(nameof(Projects))]
    public void SourceFiles_HaveAtMost250Lines(string project)
    {
        var directory = Path.Combine(ScriptSandbox.RepoRoot, project);
        var files = SourceFiles(directory).ToList();
        var tooLong = files
            .Select(path => (Path: Path.GetRelativePath(ScriptSandbox.RepoRoot, path), Lines: File.ReadLines(path).Count()))
            .Where(file => file.Lines > MaxLines)
            .Select(file => string.Create(CultureInfo.InvariantCulture, $"{file.Path}: {file.Lines} lines"))
            .ToList();

        // A moved or renamed project would otherwise pass with nothing checked.
        Assert.NotEmpty(files);
        Assert.True(tooLong.Count == 0,
            $"more than {MaxLines} lines; split by concern:{Environment.NewLine}{string.Join(Environment.NewLine, tooLong)}");
    }

    // Build output (bin/, obj/) holds generated code, which is not read by people.
    private static IEnumerable<string> SourceFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(directory, path)
                .Split(Path.DirectorySeparatorChar)
                .Any(part => part is "bin" or "obj"));
}

namespace TrainingInfra.Blueprint.Naming;

/// <summary>
/// A physical name the platform gives to an AWS resource, with the limit AWS puts on its length.
/// </summary>
/// <param name="Resource">What carries the name, for error messages (e.g. "S3 bucket").</param>
/// <param name="MaxLength">The longest name AWS accepts for it.</param>
/// <param name="Build">The name for a given suffix, at its longest (a 12-digit account id where one is part of it).</param>
public sealed record NameRule(string Resource, int MaxLength, Func<string, string> Build)
{
    /// <summary>The longest suffix whose name still fits.</summary>
    public int MaxSuffixLength => MaxLength - Build("").Length;
}

namespace TrainingInfra.Blueprint.Tests.Scripts;

/// <summary>How a script ended and what it printed.</summary>
internal sealed record ScriptResult(int ExitCode, string StdOut, string StdErr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}";
}

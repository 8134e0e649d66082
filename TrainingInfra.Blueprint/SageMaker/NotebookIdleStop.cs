using System.Globalization;
using System.Text;

namespace TrainingInfra.Blueprint.SageMaker;

/// <summary>
/// The notebook's self-stop: a lifecycle configuration whose OnStart script installs an idle check
/// that stops the instance once no kernel is busy and nothing has happened on it for the
/// configured minutes. SageMaker runs OnStart as root at every start, and fails the start when a
/// script runs longer than five minutes; each script may be at most 16384 characters of base64.
/// Sources: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_NotebookInstanceLifecycleHook.html
/// and https://docs.aws.amazon.com/sagemaker/latest/dg/notebook-lifecycle-config.html (read 2026-12-01).
/// </summary>
public static class NotebookIdleStop
{
    /// <summary>How often the check runs.</summary>
    public const int CheckIntervalMinutes = 5;

    /// <summary>The shortest idle time accepted: two checks after the last activity.</summary>
    public const int MinMinutes = 2 * CheckIntervalMinutes;

    /// <summary>The longest idle time accepted: a day.</summary>
    public const int MaxMinutes = 24 * 60;

    /// <summary>The most base64 characters SageMaker accepts for one lifecycle script.</summary>
    public const int MaxEncodedLength = 16384;

    /// <summary>The actions the check calls on the notebook itself.</summary>
    public static IReadOnlyList<string> SelfActions { get; } = ["sagemaker:StopNotebookInstance", "sagemaker:DescribeNotebookInstance"];

    /// <summary>The OnStart script for an idle time in minutes (at least <see cref="MinMinutes"/>).</summary>
    public static string OnStartScript(int idleMinutes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(idleMinutes, MinMinutes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(idleMinutes, MaxMinutes);
        return Resource("on-start.sh")
            .Replace("@IDLE_MINUTES@", idleMinutes.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@CHECK_INTERVAL@", CheckIntervalMinutes.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@IDLE_CHECK_PY@", IdleCheck.TrimEnd('\n'), StringComparison.Ordinal);
    }

    /// <summary>The OnStart script as SageMaker takes it: base64 of its UTF-8 bytes.</summary>
    public static string OnStartBase64(int idleMinutes) => Convert.ToBase64String(Encoding.UTF8.GetBytes(OnStartScript(idleMinutes)));

    /// <summary>The Python idle check the script installs (standard library only).</summary>
    public static string IdleCheck => Resource("idle-check.py");

    /// <summary>A script of the lifecycle configuration, as embedded in this assembly.</summary>
    internal static string ScriptResource(string file) => Resource(file);

    private static string Resource(string file)
    {
        var assembly = typeof(NotebookIdleStop).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + file, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}

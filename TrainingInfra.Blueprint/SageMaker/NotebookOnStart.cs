using System.Text;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Packages;

namespace TrainingInfra.Blueprint.SageMaker;

/// <summary>
/// The notebook's OnStart script: the idle stop (<see cref="NotebookIdleStop"/>) when it is on, and
/// pip pointed at the stack's package mirror when the stack has one. Neither part may fail the start.
/// </summary>
public static class NotebookOnStart
{
    private const string IdleCheckUnit = "UNIT=training-infra-idle-check";

    private const string Header = "#!/bin/bash\n# TrainingInfra lifecycle configuration (OnStart).\nset -euo pipefail\n";

    /// <summary>Whether the notebook needs a lifecycle configuration at all.</summary>
    public static bool Needed(PlatformSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Notebook.IdleStopMinutes > 0 || settings.PackageMirror;
    }

    /// <summary>The script, or null when <see cref="Needed"/> is false.</summary>
    public static string? Script(PlatformSettings settings, string accountId)
    {
        if (!Needed(settings))
        {
            return null;
        }

        var idle = settings.Notebook.IdleStopMinutes;
        var script = idle > 0 ? NotebookIdleStop.OnStartScript(idle) : Header;
        return settings.PackageMirror ? script + MirrorPart(settings, accountId) : script;
    }

    /// <summary>The script as SageMaker takes it: base64 of its UTF-8 bytes, or null.</summary>
    public static string? Base64(PlatformSettings settings, string accountId) =>
        Script(settings, accountId) is { } script ? Convert.ToBase64String(Encoding.UTF8.GetBytes(script)) : null;

    /// <summary>Whether an OnStart script (base64, as SageMaker takes it) installs the idle check.</summary>
    public static bool StopsWhenIdle(string? onStartBase64)
    {
        if (string.IsNullOrEmpty(onStartBase64))
        {
            return false;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(onStartBase64)).Contains(IdleCheckUnit, StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string MirrorPart(PlatformSettings settings, string accountId)
    {
        var names = settings.Names;
        var indexUrl = PackageMirror.IndexUrl(settings, accountId);
        return NotebookIdleStop.ScriptResource("pip-mirror.sh")
            .Replace("@DOMAIN@", names.PackageDomain, StringComparison.Ordinal)
            .Replace("@REPOSITORY@", names.PackageRepository, StringComparison.Ordinal)
            .Replace("@OWNER@", accountId, StringComparison.Ordinal)
            .Replace("@REGION@", settings.Region.Name, StringComparison.Ordinal)
            .Replace("@INDEX_HOST_PATH@", indexUrl["https://".Length..], StringComparison.Ordinal);
    }
}

using System.Text.RegularExpressions;
using TrainingInfra.Blueprint.SageMaker;

namespace TrainingInfra.Blueprint.Config;

public static partial class SettingsLoader
{
    /// <summary>Notebook instance families the AL2023 notebook platform cannot run.</summary>
    public static IReadOnlyList<string> UnsupportedNotebookFamilies { get; } = ["p2", "p3", "p3dn", "inf1", "g3"];

    private static NotebookSettings ReadNotebook(Reader reader)
    {
        var typeKey = SettingKeys.NotebookInstanceType;
        var instanceType = reader.Text(typeKey);
        var match = NotebookTypePattern().Match(instanceType);
        if (!match.Success)
        {
            reader.Problem(typeKey.Qualified, instanceType, "must be a SageMaker instance type such as ml.t3.medium or ml.m5.xlarge");
        }
        else if (UnsupportedNotebookFamilies.Contains(match.Groups["family"].Value))
        {
            reader.Problem(typeKey.Qualified, instanceType,
                $"the notebook-al2023-v1 platform does not support the {string.Join(", ", UnsupportedNotebookFamilies.Select(f => "ml." + f))} families");
        }

        return new NotebookSettings(
            reader.Boolean(SettingKeys.NotebookEnabled),
            instanceType,
            reader.Integer(SettingKeys.NotebookVolumeSizeGb, min: 5, max: 16384) ?? 0,
            reader.Boolean(SettingKeys.NotebookDirectInternetAccess),
            reader.Boolean(SettingKeys.NotebookRootAccess),
            ReadNotebookAccess(reader),
            ReadIdleStop(reader));
    }

    private static NotebookAccess ReadNotebookAccess(Reader reader)
    {
        var key = SettingKeys.NotebookAccess;
        var text = reader.Text(key);
        var known = Enum.GetValues<NotebookAccess>().ToDictionary(v => v.ToString().ToLowerInvariant(), v => v, StringComparer.Ordinal);
        if (known.TryGetValue(text, out var access))
        {
            return access;
        }

        reader.Problem(key.Qualified, text,
            $"must be one of {string.Join(", ", known.Keys)} (full attaches AmazonSageMakerFullAccess; scoped allows only this stack's training jobs)");
        return NotebookAccess.Full;
    }

    private static int ReadIdleStop(Reader reader)
    {
        var key = SettingKeys.NotebookIdleStopMinutes;
        var minutes = reader.Integer(key, min: 0, max: NotebookIdleStop.MaxMinutes);
        if (minutes is > 0 and < NotebookIdleStop.MinMinutes)
        {
            reader.Problem(key.Qualified, reader.Text(key),
                $"must be 0 (never stop) or {NotebookIdleStop.MinMinutes} to {NotebookIdleStop.MaxMinutes}: the idle check runs every {NotebookIdleStop.CheckIntervalMinutes} minutes, and a notebook that stops within minutes of its start cannot be used");
            return 0;
        }

        return minutes ?? 0;
    }

    [GeneratedRegex("^ml\\.(?<family>[a-z][a-z0-9]*)\\.(medium|large|xlarge|[1-9][0-9]*xlarge)$")]
    private static partial Regex NotebookTypePattern();
}

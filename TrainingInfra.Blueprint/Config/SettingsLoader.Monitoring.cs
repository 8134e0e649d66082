using System.Text.RegularExpressions;
using TrainingInfra.Blueprint.Monitoring;

namespace TrainingInfra.Blueprint.Config;

public static partial class SettingsLoader
{
    private static MonitoringSettings ReadMonitoring(Reader reader)
    {
        return new MonitoringSettings(ReadRetention(reader), ReadEmails(reader));
    }

    private static int ReadRetention(Reader reader)
    {
        var key = SettingKeys.LogRetentionDays;
        var days = reader.Integer(key);
        if (days is { } value && !LogRetention.AcceptedDays.Contains(value))
        {
            reader.Problem(key.Qualified, reader.Text(key),
                $"CloudWatch Logs accepts only {string.Join(", ", LogRetention.AcceptedDays)} days");
        }

        return days ?? 0;
    }

    private static List<string> ReadEmails(Reader reader)
    {
        var key = SettingKeys.AlertEmails;
        var emails = reader.StringArray(key) ?? [];
        foreach (var email in emails.Where(e => !EmailPattern().IsMatch(e)))
        {
            reader.Problem(key.Qualified, email, "each entry must be an e-mail address such as ml-oncall@example.com");
        }

        foreach (var duplicate in emails.GroupBy(e => e, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            reader.Problem(key.Qualified, duplicate.Key, "is listed twice");
        }

        return emails;
    }

    [GeneratedRegex("^[^@\\s,;]+@[^@\\s,;]+\\.[a-zA-Z]{2,}$")]
    private static partial Regex EmailPattern();
}

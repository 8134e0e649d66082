using System.Globalization;
using System.Text.Json;

namespace TrainingInfra.Blueprint.Config;

public static partial class SettingsLoader
{
    /// <summary>Reads typed values, records a problem for each bad one and returns its default in its place.</summary>
    private sealed class Reader(Func<string, string?> lookup)
    {
        public List<ConfigProblem> Problems { get; } = [];

        public void Problem(string key, string? value, string rule) => Problems.Add(new ConfigProblem(key, value, rule));

        public string? Raw(string name) => lookup(name);

        public string Text(SettingKey key) => lookup(key.Name) ?? key.Default;

        public bool Boolean(SettingKey key)
        {
            var text = Text(key);
            if (bool.TryParse(text, out var value))
            {
                return value;
            }

            Problem(key.Qualified, text, "must be true or false");
            return bool.Parse(key.Default);
        }

        /// <summary>The value, or null (with a problem recorded) when it is not a number in range.</summary>
        public int? Integer(SettingKey key, int? min = null, int? max = null)
        {
            var text = Text(key);
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                Problem(key.Qualified, text, "must be a whole number");
                return null;
            }

            if ((min is { } lo && value < lo) || (max is { } hi && value > hi))
            {
                var range = (min, max) switch
                {
                    ({ } l, { } h) => $"must be between {l} and {h}",
                    ({ } l, null) => l == 1 ? "must be a positive number" : $"must be at least {l}",
                    (null, { } h) => $"must be at most {h}",
                    _ => "",
                };
                Problem(key.Qualified, text, range);
                return null;
            }

            return value;
        }

        /// <summary>The list, or null (with a problem recorded) when it is not a list of strings.</summary>
        public List<string>? StringArray(SettingKey key)
        {
            var text = Text(key);
            if (TryParseArray(text, out var items))
            {
                return items;
            }

            Problem(key.Qualified, text, "must be a list of strings (a YAML sequence such as [\"a\", \"b\"])");
            return null;
        }

        private static bool TryParseArray(string text, out List<string> items)
        {
            items = [];
            try
            {
                using var document = JsonDocument.Parse(text);
                if (document.RootElement.ValueKind != JsonValueKind.Array)
                {
                    return false;
                }

                foreach (var element in document.RootElement.EnumerateArray())
                {
                    if (element.ValueKind != JsonValueKind.String)
                    {
                        return false;
                    }

                    items.Add(element.GetString()!);
                }

                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }
}

using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TrainingInfra.Mocks;

/// <summary>
/// The stand-in for the unique tail the provider appends to a name prefix (26 characters:
/// terraform-plugin-sdk helper/id, PrefixedUniqueId). The provider's tail is new for every resource
/// it creates; this one is a digest of what the program asked for, so two runs that ask for the same
/// resource get the same name, and a run that asks for a different one gets a different name, as a
/// replacement would. (An in-place update keeps its name in AWS; the stand-in does not model which
/// changes are updates: it only lets a test see what refers to a resource that changed.)
/// </summary>
internal static class UniqueTail
{
    /// <summary>Length of the provider's tail.</summary>
    public const int Length = 26;

    /// <summary>The tail for a resource's inputs.</summary>
    public static string Of(ImmutableDictionary<string, object> inputs)
    {
        var text = new StringBuilder();
        Write(inputs, text);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(digest)[..Length];
    }

    private static void Write(object? value, StringBuilder text)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                text.Append('"').Append(s).Append('"');
                break;
            case IDictionary dictionary:
                text.Append('{');
                foreach (var key in dictionary.Keys.Cast<object>().Select(k => k.ToString()!).Order(StringComparer.Ordinal))
                {
                    text.Append(key).Append(':');
                    Write(dictionary[key], text);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    Write(item, text);
                    text.Append(',');
                }

                text.Append(']');
                break;
            case IFormattable formattable:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                text.Append(value);
                break;
        }
    }
}

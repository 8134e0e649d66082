namespace TrainingInfra.Blueprint.Monitoring;

/// <summary>
/// What an EventBridge target sends instead of the raw event: an input transformer's variables and
/// the template they are filled into.
/// </summary>
/// <param name="InputPaths">Variable name to the JSON path in the event it is read from.</param>
/// <param name="InputTemplate">
/// The message, as a JSON string literal (quotes included) with <c>&lt;variable&gt;</c> placeholders.
/// </param>
public sealed record AlertMessage(IReadOnlyDictionary<string, string> InputPaths, string InputTemplate);

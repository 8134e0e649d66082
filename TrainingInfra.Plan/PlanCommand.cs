using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Planning;

namespace TrainingInfra.Plan;

/// <summary>
/// <c>dotnet run --project TrainingInfra.Plan -- &lt;stack&gt; [--format text|markdown|json]
/// [--set key=value]... [--compare &lt;plan.json&gt;] [--project-dir &lt;dir&gt;]</c>.
/// Exit codes: 0 a plan or comparison was printed; 2 the stack's config is invalid (the message
/// <c>pulumi up</c> gives, on standard error, and nothing on standard output); 64 the command
/// line or the recorded plan is wrong.
/// </summary>
internal static class PlanCommand
{
    public const int InvalidConfig = 2;
    public const int Usage = 64;

    private const string UsageText =
        "usage: TrainingInfra.Plan <stack> [--format text|markdown|json] [--set key=value]... [--compare <plan.json>] [--project-dir <dir>]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Any(a => a is "-h" or "--help"))
        {
            await stdout.WriteLineAsync(UsageText).ConfigureAwait(false);
            return 0;
        }

        if (Parse(args, workingDirectory, out var problem) is not { } options)
        {
            await stderr.WriteLineAsync($"{problem}\n{UsageText}").ConfigureAwait(false);
            return Usage;
        }

        StackPlan? before = null;
        if (options.Compare is { } recorded)
        {
            try
            {
                before = PlanJson.Read(await File.ReadAllTextAsync(Path.Combine(workingDirectory, recorded)).ConfigureAwait(false));
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException)
            {
                await stderr.WriteLineAsync($"--compare {recorded}: {error.Message}").ConfigureAwait(false);
                return Usage;
            }
        }

        StackPlan plan;
        try
        {
            plan = await StackPlanner.PlanAsync(options.Stack, options.Overrides, options.ProjectDirectory).ConfigureAwait(false);
        }
        catch (Exception error) when (Refusal(error) is { } message)
        {
            // What the Pulumi CLI prints for the program's RunException: the message alone.
            await stderr.WriteLineAsync("error: " + message).ConfigureAwait(false);
            return InvalidConfig;
        }

        await stdout.WriteAsync(before is null
            ? PlanRenderer.Render(plan, options.Format)
            : PlanRenderer.Render(PlanComparison.Between(before, plan), options.Format)).ConfigureAwait(false);
        await stdout.FlushAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// The program's refusal to run, or null for any other failure. The program refuses invalid
    /// config (and a network it may not attach to) with a <see cref="Pulumi.RunException"/>, which
    /// the Pulumi CLI reports by its message alone; the mock runtime passes it on as it is.
    /// </summary>
    private static string? Refusal(Exception? error) => error switch
    {
        null => null,
        Pulumi.RunException run => run.Message,
        InvalidConfigurationException invalid => invalid.Message,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Refusal).FirstOrDefault(m => m is not null),
        _ => Refusal(error.InnerException),
    };

    private static PlanOptions? Parse(IReadOnlyList<string> args, string workingDirectory, out string problem)
    {
        string? stack = null, compare = null, projectDirectory = null;
        var format = PlanFormat.Text;
        var overrides = new List<(string, string)>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value()
            {
                return i + 1 < args.Count ? args[++i] : null;
            }

            switch (arg)
            {
                case "--format":
                    var name = Value();
                    if (!Enum.TryParse(name, ignoreCase: true, out format) || !Enum.IsDefined(format) || int.TryParse(name, out _))
                    {
                        problem = $"--format must be text, markdown or json, not '{name}'";
                        return null;
                    }

                    break;
                case "--set":
                    var pair = Value();
                    var eq = pair?.IndexOf('=', StringComparison.Ordinal) ?? -1;
                    if (pair is null || eq <= 0)
                    {
                        problem = $"--set takes key=value, not '{pair}'";
                        return null;
                    }

                    overrides.Add((pair[..eq], pair[(eq + 1)..]));
                    break;
                case "--compare":
                    compare = Value();
                    if (compare is null)
                    {
                        problem = "--compare takes the path of a plan written with --format json";
                        return null;
                    }

                    break;
                case "--project-dir":
                    projectDirectory = Value();
                    if (projectDirectory is null)
                    {
                        problem = "--project-dir takes a directory";
                        return null;
                    }

                    break;
                default:
                    if (arg.StartsWith('-') || stack is not null)
                    {
                        problem = $"unexpected argument '{arg}'";
                        return null;
                    }

                    stack = arg;
                    break;
            }
        }

        var directory = Path.GetFullPath(Path.Combine(workingDirectory, projectDirectory ?? "."));
        if (stack is null)
        {
            problem = "name the stack to plan (dev, pr, prod, or any stack of the project)";
            return null;
        }

        if (!File.Exists(Path.Combine(directory, "Pulumi.yaml")))
        {
            problem = $"{directory} has no Pulumi.yaml: run from the repository's root or pass --project-dir";
            return null;
        }

        problem = "";
        return new PlanOptions(stack, format, overrides, compare, directory);
    }

    private sealed record PlanOptions(
        string Stack, PlanFormat Format, IReadOnlyList<(string Key, string Value)> Overrides, string? Compare, string ProjectDirectory);
}

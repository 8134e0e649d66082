using System.Text.Json;
using TrainingInfra.Blueprint.Experiments;
using TrainingInfra.Blueprint.Planning;
using static TrainingInfra.Mocks.Guardrails.Scan;

namespace TrainingInfra.Mocks.Guardrails;

/// <summary>
/// What the MLflow App and the model registry promise: the app keeps its artifacts in the stack's
/// own (encrypted, see CKV_AWS_19 and CKV_AWS_145) model bucket and runs as a role of its own, both
/// are tagged like everything else (StackTests), and no identity policy of the stack reaches another
/// stack's app or group.
/// </summary>
public static class ExperimentRules
{
    /// <summary>TI.ML.1: the app's artifact store and role are the stack's own.</summary>
    public static GuardrailRule AppKeepsToItsStack { get; } = new(
        "TI.ML.1", "The MLflow App keeps its artifacts under the stack's model bucket and runs as its own role",
        s => s.Experiments.MlflowApp,
        run => run.OfType(ResourceTypes.MlflowApp),
        run => run.OfType(ResourceTypes.MlflowApp).SelectMany(app => AppProblems(run.Settings.Names, app).Select(p => Finding("TI.ML.1", app, p))));

    /// <summary>TI.ML.2: grants on MLflow Apps and model packages name this stack's app and group only.</summary>
    public static GuardrailRule GrantsReachOnlyThisStack { get; } = new(
        "TI.ML.2", "Identity policies reach this stack's MLflow App and model package group only",
        _ => true,
        run => run.OfType(ResourceTypes.ModelPackageGroup),
        run => IdentityStatements(run).Where(s => s.Effect == "Allow").SelectMany(s => GrantProblems(run.Settings.Names, AppArns(run), s)));

    /// <summary>The ARNs of the run's MLflow Apps, as the stand-in AWS gave them.</summary>
    public static IReadOnlySet<string> AppArns(StackRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.States.Where(s => s.Key.Type == ResourceTypes.MlflowApp).Select(s => (string)s.Value["arn"]).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>What TI.ML.1 finds wrong with an app, judged as the app of the stack named by <paramref name="names"/>.</summary>
    public static IEnumerable<string> AppProblems(Blueprint.Naming.ResourceNames names, Pulumi.Testing.MockResourceArgs app)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(app);
        if (app.Text("artifactStoreUri") is not { } uri || !uri.StartsWith($"s3://model-artifacts-{names.Suffix}-", StringComparison.Ordinal)
            || !uri.EndsWith("/" + MlflowTracking.ArtifactPrefix, StringComparison.Ordinal))
        {
            yield return $"keeps its artifacts at {app.Text("artifactStoreUri")}, outside the stack's model bucket's {MlflowTracking.ArtifactPrefix}";
        }

        if (app.Text("roleArn") is not { } role || !role.EndsWith(":role/" + names.MlflowAppRole, StringComparison.Ordinal))
        {
            yield return $"runs as {app.Text("roleArn")}, not the stack's {names.MlflowAppRole}";
        }
    }

    /// <summary>What TI.ML.2 finds wrong with a statement, judged for the stack named by <paramref name="names"/> with these apps.</summary>
    public static IEnumerable<Finding> GrantProblems(Blueprint.Naming.ResourceNames names, IReadOnlySet<string> appArns, PolicyStatement statement)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(appArns);
        ArgumentNullException.ThrowIfNull(statement);
        foreach (var action in statement.Actions)
        {
            if (action.StartsWith("sagemaker-mlflow:", StringComparison.Ordinal))
            {
                if (!HoldsTo(statement, "aws:ResourceTag/Environment", names.Suffix))
                {
                    yield return new Finding("TI.ML.2", statement.Source, $"allows {action} without holding it to the stack's Environment tag");
                }
            }
            else if (action.StartsWith("sagemaker:", StringComparison.Ordinal) && action.Contains("Mlflow", StringComparison.Ordinal))
            {
                foreach (var resource in statement.Resources.Where(r => !appArns.Contains(r)))
                {
                    yield return new Finding("TI.ML.2", statement.Source, $"allows {action} on {resource}, not the stack's app");
                }
            }
            else if (action.StartsWith("sagemaker:", StringComparison.Ordinal) && action.Contains("ModelPackage", StringComparison.Ordinal)
                && !Waivers.StarResourceActions.ContainsKey(action))
            {
                foreach (var resource in statement.Resources.Where(r => !InThisStacksRegistry(r, names)))
                {
                    yield return new Finding("TI.ML.2", statement.Source, $"allows {action} on {resource}, outside the stack's model registry");
                }
            }
        }
    }

    private static bool InThisStacksRegistry(string resource, Blueprint.Naming.ResourceNames names) =>
        ModelRegistry.ThisStacksPaths(names).Any(path => resource.EndsWith(":" + path, StringComparison.Ordinal));

    private static bool HoldsTo(PolicyStatement statement, string key, string value) =>
        statement.Condition is { } condition
        && condition.TryGetProperty("StringEquals", out var equals)
        && equals.EnumerateObject().Any(k => string.Equals(k.Name, key, StringComparison.OrdinalIgnoreCase)
            && k.Value.ValueKind == JsonValueKind.String && k.Value.GetString() == value);
}

using Pulumi;
using Pulumi.Aws.Iam;
using Pulumi.Aws.Sagemaker;
using TrainingInfra.Blueprint.Experiments;
using TrainingInfra.Blueprint.Safety;
using TrainingInfra.Blueprint.SageMaker;

namespace TrainingInfra.Components;

/// <summary>
/// Where runs are compared and models are chosen: the stack's model package group (its model
/// registry) and, unless switched off, its serverless MLflow App with the role it runs as. On a
/// protected stack all of them are protected and retained on delete, like the buckets: the
/// experiments' history lives in the app, and AWS refuses to delete a group that holds packages.
/// </summary>
public sealed class ExperimentsComponent : ComponentResource
{
    /// <summary>Creates the model registry and the MLflow App.</summary>
    public ExperimentsComponent(string name, ExperimentsComponentArgs args, ComponentResourceOptions? options = null)
        : base("training-infra:components:Experiments", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = args.Settings;
        var names = settings.Names;
        var protection = DataProtection.For(settings);

        // Name and description are both ForceNew (terraform-provider-aws model_package_group.go)
        // and both depend only on the suffix, so the group is never replaced by a config change.
        var group = new ModelPackageGroup("model-package-group", new ModelPackageGroupArgs
        {
            ModelPackageGroupName = names.ModelPackageGroup,
            ModelPackageGroupDescription = ModelRegistry.Description(settings.EnvironmentSuffix),
            Tags = settings.Tags,
        }, protection.Keep(new() { Parent = this }));

        ModelPackageGroupName = group.ModelPackageGroupName;
        ModelPackageGroupArn = group.Arn;

        if (settings.Experiments.MlflowApp)
        {
            var role = PlatformRoles.Create("mlflow-app-role", new RoleArgs
            {
                Name = names.MlflowAppRole,
                Description = "Run as by the stack's MLflow App: its artifact store in the model bucket",
                AssumeRolePolicy = SageMakerPolicies.Trust(),
                Tags = settings.Tags,
            }, settings, args.AccountId, this, protection); // a retained app works only with its role

            var dataKeyArn = OptionalOutput.Of(args.DataKeyArn);
            var access = new RolePolicy("mlflow-app-role-access", new RolePolicyArgs
            {
                Role = role.Name,
                Name = ExperimentPolicies.AppPolicyName,
                Policy = Output.Tuple(args.AccountId, args.ModelBucketArn, dataKeyArn)
                    .Apply(t => ExperimentPolicies.App(settings, t.Item1, t.Item2, t.Item3)),
            }, protection.Keep(new() { Parent = role }));

            // RoleArn is the app's only ForceNew argument (the API has no way to change it), and the
            // role is renamed only with a new suffix, which renames the app too: old and new never
            // share a name, so the new app comes first. CreateMlflowApp checks that SageMaker can
            // assume the role, so the app comes after its policy.
            var appOptions = protection.Keep(new() { Parent = this, DependsOn = access, DeleteBeforeReplace = false });
            var app = new MlflowApp("mlflow-app", new MlflowAppArgs
            {
                Name = names.MlflowApp,
                RoleArn = role.Arn,
                ArtifactStoreUri = args.ModelBucketName.Apply(MlflowTracking.ArtifactStoreUri),
                ModelRegistrationMode = settings.Experiments.ModelRegistrationMode,
                Tags = settings.Tags,
            }, appOptions);
            MlflowAppArn = app.Arn;
        }

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["modelPackageGroupName"] = ModelPackageGroupName,
            ["mlflowAppArn"] = MlflowAppArn,
        });
    }

    /// <summary>The model package group's name.</summary>
    public Output<string> ModelPackageGroupName { get; }

    /// <summary>The model package group's ARN, which TrainingJobConfig's ModelPackageConfig names.</summary>
    public Output<string> ModelPackageGroupArn { get; }

    /// <summary>The MLflow App's ARN (the sagemaker-mlflow plugin's tracking URI), or null when the stack has none.</summary>
    public Output<string>? MlflowAppArn { get; }
}

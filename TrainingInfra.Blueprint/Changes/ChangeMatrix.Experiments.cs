using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Planning;

namespace TrainingInfra.Blueprint.Changes;

public static partial class ChangeMatrix
{
    private const string MlflowAppSource = "terraform-provider-aws internal/service/sagemaker/mlflow_app.go";

    private static IEnumerable<ConfigChange> Experiments() =>
    [
        new(SettingKeys.MlflowApp, ResourceTypes.MlflowApp, ChangeEffect.CreatedOrDeleted,
            "off: the app is deleted with its experiments and runs (their artifacts stay under mlflow/ in the model bucket; a protected stack's `protect` refuses); on: created, which AWS says normally takes 2 to 3 minutes",
            "the program (ExperimentsComponent); https://docs.aws.amazon.com/sagemaker/latest/dg/mlflow-app-create-app-cli.html (read 2026-12-05)"),
        new(SettingKeys.MlflowApp, ResourceTypes.VpcEndpoint, ChangeEffect.CreatedOrDeleted,
            "the sagemaker.mlflow interface endpoint of the stack's network, one network interface per zone; attached stacks need it on their owner's network first",
            "the program (VpcEndpointPlan)"),
        new(SettingKeys.MlflowApp, RolePolicy, ChangeEffect.InPlace,
            "the training and notebook roles' access to the app, and TrainingJobConfig's MlflowConfig, follow; jobs already running keep the configuration they started with",
            "terraform-provider-aws internal/service/iam/role_policy.go (`policy` not ForceNew)"),
        new(SettingKeys.MlflowAutoModelRegistration, ResourceTypes.MlflowApp, ChangeEffect.InPlace,
            "UpdateMlflowApp switches ModelRegistrationMode; the app's role gains or loses the registry statement in place",
            MlflowAppSource + " (`model_registration_mode` updated in place)"),
    ];
}

using TrainingInfra.Blueprint.Aws;

namespace TrainingInfra.Blueprint.Config;

public static partial class SettingsLoader
{
    private static ExperimentSettings ReadExperiments(Reader reader, AwsRegion? region)
    {
        var mode = reader.Choice<AutoOnOff>(SettingKeys.MlflowApp, "auto: on wherever SageMaker offers MLflow Apps; on; off");
        var autoRegistration = reader.Boolean(SettingKeys.MlflowAutoModelRegistration);
        var offered = region is not { Partition: "aws-us-gov" };
        var app = mode == AutoOnOff.On || (mode == AutoOnOff.Auto && offered);

        // "MLflow Apps are generally available in the AWS Regions where SageMaker Studio is
        // available, except China and US GovCloud Regions" (AWS Machine Learning blog, "Scaling
        // MLflow for enterprise AI: What's New in SageMaker AI with MLflow", December 2025, read
        // 2026-12-05). China is not a region this program accepts.
        if (app && !offered)
        {
            reader.Problem(SettingKeys.MlflowApp.Qualified, "on",
                $"cannot be on in {region!.Name}: SageMaker does not offer MLflow Apps in AWS GovCloud (US); use auto or off");
        }

        if (autoRegistration && !app)
        {
            reader.Problem(SettingKeys.MlflowAutoModelRegistration.Qualified, "true",
                $"needs the stack's MLflow App, which {SettingKeys.MlflowApp.Qualified} = {reader.Text(SettingKeys.MlflowApp)} leaves out");
        }

        return new ExperimentSettings(app, autoRegistration);
    }
}

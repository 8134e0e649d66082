using TrainingInfra.Blueprint.Aws;

namespace TrainingInfra.Blueprint.Config;

public static partial class SettingsLoader
{
    private static ExperimentSettings ReadExperiments(Reader reader, AwsRegion? region)
    {
        var app = reader.Boolean(SettingKeys.MlflowApp);
        var autoRegistration = reader.Boolean(SettingKeys.MlflowAutoModelRegistration);

        // "MLflow Apps are generally available in the AWS Regions where SageMaker Studio is
        // available, except China and US GovCloud Regions" (AWS Machine Learning blog, "Scaling
        // MLflow for enterprise AI: What's New in SageMaker AI with MLflow", December 2025, read
        // 2026-12-05). China is not a region this program accepts.
        if (app && region is { Partition: "aws-us-gov" })
        {
            reader.Problem(SettingKeys.MlflowApp.Qualified, "true",
                $"must be false in {region.Name}: SageMaker does not offer MLflow Apps in AWS GovCloud (US)");
        }

        if (autoRegistration && !app)
        {
            reader.Problem(SettingKeys.MlflowAutoModelRegistration.Qualified, "true",
                $"needs {SettingKeys.MlflowApp.Qualified} true: it is a setting of the stack's MLflow App");
        }

        return new ExperimentSettings(app, autoRegistration);
    }
}

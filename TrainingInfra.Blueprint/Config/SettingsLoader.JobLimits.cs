using TrainingInfra.Blueprint.SageMaker;

namespace TrainingInfra.Blueprint.Config;

/// <summary>The limits that the submitter and scoped notebook policies put on the training jobs people start.</summary>
public static partial class SettingsLoader
{
    /// <summary>
    /// SageMaker's own ceiling of ResourceConfig.KeepAlivePeriodInSeconds: 3600 seconds ("Use SageMaker AI
    /// managed warm pools", IAM condition key section, https://docs.aws.amazon.com/sagemaker/latest/dg/train-warm-pools-how-to-use.html,
    /// read 2026-12-05).
    /// </summary>
    public const int SageMakerMaxKeepAliveSeconds = 3600;

    private static TrainingSettings ReadJobLimits(Reader reader, TrainingSettings training)
    {
        var key = SettingKeys.TrainingAllowedInstanceTypes;
        var types = reader.StringArray(key) ?? [];
        foreach (var type in types.Where(t => !TrainingInstanceTypes.IsTrainingType(t)))
        {
            reader.Problem(key.Qualified, type,
                "is not an instance type SageMaker training accepts (ResourceConfig.InstanceType), such as ml.m5.xlarge or ml.g5.xlarge");
        }

        foreach (var duplicate in types.GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            reader.Problem(key.Qualified, duplicate.Key, "is listed twice");
        }

        var keepAlive = reader.Integer(SettingKeys.TrainingMaxKeepAliveSeconds, min: 0, max: SageMakerMaxKeepAliveSeconds);
        return training with
        {
            AllowedInstanceTypes = types.Distinct(StringComparer.Ordinal).ToList(),
            MaxKeepAliveSeconds = keepAlive ?? 0,
        };
    }
}

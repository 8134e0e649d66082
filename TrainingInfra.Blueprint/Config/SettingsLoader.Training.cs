using System.Globalization;
using TrainingInfra.Blueprint.SageMaker;

namespace TrainingInfra.Blueprint.Config;

public static partial class SettingsLoader
{
    /// <summary>The longest SageMaker training run AWS allows: 28 days.</summary>
    public const int SageMakerMaxRuntimeLimit = 28 * 24 * 3600;

    // The most instances the platform lets one training job ask for.
    private const int MaxTrainingInstanceCount = 32;

    private static TrainingSettings ReadTraining(Reader reader, bool immutableTags)
    {
        var runtime = reader.Integer(SettingKeys.TrainingMaxRuntimeSeconds, min: 1, max: SageMakerMaxRuntimeLimit);
        var waitKey = SettingKeys.TrainingMaxWaitSeconds;
        var wait = reader.Integer(waitKey, min: 1);
        if (wait < runtime)
        {
            reader.Problem(waitKey.Qualified, wait?.ToString(CultureInfo.InvariantCulture),
                $"must be at least {SettingKeys.TrainingMaxRuntimeSeconds.Qualified} ({runtime}): SageMaker rejects a spot training job that may wait less than it may run");
        }

        var typeKey = SettingKeys.TrainingInstanceType;
        var instanceType = reader.Text(typeKey);
        if (!TrainingInstanceTypes.IsTrainingType(instanceType))
        {
            var rule = NotebookTypePattern().IsMatch(instanceType)
                ? "is not an instance type SageMaker training accepts (ResourceConfig.InstanceType); see the SageMaker API reference for the list"
                : "must be a SageMaker training instance type such as ml.m5.xlarge or ml.g5.2xlarge";
            reader.Problem(typeKey.Qualified, instanceType, rule);
        }

        // The API has no upper bound; 32 keeps a typo from booking a cluster. A larger job is a
        // deliberate change here, next to the quota increase it needs.
        var count = reader.Integer(SettingKeys.TrainingInstanceCount, min: 1, max: MaxTrainingInstanceCount);

        // 16384 GB is the largest gp2 volume, the EBS type SageMaker gives training instances.
        var volume = reader.Integer(SettingKeys.TrainingVolumeSizeGb, min: 1, max: 16384);

        var tagKey = SettingKeys.TrainingImageTag;
        var tag = reader.Text(tagKey);
        if (!ImageTagPattern().IsMatch(tag))
        {
            reader.Problem(tagKey.Qualified, tag, "must be a Docker image tag: up to 128 letters, digits, _ . -, not starting with . or -");
        }
        else if (immutableTags && tag == LatestTag)
        {
            reader.Problem(tagKey.Qualified, tag,
                $"cannot be {LatestTag} while {SettingKeys.EcrImmutableTags.Qualified} is true: an immutable tag never moves to a newer image; name a version");
        }

        return new TrainingSettings(runtime ?? 0, wait ?? 0, instanceType, count ?? 0, volume ?? 0, tag) { InputMode = ReadInputMode(reader) };
    }

    private static string ReadInputMode(Reader reader)
    {
        var key = SettingKeys.TrainingInputMode;
        var mode = reader.Text(key);
        if (TrainingJobRequest.InputModes.Contains(mode, StringComparer.Ordinal))
        {
            return mode;
        }

        reader.Problem(key.Qualified, mode,
            $"must be one of {string.Join(", ", TrainingJobRequest.InputModes)} (AlgorithmSpecification.TrainingInputMode, case as written)");
        return key.Default;
    }
}

using Pulumi;
using Pulumi.Aws.Iam;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.SageMaker;

namespace TrainingInfra.Components;

/// <summary>The training-job submitter policy: what people and CI attach to start this stack's jobs.</summary>
public sealed partial class SageMakerComponent
{
    /// <summary>
    /// A managed policy, not a role: people, CI roles and groups attach it beside what they already
    /// hold, and the stack does not decide who they are. Its name and description depend only on the
    /// suffix, so a change of limits updates the document in place.
    /// </summary>
    private Output<string> CreateSubmitterPolicy(PlatformSettings settings, Output<string> accountId, Role trainingRole, Output<TrainingJobLimits> limits)
    {
        var policy = new Policy("training-job-submitter", new PolicyArgs
        {
            Name = settings.Names.TrainingJobSubmitterPolicy,
            Description = TrainingJobSubmitter.Description(settings.EnvironmentSuffix),
            PolicyDocument = Output.Tuple(accountId, trainingRole.Arn, limits)
                .Apply(t => TrainingJobSubmitter.Policy(settings, t.Item1, t.Item2, t.Item3)),
            Tags = settings.Tags,
        }, new CustomResourceOptions { Parent = this });

        return policy.Arn;
    }
}

using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Policies;

namespace TrainingInfra.Blueprint.SageMaker;

/// <summary>
/// The managed policy <c>training-job-submitter-{suffix}</c> that people and CI attach to start this
/// stack's training jobs: the job statements of the scoped notebook role (this stack's jobs, within
/// its <see cref="TrainingJobLimits"/>), and handing SageMaker the stack's training role and no
/// other. CreateTrainingJob needs iam:PassRole of the job's role as a dependent action (Service
/// Authorization Reference for SageMaker, as of 2026-12-05).
/// </summary>
public static class TrainingJobSubmitter
{
    /// <summary>The policy's description in IAM.</summary>
    public static string Description(string suffix) =>
        $"Start, watch and stop the training jobs of stack {suffix}: its instance types, network, key and limits, run as its training role";

    /// <summary>The policy document.</summary>
    public static string Policy(PlatformSettings settings, string accountId, string trainingRoleArn, TrainingJobLimits limits) =>
        PolicyDocument.Create(
        [
            .. NotebookSageMakerAccess.JobStatements(settings, accountId, limits),
            SageMakerPolicies.PassTrainingRole("PassOnlyTheTrainingRoleToSageMaker", trainingRoleArn),
            // scripts/register-model.sh: a finished job's model into this stack's group, pending approval.
            .. Experiments.ExperimentPolicies.RegistryStatements(settings, accountId),
        ]);
}

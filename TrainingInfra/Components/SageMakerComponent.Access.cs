using Pulumi;
using Pulumi.Aws.Iam;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Experiments;
using TrainingInfra.Blueprint.SageMaker;

namespace TrainingInfra.Components;

/// <summary>Who may start this stack's jobs: the submitter policy people and CI attach, and the notebook role's SageMaker access.</summary>
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

    /// <summary>
    /// The notebook role's SageMaker permissions: AmazonSageMakerFullAccess (full), or an inline
    /// policy that reaches only this stack's training jobs and the notebook itself (scoped).
    /// Either way the role stays as it is, so switching notebookAccess on a live stack swaps one
    /// attachment or policy for the other in place and neither the role nor the notebook is
    /// replaced.
    /// </summary>
    private static CustomResource CreateNotebookSageMakerAccess(
        PlatformSettings settings, Role role, Output<string> accountId, Output<TrainingJobLimits> limits) =>
        settings.Notebook.Access switch
        {
            NotebookAccess.Scoped => new RolePolicy("notebook-role-sagemaker-scoped", new RolePolicyArgs
            {
                Role = role.Name,
                Name = NotebookSageMakerAccess.PolicyName,
                Policy = Output.Tuple(accountId, limits).Apply(t => NotebookSageMakerAccess.Scoped(settings, t.Item1, t.Item2)),
            }, new CustomResourceOptions { Parent = role }),
            _ => new RolePolicyAttachment("notebook-role-sagemaker-full-access", new RolePolicyAttachmentArgs
            {
                Role = role.Name,
                PolicyArn = settings.Region.ManagedPolicyArn(SageMakerPolicies.NotebookManagedPolicy),
            }, new CustomResourceOptions { Parent = role }),
        };

    /// <summary>
    /// A client role's access to this stack's MLflow App and model registry, in a policy of its own:
    /// switching the app on or off changes this document in place and nothing else of the role.
    /// </summary>
    private static RolePolicy GrantExperiments(string logicalName, Role role, SageMakerComponentArgs args, bool notebook)
    {
        var settings = args.Settings;
        var appArn = OptionalOutput.Of(args.MlflowAppArn);
        return new RolePolicy(logicalName, new RolePolicyArgs
        {
            Role = role.Name,
            Name = ExperimentPolicies.ClientPolicyName,
            Policy = Output.Tuple(args.AccountId, appArn).Apply(t => ExperimentPolicies.Client(settings, t.Item1, t.Item2, notebook)),
        }, new CustomResourceOptions { Parent = role });
    }
}

using TrainingInfra.Blueprint.Aws;
using TrainingInfra.Blueprint.Naming;

namespace TrainingInfra.Blueprint.Monitoring;

/// <summary>The failures the platform alerts on: SageMaker training jobs and Batch jobs.</summary>
public static class FailureAlerts
{
    /// <summary>Failed SageMaker training jobs that ran as the stack's training role.</summary>
    public static FailureAlert TrainingJobs(ResourceNames names, AwsRegion region)
    {
        ArgumentNullException.ThrowIfNull(names);
        return new FailureAlert(
            "training-job-failed",
            "SageMaker training jobs",
            names.TrainingJobFailedRule,
            $"SageMaker training jobs of the training role of stack {names.Suffix} that failed",
            AlertMessages.FailedTrainingJob(region, names.Suffix),
            RuleAlarms.Failures(names.TrainingJobFailuresAlarm, names.TrainingJobFailedRule, $"A SageMaker training job of stack {names.Suffix}"),
            RuleAlarms.UndeliveredAlerts(names.TrainingJobAlertsUndeliveredAlarm, names.TrainingJobFailedRule));
    }

    /// <summary>Failed jobs on the stack's Batch job queue.</summary>
    public static FailureAlert BatchJobs(ResourceNames names, AwsRegion region)
    {
        ArgumentNullException.ThrowIfNull(names);
        return new FailureAlert(
            "batch-job-failed",
            "Batch jobs",
            names.BatchJobFailedRule,
            $"AWS Batch jobs on the job queue of stack {names.Suffix} that failed",
            AlertMessages.FailedBatchJob(region, names.Suffix),
            RuleAlarms.Failures(names.BatchJobFailuresAlarm, names.BatchJobFailedRule, $"An AWS Batch job of stack {names.Suffix}"),
            RuleAlarms.UndeliveredAlerts(names.BatchJobAlertsUndeliveredAlarm, names.BatchJobFailedRule));
    }
}

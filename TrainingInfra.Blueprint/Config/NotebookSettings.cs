namespace TrainingInfra.Blueprint.Config;

/// <summary>The SageMaker notebook instance.</summary>
/// <param name="Enabled">Whether the stack has one.</param>
/// <param name="InstanceType">Its instance type.</param>
/// <param name="VolumeSizeGb">Its storage volume in GB.</param>
/// <param name="DirectInternetAccess">Whether it reaches the internet directly.</param>
/// <param name="RootAccess">Whether its users may become root.</param>
/// <param name="Access">What its role may do in SageMaker.</param>
/// <param name="IdleStopMinutes">Minutes without activity after which it stops itself; 0 never.</param>
public sealed record NotebookSettings(bool Enabled, string InstanceType, int VolumeSizeGb, bool DirectInternetAccess, bool RootAccess, NotebookAccess Access, int IdleStopMinutes);

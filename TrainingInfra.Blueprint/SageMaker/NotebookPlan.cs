using TrainingInfra.Blueprint.Aws;
using TrainingInfra.Blueprint.Config;

namespace TrainingInfra.Blueprint.SageMaker;

/// <summary>How the notebook instance is set up, beyond what its settings say directly.</summary>
public static class NotebookPlan
{
    /// <summary>
    /// The notebook platform. Amazon Linux 2 platforms can no longer be created, and leaving the
    /// field out would let SageMaker pick one.
    /// </summary>
    public const string PlatformIdentifier = "notebook-al2023-v1";

    /// <summary>IMDSv2 only: instance credentials cannot be read through a forged plain GET.</summary>
    public const string MinimumMetadataServiceVersion = "2";

    /// <summary>The CDK design's default code repository.</summary>
    public const string ExamplesRepository = "https://github.com/aws/amazon-sagemaker-examples.git";

    /// <summary>
    /// The value of the notebook's outputs (instance name, role ARN) in a stack without a notebook:
    /// a sentence that names the switch, so that a script reading the output fails with a reason
    /// rather than on an empty string.
    /// </summary>
    public static string AbsentOutput => $"none: {SettingKeys.NotebookEnabled.Name} is false";

    /// <summary>
    /// The code repository cloned when the notebook starts, or null for none. Without direct
    /// internet access the notebook reaches only the VPC, which has no NAT gateway, so a clone
    /// from GitHub would fail and with it the notebook's start.
    /// </summary>
    public static string? DefaultCodeRepository(NotebookSettings notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        return notebook.DirectInternetAccess ? ExamplesRepository : null;
    }

    /// <summary>
    /// The notebook instance's ARN, known before it exists: SageMaker writes the name in lower case
    /// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html, read 2026-12-01).
    /// </summary>
    public static string Arn(AwsRegion region, string accountId, string notebookName)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(notebookName);
        return $"arn:{region.Partition}:sagemaker:{region.Name}:{accountId}:notebook-instance/{notebookName.ToLowerInvariant()}";
    }

    /// <summary>
    /// The OnStart script (base64) that makes the notebook stop itself when idle, or null when
    /// the stack lets it run.
    /// </summary>
    public static string? IdleStopScript(NotebookSettings notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        return notebook.IdleStopMinutes > 0 ? NotebookIdleStop.OnStartBase64(notebook.IdleStopMinutes) : null;
    }

    /// <summary>SageMaker's spelling of a notebook switch.</summary>
    public static string EnabledOrDisabled(bool on) => on ? "Enabled" : "Disabled";

    /// <summary>
    /// The subnet the notebook goes into: the first of the network's host subnets. In a public
    /// network those are the public ones, as in the CDK design, because only there does direct
    /// internet access work without a NAT gateway; in a private network, the isolated ones.
    /// </summary>
    public static string Subnet(IReadOnlyList<string> hostSubnetIds)
    {
        ArgumentNullException.ThrowIfNull(hostSubnetIds);
        return hostSubnetIds.Count > 0
            ? hostSubnetIds[0]
            : throw new ArgumentException("the VPC has no subnet to place the notebook in", nameof(hostSubnetIds));
    }
}

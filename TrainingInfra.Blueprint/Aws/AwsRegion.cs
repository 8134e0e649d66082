using System.Text.RegularExpressions;

namespace TrainingInfra.Blueprint.Aws;

/// <summary>
/// The region a stack deploys to, with the partition its ARNs use. The partition follows from the
/// region's name, so policies and managed-policy ARNs are decided here without a call to AWS.
/// </summary>
/// <param name="Name">The region code, e.g. <c>us-east-1</c>.</param>
/// <param name="Partition">The ARN partition: <c>aws</c> or <c>aws-us-gov</c>.</param>
public sealed partial record AwsRegion(string Name, string Partition)
{
    /// <summary>
    /// Validates a region code. China regions are rejected: their VPC endpoint service names and
    /// several service principals differ from every other partition's, and nothing here handles that.
    /// </summary>
    public static AwsRegion? TryParse(string? name, out string? rule)
    {
        rule = null;
        if (string.IsNullOrEmpty(name))
        {
            rule = "must be set in the stack file (for example aws:region: us-east-1): endpoint names and ARNs are decided from it";
            return null;
        }

        if (name.StartsWith("cn-", StringComparison.Ordinal))
        {
            rule = "China regions (aws-cn partition) are not supported: their endpoint service names and service principals differ";
            return null;
        }

        if (!RegionPattern().IsMatch(name))
        {
            rule = "must be an AWS region code such as us-east-1, eu-west-2 or us-gov-west-1";
            return null;
        }

        return new AwsRegion(name, name.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov" : "aws");
    }

    /// <summary>
    /// The name of a regional AWS service for VPC endpoints, e.g. <c>com.amazonaws.us-east-1.s3</c>.
    /// SageMaker publishes some services under its own namespace instead: <c>sagemaker.mlflow</c>
    /// is <c>aws.sagemaker.{region}.mlflow</c>, the MLflow Apps' service ("For an MLflow App, specify
    /// aws.sagemaker.{AWS Region}.mlflow as the service name",
    /// https://docs.aws.amazon.com/sagemaker/latest/dg/mlflow-interface-endpoint-create.html, read 2026-12-05).
    /// </summary>
    public string EndpointServiceName(string service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return SageMakerNamespaced.Contains(service)
            ? $"aws.sagemaker.{Name}.{service["sagemaker.".Length..]}"
            : $"com.amazonaws.{Name}.{service}";
    }

    /// <summary>The short name of an endpoint service name that <see cref="EndpointServiceName"/> gives, in any region.</summary>
    public static string EndpointShortName(string serviceName)
    {
        ArgumentNullException.ThrowIfNull(serviceName);
        var parts = serviceName.Split('.', 4);
        if (parts.Length < 4)
        {
            return serviceName;
        }

        return parts[0] == "aws" && parts[1] == "sagemaker" ? $"sagemaker.{parts[3]}" : parts[3];
    }

    private static readonly HashSet<string> SageMakerNamespaced = new(StringComparer.Ordinal) { "sagemaker.mlflow" };

    /// <summary>The ARN of an AWS managed IAM policy, e.g. <c>arn:aws:iam::aws:policy/AmazonSageMakerFullAccess</c>.</summary>
    public string ManagedPolicyArn(string pathAndName) => $"arn:{Partition}:iam::aws:policy/{pathAndName}";

    [GeneratedRegex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]{1,2}$")]
    private static partial Regex RegionPattern();
}

namespace TrainingInfra.Blueprint.Network;

/// <summary>
/// The interface endpoint services a stack may ask for by name (<c>interfaceEndpointServices</c>):
/// AWS PrivateLink services with an endpoint in every commercial region, by the short name that
/// follows <c>com.amazonaws.{region}.</c> (or, for <c>sagemaker.mlflow</c>, the name
/// <see cref="Aws.AwsRegion.EndpointServiceName"/> gives it). The list guards against typos; a service that AWS has
/// not yet brought to a region would still fail at <c>pulumi up</c>, with AWS's own message.
/// Source: "AWS services that integrate with AWS PrivateLink",
/// https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html (read 2026-12-01).
/// </summary>
public static class InterfaceEndpointCatalog
{
    /// <summary>Every service name accepted, in alphabetical order.</summary>
    public static IReadOnlyList<string> Services { get; } =
    [
        "athena", "autoscaling", "batch", "cloudformation", "codeartifact.api", "codeartifact.repositories",
        "ec2", "ec2messages", "ecr.api", "ecr.dkr", "ecs", "ecs-agent", "ecs-telemetry", "elasticfilesystem",
        "elasticloadbalancing", "events", "execute-api", "glue", "kinesis-firehose", "kinesis-streams", "kms",
        "lambda", "logs", "monitoring", "sagemaker.api", "sagemaker.mlflow", "sagemaker.runtime", "secretsmanager", "sns", "sqs",
        "ssm", "ssmmessages", "states", "sts",
    ];

    /// <summary>Whether a short service name is one of <see cref="Services"/>.</summary>
    public static bool IsKnown(string service) => Services.Contains(service, StringComparer.Ordinal);

    /// <summary>The known name a mistyped one most likely meant, or null.</summary>
    public static string? Suggest(string service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var trimmed = service.Trim().ToLowerInvariant();
        var lastDot = trimmed.StartsWith("com.amazonaws.", StringComparison.Ordinal) ? trimmed.Split('.', 4) : null;
        if (lastDot is { Length: 4 } && IsKnown(lastDot[3]))
        {
            return lastDot[3];
        }

        if (IsKnown(trimmed))
        {
            return trimmed;
        }

        var dashed = trimmed.Replace('-', '.');
        return Services.FirstOrDefault(s => s == dashed || s.Replace('-', '.') == dashed);
    }
}

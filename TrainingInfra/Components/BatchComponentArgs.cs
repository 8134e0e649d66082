using System.Collections.Immutable;
using Pulumi;
using TrainingInfra.Blueprint.Config;

namespace TrainingInfra.Components;

/// <summary>What the Batch part needs from the network and storage.</summary>
public sealed class BatchComponentArgs
{
    /// <summary>The validated settings of the stack.</summary>
    public required PlatformSettings Settings { get; init; }

    /// <summary>The AWS account the stack deploys to (the roles' permissions boundary is in it).</summary>
    public required Output<string> AccountId { get; init; }

    /// <summary>The VPC the compute environment runs in.</summary>
    public required Output<string> VpcId { get; init; }

    /// <summary>Public subnets, where the instances run (there is no NAT gateway).</summary>
    public required Output<ImmutableArray<string>> PublicSubnetIds { get; init; }

    /// <summary>ARN of the model-artifacts bucket, which jobs read and write.</summary>
    public required Output<string> ModelBucketArn { get; init; }

    /// <summary>URL of the repository; the job's image is this URL with the configured tag.</summary>
    public required Output<string> RepositoryUrl { get; init; }

    /// <summary>The stack's customer-managed data key, when it has one: the job role needs it for the model bucket's objects.</summary>
    public Output<string>? DataKeyArn { get; init; }
}

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

    /// <summary>
    /// Where the instances run: the public subnets (there is no NAT gateway, so they need public
    /// addresses), or in a private network the isolated subnets, which reach AWS through endpoints.
    /// </summary>
    public required Output<ImmutableArray<string>> HostSubnetIds { get; init; }

    /// <summary>ARN of the model-artifacts bucket, which jobs read and write.</summary>
    public required Output<string> ModelBucketArn { get; init; }

    /// <summary>URL of the repository; the job's image is this URL with the configured tag.</summary>
    public required Output<string> RepositoryUrl { get; init; }

    /// <summary>The stack's customer-managed data key, when it has one: the job role needs it for the model bucket's objects.</summary>
    public Output<string>? DataKeyArn { get; init; }

    /// <summary>The stack's package mirror, when it has one: the job role reads it, and the job definition names it for the container.</summary>
    public PackageMirrorArns? PackageMirror { get; init; }
}

using System.Collections.Immutable;
using Pulumi;
using TrainingInfra.Blueprint.Config;

namespace TrainingInfra.Components;

/// <summary>What the SageMaker part needs from the network and storage.</summary>
public sealed class SageMakerComponentArgs
{
    /// <summary>The validated settings of the stack.</summary>
    public required PlatformSettings Settings { get; init; }

    /// <summary>The AWS account the stack deploys to (training-log ARNs name it).</summary>
    public required Output<string> AccountId { get; init; }

    /// <summary>The VPC the notebook and training jobs run in.</summary>
    public required Output<string> VpcId { get; init; }

    /// <summary>The notebook goes into the first of these: a public subnet, or in a private network an isolated one.</summary>
    public required Output<ImmutableArray<string>> HostSubnetIds { get; init; }

    /// <summary>Isolated subnets; training jobs run there.</summary>
    public required Output<ImmutableArray<string>> IsolatedSubnetIds { get; init; }

    /// <summary>ARN of the dataset bucket.</summary>
    public required Output<string> DatasetBucketArn { get; init; }

    /// <summary>ARN of the model-artifacts bucket.</summary>
    public required Output<string> ModelBucketArn { get; init; }

    /// <summary>Name of the model-artifacts bucket (training output and checkpoints go there).</summary>
    public required Output<string> ModelBucketName { get; init; }

    /// <summary>ARN of the training-container repository.</summary>
    public required Output<string> RepositoryArn { get; init; }

    /// <summary>Name of the dataset bucket (the training channel reads from it).</summary>
    public required Output<string> DatasetBucketName { get; init; }

    /// <summary>URL of the training-container repository, without a tag (the training image comes from it).</summary>
    public required Output<string> RepositoryUrl { get; init; }

    /// <summary>The stack's customer-managed data key, when it has one: the notebook volume is encrypted with it, and the roles need it for the buckets' objects.</summary>
    public Output<string>? DataKeyArn { get; init; }

    /// <summary>The stack's package mirror, when it has one: the notebook role reads it, and the notebook's pip is pointed at it at every start.</summary>
    public PackageMirrorArns? PackageMirror { get; init; }

    /// <summary>The stack's MLflow App, or null when it has none.</summary>
    public Output<string>? MlflowAppArn { get; init; }

    /// <summary>The stack's model package group.</summary>
    public required Output<string> ModelPackageGroupArn { get; init; }
}

namespace TrainingInfra.Blueprint.SageMaker;

/// <summary>
/// The instance types a SageMaker training job accepts, and which of them bring their own local
/// storage. Both lists are facts about AWS and are dated: SageMaker adds types over time.
/// </summary>
public static class TrainingInstanceTypes
{
    // The valid values of ResourceConfig.InstanceType (the TrainingInstanceType enumeration) in the
    // SageMaker API reference, https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ResourceConfig.html,
    // as published in the SageMaker service model of botocore (boto/botocore, data/sagemaker/2017-07-24,
    // commit of 2026-08-07), read 2026-12-01. Per family, its sizes.
    private static readonly (string Family, string[] Sizes)[] Families =
    [
        ("m4", ["xlarge", "2xlarge", "4xlarge", "10xlarge", "16xlarge"]),
        ("m5", ["large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge"]),
        ("m6i", ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge"]),
        ("m7i", ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"]),
        ("c4", ["xlarge", "2xlarge", "4xlarge", "8xlarge"]),
        ("c5", ["xlarge", "2xlarge", "4xlarge", "9xlarge", "18xlarge"]),
        ("c5n", ["xlarge", "2xlarge", "4xlarge", "9xlarge", "18xlarge"]),
        ("c6i", ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge"]),
        ("c7i", ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"]),
        ("r5", ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"]),
        ("r5d", ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"]),
        ("r7i", ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"]),
        ("t3", ["medium", "large", "xlarge", "2xlarge"]),
        ("g4dn", ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"]),
        ("g5", ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"]),
        ("g6", ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"]),
        ("g6e", ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"]),
        ("g7", ["2xlarge", "4xlarge", "8xlarge", "12xlarge", "24xlarge", "48xlarge"]),
        ("g7e", ["2xlarge", "4xlarge", "8xlarge", "12xlarge", "24xlarge", "48xlarge"]),
        ("p2", ["xlarge", "8xlarge", "16xlarge"]),
        ("p3", ["2xlarge", "8xlarge", "16xlarge"]),
        ("p3dn", ["24xlarge"]),
        ("p4d", ["24xlarge"]),
        ("p4de", ["24xlarge"]),
        ("p5", ["4xlarge", "48xlarge"]),
        ("p5e", ["48xlarge"]),
        ("p5en", ["48xlarge"]),
        ("p6-b200", ["48xlarge"]),
        ("p6-b300", ["48xlarge"]),
        ("p6e-gb200", ["36xlarge"]),
        ("trn1", ["2xlarge", "32xlarge"]),
        ("trn1n", ["32xlarge"]),
        ("trn2", ["48xlarge"]),
    ];

    // Families whose instances come with NVMe instance-store volumes. SageMaker trains on those
    // instead of an EBS volume, so VolumeSizeInGB does not apply, and CreateTrainingJob refuses a
    // VolumeKmsKeyId for them ("You can't request a VolumeKmsKeyId when using an instance type with
    // local storage": ResourceConfig in the SageMaker API reference, read 2026-12-01; the families
    // with instance store are listed in the EC2 instance-types specifications,
    // https://docs.aws.amazon.com/ec2/latest/instancetypes/). g7 and g7e could not be checked here
    // and are counted as local storage: leaving the key out never stops a job from starting (the
    // volume is then encrypted by the instance or by the AWS-managed key), naming it wrongly does.
    private static readonly HashSet<string> LocalStorageFamilies = new(StringComparer.Ordinal)
    {
        "r5d", "g4dn", "g5", "g6", "g6e", "g7", "g7e", "p3dn", "p4d", "p4de", "p5", "p5e", "p5en",
        "p6-b200", "p6-b300", "p6e-gb200", "trn1", "trn1n", "trn2",
    };

    /// <summary>Every type CreateTrainingJob accepts, e.g. <c>ml.m5.xlarge</c>.</summary>
    public static IReadOnlyList<string> All { get; } =
        Families.SelectMany(f => f.Sizes.Select(size => $"ml.{f.Family}.{size}")).ToList();

    /// <summary>Whether SageMaker accepts the type for training.</summary>
    public static bool IsTrainingType(string instanceType) => All.Contains(instanceType, StringComparer.Ordinal);

    /// <summary>
    /// Whether the type trains on local NVMe storage, for which the request may not name a volume key.
    /// </summary>
    public static bool HasLocalStorage(string instanceType)
    {
        ArgumentNullException.ThrowIfNull(instanceType);
        var parts = instanceType.Split('.');
        return parts.Length == 3 && LocalStorageFamilies.Contains(parts[1]);
    }
}

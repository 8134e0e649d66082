namespace TrainingInfra.Blueprint.Network;

/// <summary>The CDK design's output format for subnet ids, which scripts already parse.</summary>
public static class SubnetIdList
{
    /// <summary>Subnet ids joined by commas, without spaces: <c>subnet-1,subnet-2</c>.</summary>
    public static string Join(IEnumerable<string> subnetIds) => string.Join(",", subnetIds);
}

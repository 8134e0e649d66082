using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Naming;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

public class SettingsValidationTests
{
    public static TheoryData<string, string, string> BadInputs() => new()
    {
        // key, bad value, a word the rule must contain
        { "environmentSuffix", "Dev", "lowercase" },
        { "environmentSuffix", "dev_1", "lowercase" },
        { "environmentSuffix", "-dev", "starting and ending" },
        { "environmentSuffix", "dev-", "starting and ending" },
        { "environmentSuffix", new string('a', 40), "at most" },
        { "protected", "yes", "true or false" },
        { "tags", "CostCenter=1", "list of strings" },
        { "tags", "[\"CostCenter\"]", "Key=Value" },
        { "tags", "[\"Environment=prod\"]", "cannot be overridden" },
        { "tags", "[\"Name=my-vpc\"]", "cannot be overridden" },
        { "tags", "[" + string.Join(",", Enumerable.Range(0, 46).Select(i => $"\"T{i}=v\"")) + "]", "extra tags fit" },
        { "tags", "[\"aws:owner=me\"]", "reserved by AWS" },
        { "tags", "[\"Team=a\",\"Team=b\"]", "twice" },
        { "tags", "[\"Team=a#b\"]", "letters, digits" },
        { "iamPermissionsBoundary", "arn:aws:iam::111122223333:policy/boundary", "customer-managed IAM policy" },
        { "vpcCidr", "10.220.0.0", "IPv4 CIDR" },
        { "vpcCidr", "10.300.0.0/16", "IPv4 CIDR" },
        { "vpcCidr", "10.220.0.1/16", "host bits" },
        { "vpcCidr", "10.0.0.0/8", "/16 to /24" },
        { "vpcCidr", "10.220.0.0/26", "/16 to /24" },
        { "availabilityZones", "0", "between 1 and 6" },
        { "availabilityZones", "7", "between 1 and 6" },
        { "availabilityZones", "two", "whole number" },
        { "subnetCidrMask", "29", "between 16 and 28" },
        { "subnetCidrMask", "16", "do not fit" },
        { "networkStack", "dev", "its own network" },
        { "networkStack", "org/dev", "stack name" },
        { "networkStack", "dev network", "stack name" },
        { "networkStack", "acme/other-project/dev", "this project" },
        { "networkMode", "Private", "one of public, private" },
        { "networkMode", "none", "one of public, private" },
        { "packageMirror", "true", "one of auto, on, off" },
        { "packageMirror", "On", "one of auto, on, off" },
        { "mlflowApp", "true", "one of auto, on, off" },
        { "mlflowAutoModelRegistration", "yes", "true or false" },
        { "interfaceEndpointServices", "[\"secrets-manager\"]", "not an interface endpoint service" },
        { "interfaceEndpointServices", "[\"com.amazonaws.us-east-1.sts\"]", "did you mean sts" },
        { "interfaceEndpointServices", "[\"sts\",\"sts\"]", "twice" },
        { "interfaceEndpointServices", "sts", "list of strings" },
        { "interfaceEndpointZones", "0", "1 to 2" },
        { "interfaceEndpointZones", "3", "1 to 2" },
        { "interfaceEndpointZones", "some", "all or a number" },
        { "notebookIdleStopMinutes", "-1", "between 0 and 1440" },
        { "notebookIdleStopMinutes", "5", "0 (never stop)" },
        { "notebookIdleStopMinutes", "1441", "between 0 and 1440" },
        { "interfaceEndpoints", "false", "was removed" },
        { "modelArchiveDays", "0", "positive" },
        { "modelArchiveDays", "-30", "positive" },
        { "ecrMaxImageCount", "0", "positive" },
        { "noncurrentVersionDays", "0", "positive" },
        { "notebookInstanceType", "t3.medium", "SageMaker instance type" },
        { "notebookInstanceType", "ml.t3", "SageMaker instance type" },
        { "notebookInstanceType", "ml.p3.2xlarge", "notebook-al2023-v1" },
        { "trainingMaxRuntimeSeconds", "0", "between 1 and" },
        { "trainingMaxRuntimeSeconds", "2419201", "between 1 and" },
        { "trainingMaxWaitSeconds", "3600", "at least" },
        { "trainingInstanceType", "m5.xlarge", "SageMaker training instance type" },
        { "trainingInstanceType", "ml.m5.3xlarge", "SageMaker training accepts" },
        { "trainingInstanceType", "ml.t2.medium", "SageMaker training accepts" },
        { "trainingInstanceCount", "0", "between 1 and 32" },
        { "trainingInstanceCount", "33", "between 1 and 32" },
        { "trainingVolumeSizeGb", "0", "between 1 and 16384" },
        { "trainingVolumeSizeGb", "16385", "between 1 and 16384" },
        { "trainingImageTag", "-latest", "Docker image tag" },
        { "trainingAllowedInstanceTypes", "[\"ml.p9.huge\"]", "SageMaker training accepts" },
        { "trainingMaxKeepAliveSeconds", "-1", "between 0 and 3600" },
        { "budgetMonthlyUsd", "-5", "between 0 and 1000000" },
        { "trainingInputMode", "fastfile", "one of File, FastFile, Pipe" },
        { "batchInstanceTypes", "[]", "at least one" },
        { "batchInstanceTypes", "[\"m5 large\"]", "EC2 instance type" },
        { "batchInstanceTypes", "[\"m5.large\"]", "RUNNABLE forever" },
        { "batchMinVcpus", "-1", "at least 0" },
        { "batchMinVcpus", "512", "at least" },
        { "batchMaxVcpus", "0", "positive" },
        { "batchMaxVcpus", "2", "more vCPUs" },
        { "batchBidPercentage", "0", "between 1 and 100" },
        { "batchBidPercentage", "101", "between 1 and 100" },
        { "jobMemoryMiB", "0", "at least 4" },
        { "jobMemoryMiB", "16384", "RUNNABLE forever" },
        { "jobVcpus", "0", "positive" },
        { "jobAttempts", "0", "between 1 and 10" },
        { "jobAttempts", "11", "between 1 and 10" },
        { "jobTimeoutSeconds", "59", "at least 60" },
        { "logRetentionDays", "31", "CloudWatch Logs accepts" },
        { "logRetentionDays", "0", "CloudWatch Logs accepts" },
        { "vcpCidr", "10.0.0.0/16", "not a key" },
        { "notebookEnabled", "maybe", "true or false" },
        { "notebookVolumeSizeGb", "4", "between 5 and 16384" },
        { "notebookDirectInternetAccess", "enabled", "true or false" },
        { "notebookRootAccess", "Disabled", "true or false" },
        { "batchAllocationStrategy", "LOWEST_PRICE", "must be one of" },
        { "jobImageTag", "-latest", "Docker image tag" },
        { "jobImageTag", "v1:2", "Docker image tag" },
        { "alertEmails", "[\"oncall\"]", "e-mail address" },
        { "alertEmails", "[\"a@example.com\",\"A@example.com\"]", "twice" },
        { "alertEmails", "oncall@example.com", "list of strings" },
        { "vpcFlowLogs", "on", "true or false" },
        { "ecrImmutableTags", "immutable", "true or false" },
        { "customerManagedKey", "kms", "true or false" },
        { "bucketAccessLogs", "enabled", "true or false" },
        { "accessLogRetentionDays", "0", "between 1 and 3650" },
        { "accessLogRetentionDays", "3651", "between 1 and 3650" },
        { "replicaRegion", "us-east-9", "not an AWS region this program knows" },
        { "replicaRegion", "Europe", "region code" },
        { "replicaRegion", "us-east-1", "the stack's own region" },
        { "replicaRegion", "us-gov-west-1", "partition" },
        { "replicaRegion", "cn-north-1", "China" },
        { "notebookAccess", "readonly", "must be one of full, scoped" },
        { "notebookAccess", "Scoped", "must be one of full, scoped" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadValue_IsRejectedWithItsKeyValueAndRule(string key, string value, string ruleWord)
    {
        var problems = Configs.Problems((key, value));

        // A rule that ties two keys together is reported on one and names the other.
        Assert.Contains(problems, p =>
            (p.Key == $"training-infra:{key}" || p.Rule.Contains($"training-infra:{key}", StringComparison.Ordinal))
            && p.Rule.Contains(ruleWord, StringComparison.OrdinalIgnoreCase));
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Rule)));
        var message = new InvalidConfigurationException(problems).Message;
        Assert.Contains("training-infra:", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AttachedStack_RefusesNetworkShapeKeys_ItWouldSilentlyIgnore()
    {
        var problems = Configs.Problems("pr7", Configs.Region,
            ("networkStack", "dev"), ("vpcCidr", "10.9.0.0/16"), ("vpcFlowLogs", "true"), ("availabilityZones", "2"));

        Assert.Equal(["training-infra:vpcCidr", "training-infra:vpcFlowLogs"], problems.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(problems, p => Assert.Contains("'dev'", p.Rule, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("acme/training-infra/dev")]
    public void AttachedStack_NamesTheNetworkOwner(string owner)
    {
        var network = Configs.Load("pr7", Configs.Region, ("networkStack", owner)).Network;

        Assert.Equal(owner, network.NetworkStack);
        Assert.False(network.OwnsNetwork);
    }

    [Fact]
    public void StackWithoutNetworkStack_OwnsItsNetwork()
    {
        Assert.True(Configs.Load().Network.OwnsNetwork);
    }

    [Fact]
    public void EveryKey_HasAtLeastOneRejectedValueAbove()
    {
        var covered = BadInputs().Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);

        Assert.All(SettingKeys.All, key => Assert.Contains(key.Name, covered));
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce()
    {
        var problems = Configs.Problems(
            ("vpcCidr", "not-a-cidr"),
            ("batchBidPercentage", "150"),
            ("logRetentionDays", "31"),
            ("environmentSuffix", "UPPER"));

        Assert.Equal(
            ["training-infra:batchBidPercentage", "training-infra:environmentSuffix", "training-infra:logRetentionDays", "training-infra:vpcCidr"],
            problems.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ErrorMessage_NamesKeyValueAndRuleOnOneLineEach()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() =>
            Configs.Load(("batchMinVcpus", "300"), ("batchMaxVcpus", "256")));

        var line = Assert.Single(error.Message.Split(Environment.NewLine), l => l.Contains("batchMaxVcpus", StringComparison.Ordinal));
        Assert.Contains("'256'", line, StringComparison.Ordinal);
        Assert.Contains("training-infra:batchMinVcpus (300)", line, StringComparison.Ordinal);
        Assert.Contains("nothing was created", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKey_SuggestsTheKeyItResembles()
    {
        var problem = Assert.Single(Configs.Problems(("VpcCidr", "10.0.0.0/16")));

        Assert.Equal("training-infra:VpcCidr", problem.Key);
        Assert.Contains("did you mean training-infra:vpcCidr", problem.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("us-east")]
    [InlineData("cn-north-1")]
    [InlineData("US-EAST-1")]
    public void Region_MustBeAnAwsRegionOutsideChina(string? region)
    {
        var problem = Assert.Single(Configs.Problems("dev", region));

        Assert.Equal("aws:region", problem.Key);
    }

    [Fact]
    public void InvalidStackName_IsReportedAgainstTheSuffixKey_WithTheStackNameAsOrigin()
    {
        var problem = Assert.Single(Configs.Problems("Feature_X", Configs.Region));

        Assert.Equal("training-infra:environmentSuffix", problem.Key);
        Assert.Equal("Feature_X", problem.Value);
        Assert.Contains("defaults to the stack name", problem.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void LongestAcceptedSuffix_KeepsEveryPhysicalNameWithinItsAwsLimit()
    {
        var longest = new string('a', ResourceNames.TightestRule.MaxSuffixLength);
        var names = Configs.Load(("environmentSuffix", longest)).Names;

        Assert.True(names.DatasetBucket("123456789012").Length <= 63);
        Assert.True(names.ModelBucket("123456789012").Length <= 63);
        Assert.True(names.Notebook.Length <= 63);
        Assert.All(ResourceNames.Rules, rule => Assert.True(rule.Build(longest).Length <= rule.MaxLength, rule.Resource));
    }

    [Fact]
    public void SuffixOneCharacterTooLong_IsRejectedNamingTheBucketLimit()
    {
        var tooLong = new string('a', ResourceNames.TightestRule.MaxSuffixLength + 1);

        var problem = Assert.Single(Configs.Problems(("environmentSuffix", tooLong)));

        Assert.Contains("S3 bucket", problem.Rule, StringComparison.Ordinal);
        Assert.Contains("63", problem.Rule, StringComparison.Ordinal);
        Assert.True($"training-datasets-{tooLong}-123456789012".Length > 63);
    }

    [Fact]
    public void SubnetsThatDoNotFit_AreRejectedWithAFittingMaskSuggested()
    {
        var problem = Assert.Single(Configs.Problems(("vpcCidr", "10.220.0.0/22"), ("availabilityZones", "3")));

        Assert.Equal("training-infra:subnetCidrMask", problem.Key);
        Assert.Contains("/25", problem.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.220.0.0/16", 6, 24)]
    [InlineData("10.220.0.0/23", 2, 25)]
    [InlineData("10.220.0.0/24", 1, 25)]
    public void SubnetsThatFit_AreAccepted(string cidr, int zones, int mask)
    {
        var settings = Configs.Load(("vpcCidr", cidr), ("availabilityZones", $"{zones}"), ("subnetCidrMask", $"{mask}"));

        Assert.Equal(cidr, settings.Network.VpcCidr.ToString());
    }

    [Fact]
    public void WaitEqualToRuntime_IsAccepted()
    {
        var settings = Configs.Load(("trainingMaxRuntimeSeconds", "7200"), ("trainingMaxWaitSeconds", "7200"));

        Assert.Equal(settings.Training.MaxRuntimeSeconds, settings.Training.MaxWaitSeconds);
    }

    [Fact]
    public void UnknownInstanceFamilies_AreNotJudgedBySize()
    {
        var settings = Configs.Load(("batchInstanceTypes", "[\"optimal\",\"g5\"]"), ("jobVcpus", "64"));

        Assert.Equal(["optimal", "g5"], settings.Batch.InstanceTypes);
    }

    [Fact]
    public void LatestTrainingImage_IsRefused_WhenTagsAreImmutable()
    {
        var problem = Assert.Single(Configs.Problems(("ecrImmutableTags", "true"), ("jobImageTag", "v1"), ("trainingImageTag", "latest")));

        Assert.Equal("training-infra:trainingImageTag", problem.Key);
        Assert.Contains("immutable", problem.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ml.m5.xlarge")]
    [InlineData("ml.g5.48xlarge")]
    [InlineData("ml.p6-b200.48xlarge")]
    [InlineData("ml.trn1n.32xlarge")]
    public void TrainingInstanceTypesSageMakerAccepts_AreAccepted(string instanceType)
    {
        Assert.Equal(instanceType, Configs.Load(("trainingInstanceType", instanceType)).Training.InstanceType);
    }
}

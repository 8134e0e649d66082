using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>
/// The condition operators and statement elements that the delivery policies (docs/policies) use
/// answer as the IAM User Guide says they do, including on a missing key, which is where negated
/// operators and set operators differ from the plain ones.
/// </summary>
public class PolicyEvaluatorOperatorTests
{
    private static string Policy(string effect, string condition, string action = "\"ec2:CreateTags\"", string resource = "\"Resource\": \"*\"") =>
        $$"""{ "Version": "2012-10-17", "Statement": [ { "Effect": "{{effect}}", "Action": {{action}}, {{resource}}, "Condition": {{condition}} } ] }""";

    private static bool Allowed(string condition, Dictionary<string, string>? context = null, Dictionary<string, IReadOnlyList<string>>? multi = null) =>
        PolicyEvaluator.IsAllowed([Policy("Allow", condition)], "ec2:CreateTags", "arn:x", context, multiValued: multi);

    private static Dictionary<string, string> Key(string name, string value) => new() { [name] = value };

    private static Dictionary<string, IReadOnlyList<string>> Keys(string name, params string[] values) => new() { [name] = values };

    [Fact]
    public void StringNotEquals_HoldsForAnotherValue_AndForAMissingKey_NotForTheValue()
    {
        const string condition = """{ "StringNotEquals": { "aws:RequestTag/DeployFence": "per-pr" } }""";

        Assert.True(Allowed(condition, Key("aws:RequestTag/DeployFence", "prod")));
        Assert.True(Allowed(condition));
        Assert.False(Allowed(condition, Key("aws:RequestTag/DeployFence", "per-pr")));
    }

    [Fact]
    public void StringNotLike_HoldsWhenNoPatternMatches()
    {
        const string condition = """{ "StringNotLike": { "aws:PrincipalArn": ["*-pr0*", "*-pr1*"] } }""";

        Assert.True(Allowed(condition, Key("aws:PrincipalArn", "role/x-prod")));
        Assert.False(Allowed(condition, Key("aws:PrincipalArn", "role/x-pr1")));
    }

    [Fact]
    public void ArnNotLike_HoldsWhenNoPatternMatches_AndForAMissingKey()
    {
        const string condition = """{ "ArnNotLike": { "iam:PolicyARN": "arn:aws:iam::aws:policy/*" } }""";

        Assert.True(Allowed(condition, Key("iam:PolicyARN", "arn:aws:iam::1:policy/admin")));
        Assert.True(Allowed(condition));
        Assert.False(Allowed(condition, Key("iam:PolicyARN", "arn:aws:iam::aws:policy/ReadOnlyAccess")));
    }

    [Fact]
    public void ArnNotEquals_IsArnNotLike()
    {
        const string condition = """{ "ArnNotEquals": { "aws:SourceArn": "arn:aws:s3:::a*" } }""";

        Assert.False(Allowed(condition, Key("aws:SourceArn", "arn:aws:s3:::ab")));
        Assert.True(Allowed(condition, Key("aws:SourceArn", "arn:aws:s3:::b")));
    }

    [Fact]
    public void IfExists_HoldsForAMissingKey_ElseIsTheOperator()
    {
        const string condition = """{ "StringEqualsIfExists": { "ec2:CreateAction": "CreateSecurityGroup" } }""";

        Assert.True(Allowed(condition));
        Assert.True(Allowed(condition, Key("ec2:CreateAction", "CreateSecurityGroup")));
        Assert.False(Allowed(condition, Key("ec2:CreateAction", "RunInstances")));
    }

    [Fact]
    public void ForAnyValue_HoldsWhenOneValueMatches_NeverForAMissingKey()
    {
        const string condition = """{ "ForAnyValue:StringEquals": { "aws:TagKeys": "DeployFence" } }""";

        Assert.True(Allowed(condition, multi: Keys("aws:TagKeys", "Owner", "DeployFence")));
        Assert.False(Allowed(condition, multi: Keys("aws:TagKeys", "Owner")));
        Assert.False(Allowed(condition));
    }

    [Fact]
    public void ForAnyValueWithANegatedOperator_HoldsWhenOneValueMatchesNoPattern()
    {
        const string condition = """{ "ForAnyValue:StringNotLike": { "kms:ResourceAliases": ["alias/*-pr0*", "alias/*-pr1*"] } }""";

        Assert.True(Allowed(condition, multi: Keys("kms:ResourceAliases", "alias/a-pr1", "alias/a-dev")));
        Assert.False(Allowed(condition, multi: Keys("kms:ResourceAliases", "alias/a-pr1", "alias/b-pr0")));
        Assert.False(Allowed(condition));
    }

    [Fact]
    public void ForAllValues_HoldsWhenEveryValueMatches_AndForAMissingKey()
    {
        const string condition = """{ "ForAllValues:StringEquals": { "aws:TagKeys": ["Project", "DeployFence"] } }""";

        Assert.True(Allowed(condition, multi: Keys("aws:TagKeys", "Project", "DeployFence")));
        Assert.False(Allowed(condition, multi: Keys("aws:TagKeys", "Project", "Owner")));
        Assert.True(Allowed(condition));
    }

    [Fact]
    public void Null_TestsWhetherTheKeyIsPresent()
    {
        Assert.True(Allowed("""{ "Null": { "ec2:CreateAction": "true" } }"""));
        Assert.False(Allowed("""{ "Null": { "ec2:CreateAction": "true" } }""", Key("ec2:CreateAction", "CreateSecurityGroup")));
        Assert.True(Allowed("""{ "Null": { "ec2:CreateAction": "false" } }""", Key("ec2:CreateAction", "CreateSecurityGroup")));
    }

    [Fact]
    public void ASingleValuedOperatorOnSeveralValues_IsNotGuessedAt()
    {
        Assert.Throws<NotSupportedException>(() =>
            Allowed("""{ "StringEquals": { "aws:TagKeys": "DeployFence" } }""", multi: Keys("aws:TagKeys", "DeployFence", "Owner")));
    }

    [Fact]
    public void AnUnknownOperator_IsNotGuessedAt()
    {
        Assert.Throws<NotSupportedException>(() => Allowed("""{ "DateLessThan": { "aws:CurrentTime": "2030-01-01T00:00:00Z" } }""", Key("aws:CurrentTime", "x")));
    }

    [Fact]
    public void NotAction_AppliesToEveryOtherAction()
    {
        const string denyAllButPassRole = """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Deny", "NotAction": "iam:PassRole", "Resource": "*" } ] }""";
        var allowAll = Policy("Allow", "{}", action: "\"*\"");

        Assert.Equal(PolicyDecision.ExplicitlyDenied, PolicyEvaluator.Decide([allowAll, denyAllButPassRole], "iam:CreateRole", "arn:x"));
        Assert.Equal(PolicyDecision.Allowed, PolicyEvaluator.Decide([allowAll, denyAllButPassRole], "iam:PassRole", "arn:x"));
    }

    [Fact]
    public void NotResource_AppliesToEveryOtherResource()
    {
        var deny = Policy("Deny", "{}", action: "\"s3:GetObject\"", resource: "\"NotResource\": \"arn:aws:s3:::state/.pulumi/*\"");

        Assert.Equal(PolicyDecision.ExplicitlyDenied, PolicyEvaluator.Decide([deny], "s3:GetObject", "arn:aws:s3:::data/a"));
        Assert.Equal(PolicyDecision.ImplicitlyDenied, PolicyEvaluator.Decide([deny], "s3:GetObject", "arn:aws:s3:::state/.pulumi/stacks/dev.json"));
    }

    [Fact]
    public void AnUnrenderedPlaceholder_IsNotGuessedAt()
    {
        Assert.Throws<NotSupportedException>(() =>
            PolicyEvaluator.Decide([Policy("Allow", "{}", resource: "\"Resource\": \"arn:aws:s3:::${StateBucket}/*\"")], "ec2:CreateTags", "arn:aws:s3:::b/k"));
    }

    [Fact]
    public void NotPrincipal_IsNotGuessedAt()
    {
        const string policy = """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Deny", "NotPrincipal": { "AWS": "arn:aws:iam::1:root" }, "Action": "s3:*", "Resource": "*" } ] }""";

        Assert.Throws<NotSupportedException>(() => PolicyEvaluator.Decide([policy], "s3:GetObject", "arn:aws:s3:::b/k"));
    }
}

namespace TrainingInfra.Mocks.Guardrails;

/// <summary>One resource breaking one rule.</summary>
/// <param name="RuleId">The rule, e.g. CKV_AWS_21 or S3.5.</param>
/// <param name="Resource">The resource, as type and logical name.</param>
/// <param name="Problem">What is wrong with it.</param>
public sealed record Finding(string RuleId, string Resource, string Problem)
{
    public override string ToString() => $"{RuleId} {Resource}: {Problem}";
}

using System.Text.Json;
using System.Text.RegularExpressions;
using TrainingInfra.Blueprint.Batch;
using TrainingInfra.Blueprint.Config;
using TrainingInfra.Blueprint.Naming;
using TrainingInfra.Blueprint.Network;
using TrainingInfra.Blueprint.Packages;
using TrainingInfra.Blueprint.SageMaker;
using TrainingInfra.Blueprint.Tests.Support;

namespace TrainingInfra.Blueprint.Tests;

/// <summary>The stack's PyPI mirror: when it exists, who may read it, and how pip finds it without a baked token.</summary>
public class PackageMirrorTests
{
    private const string Account = "111122223333";
    private const string Other = "444455556666";

    private static readonly (string Key, string Value) Private = ("networkMode", "private");
    private static readonly (string Key, string Value) Offline = ("notebookDirectInternetAccess", "false");

    [Fact]
    public void Mirror_IsOnByDefault_OnlyWhereTheStackOwnsAPrivateNetwork()
    {
        Assert.True(Configs.Load(Private, Offline).PackageMirror);
        Assert.False(Configs.Load().PackageMirror);
        Assert.False(Configs.Load(("networkStack", "network")).PackageMirror);
    }

    [Fact]
    public void Mirror_FollowsAnExplicitSetting_WhateverTheNetwork()
    {
        Assert.True(Configs.Load(("packageMirror", "on")).PackageMirror);
        Assert.False(Configs.Load(Private, Offline, ("packageMirror", "off")).PackageMirror);
    }

    [Fact]
    public void AJobOfThisStack_CanReadOnlyThisStacksMirror()
    {
        var settings = Configs.Load(Private, Offline);
        var domain = PackageMirror.DomainArn(settings, Account);
        var repository = PackageMirror.RepositoryArn(settings, Account);
        string[] policy = [PackageMirror.ReaderPolicy(domain, repository)];
        var otherStack = Configs.Load("stage", Configs.Region, Private, Offline);

        Assert.True(PolicyEvaluator.IsAllowed(policy, "codeartifact:GetAuthorizationToken", domain));
        Assert.True(PolicyEvaluator.IsAllowed(policy, "codeartifact:ReadFromRepository", repository));
        Assert.False(PolicyEvaluator.IsAllowed(policy, "codeartifact:GetAuthorizationToken", PackageMirror.DomainArn(otherStack, Account)));
        Assert.False(PolicyEvaluator.IsAllowed(policy, "codeartifact:ReadFromRepository", PackageMirror.RepositoryArn(otherStack, Account)));
        Assert.False(PolicyEvaluator.IsAllowed(policy, "codeartifact:ReadFromRepository", PackageMirror.RepositoryArn(settings, Other)));
    }

    [Theory]
    [InlineData("codeartifact:PublishPackageVersion")]
    [InlineData("codeartifact:DeletePackageVersions")]
    [InlineData("codeartifact:UpdateRepository")]
    [InlineData("codeartifact:AssociateExternalConnection")]
    [InlineData("codeartifact:GetRepositoryEndpoint")]
    public void AJobOfThisStack_CannotChangeTheMirror(string action)
    {
        var settings = Configs.Load(Private, Offline);
        var domain = PackageMirror.DomainArn(settings, Account);
        var repository = PackageMirror.RepositoryArn(settings, Account);
        string[] policy = [PackageMirror.ReaderPolicy(domain, repository)];

        Assert.False(PolicyEvaluator.IsAllowed(policy, action, repository));
        Assert.False(PolicyEvaluator.IsAllowed(policy, action, domain));
    }

    [Fact]
    public void BearerTokens_AreForCodeArtifactOnly()
    {
        var settings = Configs.Load(Private, Offline);
        string[] policy = [PackageMirror.ReaderPolicy(PackageMirror.DomainArn(settings, Account), PackageMirror.RepositoryArn(settings, Account))];

        Assert.True(PolicyEvaluator.IsAllowed(policy, "sts:GetServiceBearerToken", "*",
            new Dictionary<string, string> { ["sts:AWSServiceName"] = "codeartifact.amazonaws.com" }));
        Assert.False(PolicyEvaluator.IsAllowed(policy, "sts:GetServiceBearerToken", "*",
            new Dictionary<string, string> { ["sts:AWSServiceName"] = "aoss.amazonaws.com" }));
        Assert.False(PolicyEvaluator.IsAllowed(policy, "sts:GetServiceBearerToken", "*"));
    }

    [Fact]
    public void JobDefinition_NamesTheMirror_AndCarriesNoToken()
    {
        var settings = Configs.Load(Private, Offline);
        var properties = JsonDocument.Parse(BatchJobContainer.Properties(settings, "repo", "arn:aws:iam::111122223333:role/job", Account)).RootElement;
        var environment = properties.GetProperty("environment").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetString()!);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["CODEARTIFACT_DOMAIN"] = settings.Names.PackageDomain,
                ["CODEARTIFACT_DOMAIN_OWNER"] = Account,
                ["CODEARTIFACT_REPOSITORY"] = settings.Names.PackageRepository,
                ["CODEARTIFACT_REGION"] = settings.Region.Name,
            },
            environment);
    }

    [Fact]
    public void JobDefinition_HasNoMirrorVariables_WithoutTheMirror()
    {
        var properties = JsonDocument.Parse(BatchJobContainer.Properties(Configs.Load(), "repo", "arn:aws:iam::111122223333:role/job", Account)).RootElement;

        Assert.False(properties.TryGetProperty("environment", out _));
    }

    [Fact]
    public void EntrypointSnippet_ReadsExactlyTheJobsVariables_AndTheRepositoriesUrl()
    {
        var used = Regex.Matches(PackageMirror.EntrypointSnippet, @"\$\{?(CODEARTIFACT_[A-Z_]+)").Select(m => m.Groups[1].Value).ToHashSet();
        var settings = Configs.Load(Private, Offline);
        var expanded = PackageMirror.JobEnvironment(settings, Account)
            .Aggregate("https://${CODEARTIFACT_DOMAIN}-${CODEARTIFACT_DOMAIN_OWNER}.d.codeartifact.${CODEARTIFACT_REGION}.amazonaws.com/pypi/${CODEARTIFACT_REPOSITORY}/simple/",
                (url, v) => url.Replace("${" + v.Key + "}", v.Value, StringComparison.Ordinal));

        Assert.Equal(PackageMirror.JobEnvironmentNames.ToHashSet(), used);
        Assert.Contains("get-authorization-token", PackageMirror.EntrypointSnippet, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', PackageMirror.EntrypointSnippet);
        Assert.Equal(PackageMirror.IndexUrl(settings, Account), expanded);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("a1")]
    public void Names_KeepCodeArtifactsPatterns_ForTheLongestSuffixAllowed(string start)
    {
        var suffix = (start + new string('x', ResourceNames.TightestRule.MaxSuffixLength))[..ResourceNames.TightestRule.MaxSuffixLength];
        var names = new ResourceNames(suffix);

        Assert.Matches("^[a-z][a-z0-9-]{0,48}[a-z0-9]$", names.PackageDomain);
        Assert.Matches("^[A-Za-z0-9][A-Za-z0-9._-]{1,99}$", names.PackageRepository);
    }

    [Fact]
    public void NotebookStart_PointsPipAtTheMirror_AndNeverFailsOnIt()
    {
        var settings = Configs.Load(Private, Offline);
        var script = NotebookOnStart.Script(settings, Account)!;

        Assert.Contains($"--domain {settings.Names.PackageDomain} --domain-owner {Account} --region {settings.Region.Name}", script, StringComparison.Ordinal);
        Assert.Contains(PackageMirror.IndexUrl(settings, Account)["https://".Length..], script, StringComparison.Ordinal);
        Assert.Contains("if ! {\ncat >\"$LOGIN\"", script, StringComparison.Ordinal);
        Assert.Contains("chmod 0755 \"$LOGIN\" && timeout 60 \"$LOGIN\"\n}; then\n", script, StringComparison.Ordinal);
        Assert.DoesNotContain("@", script.Replace("aws:%s@%s", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(NotebookOnStart.Base64(settings, Account)!.Length <= NotebookIdleStop.MaxEncodedLength);
        Assert.True(NotebookOnStart.StopsWhenIdle(NotebookOnStart.Base64(settings, Account)));
    }

    [Fact]
    public void NotebookStart_WithoutIdleStop_StillPointsPipAtTheMirror()
    {
        var settings = Configs.Load(Private, Offline, ("notebookIdleStopMinutes", "0"));

        Assert.StartsWith("#!/bin/bash", NotebookOnStart.Script(settings, Account), StringComparison.Ordinal);
        Assert.False(NotebookOnStart.StopsWhenIdle(NotebookOnStart.Base64(settings, Account)));
        Assert.Null(NotebookOnStart.Script(Configs.Load(("notebookIdleStopMinutes", "0")), Account));
    }

    [Fact]
    public void Endpoints_FollowTheMirrorsConsumers()
    {
        string[] mirror = ["codeartifact.api", "codeartifact.repositories"];
        var privateStack = Configs.Load(Private, Offline);
        var publicOffline = Configs.Load(Offline, ("packageMirror", "on"));
        var publicOnline = Configs.Load(("notebookDirectInternetAccess", "true"), ("packageMirror", "on"));

        Assert.Subset(VpcEndpointPlan.InterfaceServicesNeeded(privateStack, NetworkMode.Private).ToHashSet(), mirror.ToHashSet());
        Assert.Subset(VpcEndpointPlan.InterfaceServicesNeeded(publicOffline, NetworkMode.Public).ToHashSet(), mirror.ToHashSet());
        Assert.Empty(VpcEndpointPlan.InterfaceServicesNeeded(publicOnline, NetworkMode.Public).Intersect(mirror));
        Assert.Empty(VpcEndpointPlan.InterfaceServicesNeeded(Configs.Load(Private, Offline, ("packageMirror", "off")), NetworkMode.Private).Intersect(mirror));
    }
}

namespace TrainingInfra.Tests.Support;

/// <summary>
/// The mock-runtime suite as one collection, so that its classes share one <see cref="StackRuns"/>
/// (and, as <c>Deployment.TestAsync</c> requires, never run two stacks at once).
/// </summary>
[CollectionDefinition(Name)]
public sealed class MockRuntimeSuite : ICollectionFixture<StackRuns>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "stack runs";
}

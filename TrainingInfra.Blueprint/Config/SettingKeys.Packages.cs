namespace TrainingInfra.Blueprint.Config;

public static partial class SettingKeys
{
    /// <summary>Whether the stack runs a CodeArtifact mirror of public PyPI for its notebook and Batch jobs.</summary>
    public static readonly SettingKey PackageMirror = new(
        "packageMirror", SettingType.String, "auto",
        "A CodeArtifact domain and repository of this stack with an external connection to public PyPI, which the notebook's pip uses (configured at every start) and Batch jobs can use (the job definition names the repository; the container fetches its own token). auto (the default): on exactly when the stack owns a private network, where pip has no other way to PyPI; on or off: always. Where the notebook or the Batch hosts have no internet path, the mirror adds the codeartifact.api and codeartifact.repositories interface endpoints, billed per hour and zone.");
}

namespace TrainingInfra.Blueprint.Config;

/// <summary>Whether the stack runs its own PyPI mirror (<c>packageMirror</c>).</summary>
public enum PackageMirrorMode
{
    /// <summary>On exactly when the stack owns a private network, where pip has no other way to PyPI.</summary>
    Auto,

    /// <summary>Always on.</summary>
    On,

    /// <summary>Always off.</summary>
    Off,
}

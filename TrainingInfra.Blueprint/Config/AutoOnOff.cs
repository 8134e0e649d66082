namespace TrainingInfra.Blueprint.Config;

/// <summary>A setting that is on, off, or decided by the stack itself (<c>packageMirror</c>, <c>mlflowApp</c>).</summary>
public enum AutoOnOff
{
    /// <summary>Decided by the stack, as the key's description says.</summary>
    Auto,

    /// <summary>Always on.</summary>
    On,

    /// <summary>Always off.</summary>
    Off,
}

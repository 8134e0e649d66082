namespace TrainingInfra.Blueprint.Config;

/// <summary>The types a project config key can have in <c>Pulumi.yaml</c>.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name",
    Justification = "The members are named after the type names of Pulumi.yaml's config block.")]
public enum SettingType
{
    /// <summary>A plain string.</summary>
    String,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A list of strings (a YAML sequence; Pulumi hands it to the program as a JSON array).</summary>
    StringArray,
}

using Pulumi;
using TrainingInfra.Blueprint.Safety;

namespace TrainingInfra.Components;

/// <summary>How a resource that holds data (or that one depends on) takes the stack's <see cref="DataProtection"/>.</summary>
internal static class DataProtectionOptions
{
    /// <summary>Sets <c>protect</c> and <c>retainOnDelete</c> as the protection says, and returns the options.</summary>
    public static CustomResourceOptions Keep(this DataProtection protection, CustomResourceOptions options)
    {
        options.Protect = protection.Protect;
        options.RetainOnDelete = protection.RetainOnDelete;
        return options;
    }
}

using System.Diagnostics;

namespace TrainingInfra.Blueprint.Tests.Scripts.RealCli;

/// <summary>
/// A real AWS CLI the scripts are run through. Two are used: "v2", Debian's awscli package at
/// /usr/bin/aws (AWS CLI v2.9, the major version users run, with service models of early 2023), and
/// "v1", the machine image's AWS CLI v1 found on PATH (1.45, with current botocore models), which
/// checks every request against today's models. Neither may be missing: .ci/run installs v2, and a
/// machine without one fails these tests with a message that says how to get it.
/// </summary>
internal sealed record AwsCli(string Name, string Path, string Version)
{
    /// <summary>Where Debian's awscli package puts its CLI (`dpkg -L awscli`).</summary>
    public const string DebianPath = "/usr/bin/aws";

    private static readonly Lazy<AwsCli> V1 = new(FindV1);
    private static readonly Lazy<AwsCli> V2 = new(FindV2);

    /// <summary>
    /// AWS CLI v2.9 has no AWS_ENDPOINT_URL (its bundled botocore's configprovider.py knows no
    /// endpoint_url setting), so the wrapper on PATH gives it --endpoint-url; v1 (botocore 1.43)
    /// reads the variable, and is pointed at the loopback service through it.
    /// </summary>
    public bool ReadsEndpointFromEnvironment => Version.StartsWith("aws-cli/1.", StringComparison.Ordinal);

    public static AwsCli Named(string name) => name switch
    {
        "v1" => V1.Value,
        "v2" => V2.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "v1 or v2"),
    };

    public override string ToString() => $"{Name} ({Version} at {Path})";

    private static AwsCli FindV2()
    {
        var version = File.Exists(DebianPath) ? VersionOf(DebianPath) : "";
        Assert.True(version.StartsWith("aws-cli/2.", StringComparison.Ordinal),
            $"AWS CLI v2 is not installed at {DebianPath} ('{version}'): the script tests run the scripts through it. " +
            "Install Debian's awscli package (apt-get install awscli), as .ci/run does.");
        return new AwsCli("v2", DebianPath, version);
    }

    private static AwsCli FindV1()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, "aws"))
            .Where(File.Exists)
            .Select(Unshimmed)
            .Distinct();
        foreach (var path in candidates)
        {
            var version = VersionOf(path);
            if (version.StartsWith("aws-cli/1.", StringComparison.Ordinal))
            {
                return new AwsCli("v1", path, version);
            }
        }

        Assert.Fail("No AWS CLI v1 on PATH: the script tests check every request against current service models " +
            "through it. Install it with 'pip install awscli' (the machine image has aws-cli/1.45).");
        return null!;
    }

    /// <summary>A pyenv shim costs a second per call: run the program it stands for.</summary>
    private static string Unshimmed(string path)
    {
        if (System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(path)) != "shims" || !File.ReadAllText(path).Contains("pyenv", StringComparison.Ordinal))
        {
            return path;
        }

        var real = Output("pyenv", "which", "aws").Trim();
        return File.Exists(real) ? real : path;
    }

    private static string VersionOf(string path) => Output(path, "--version").Trim();

    private static string Output(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
                return "";
            }

            // Where the version goes has changed between Python versions: take whichever stream has it.
            return output.Result.Length > 0 ? output.Result : errors.Result;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }
}

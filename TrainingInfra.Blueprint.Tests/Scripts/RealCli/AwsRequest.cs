using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TrainingInfra.Blueprint.Tests.Scripts.RealCli;

/// <summary>
/// One request a CLI sent to the loopback service, read the way its service's protocol puts it:
/// the service and region from the SigV4 credential scope, the operation from X-Amz-Target (JSON),
/// the Action parameter (query) or the method and path (REST, see <see cref="RestOperations"/>).
/// </summary>
internal sealed partial record AwsRequest(
    string Service,
    string Region,
    AwsProtocol Protocol,
    string Operation,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    /// <summary>What a request that names no operation the stand-in knows is called.</summary>
    public const string UnknownOperation = "?";

    /// <summary>The JSON body of a JSON or rest-json request.</summary>
    public JsonNode Json => Protocol is AwsProtocol.Json or AwsProtocol.RestJson
        ? JsonNode.Parse(Body.Length == 0 ? "{}" : Body)!
        : throw new InvalidOperationException($"{Service} {Operation} is a {Protocol} request, not JSON");

    /// <summary>The parameters of a query or EC2 request (Action, Version and the operation's members, flattened).</summary>
    public IReadOnlyDictionary<string, string> Form => Protocol is AwsProtocol.Query or AwsProtocol.Ec2
        ? ParseForm(Body)
        : throw new InvalidOperationException($"{Service} {Operation} is a {Protocol} request, not a form");

    public override string ToString() => $"{Method} {Service} {Operation} {Path}";

    public static AwsRequest Read(HttpListenerRequest request)
    {
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = reader.ReadToEnd();
        var headers = request.Headers.AllKeys.OfType<string>()
            .ToDictionary(name => name, name => request.Headers[name] ?? "", StringComparer.OrdinalIgnoreCase);
        var scope = CredentialScope().Match(headers.GetValueOrDefault("Authorization", ""));
        var service = scope.Success ? scope.Groups["service"].Value : "";
        var region = scope.Success ? scope.Groups["region"].Value : "";
        var path = Uri.UnescapeDataString(request.Url!.AbsolutePath);
        var query = ParseForm(request.Url.Query);
        var (protocol, operation) = Identify(service, request.HttpMethod, path, query, headers, body);
        return new AwsRequest(service, region, protocol, operation, request.HttpMethod, path, query, headers, body);
    }

    private static (AwsProtocol, string) Identify(
        string service,
        string method,
        string path,
        Dictionary<string, string> query,
        Dictionary<string, string> headers,
        string body)
    {
        if (headers.TryGetValue("X-Amz-Target", out var target))
        {
            return (AwsProtocol.Json, target[(target.LastIndexOf('.') + 1)..]);
        }

        var contentType = headers.GetValueOrDefault("Content-Type", "");
        if (method == "POST" && contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal))
        {
            var protocol = service == "ec2" ? AwsProtocol.Ec2 : AwsProtocol.Query;
            return (protocol, ParseForm(body).GetValueOrDefault("Action", UnknownOperation));
        }

        return RestOperations.Find(service, method, path, query)
            ?? (service == "s3" ? AwsProtocol.RestXml : AwsProtocol.RestJson, UnknownOperation);
    }

    /// <summary>Form or query-string text as name/value pairs; a name without '=' gets an empty value (S3's ?delete).</summary>
    private static Dictionary<string, string> ParseForm(string text)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            pairs[WebUtility.UrlDecode(parts[0])] = parts.Length > 1 ? WebUtility.UrlDecode(parts[1]) : "";
        }

        return pairs;
    }

    [GeneratedRegex(@"Credential=[^/]+/[0-9]{8}/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request")]
    private static partial Regex CredentialScope();
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace TrainingInfra.Blueprint.Tests.Scripts.RealCli;

/// <summary>
/// What the loopback service answers to one request, written in the protocol the request came in:
/// data as JSON (JSON, rest-json) or as a query protocol's XML result; a document of the service's
/// own XML (EC2, S3); or an AWS error code and message with its HTTP status, in the error body each
/// protocol has (botocore's parsers.py reads them).
/// </summary>
internal sealed record AwsReply
{
    private AwsReply(int status) => Status = status;

    public int Status { get; }

    public JsonNode? Data { get; private init; }

    public string? XmlDocument { get; private init; }

    public string? ErrorCode { get; private init; }

    public string? ErrorMessage { get; private init; }

    public IReadOnlyDictionary<string, string> Headers { get; private init; } = new Dictionary<string, string>();

    /// <summary>A success carrying this data: JSON as is, or for the query protocol &lt;OpResponse&gt;&lt;OpResult&gt;.</summary>
    public static AwsReply Of(JsonNode data) => new(200) { Data = data };

    public static AwsReply Of(string json) => Of(JsonNode.Parse(json)!);

    /// <summary>A success whose body is this XML document, for EC2 (its own member names) and S3.</summary>
    public static AwsReply Xml(string document) => new(200) { XmlDocument = document };

    /// <summary>A success without a body (S3's PutObject, HeadObject with its headers).</summary>
    public static AwsReply Empty(int status = 200) => new(status);

    /// <summary>The service refuses: the CLI prints "An error occurred (code) when calling the … operation: message".</summary>
    public static AwsReply Error(string code, string message, int status = 400) =>
        new(status) { ErrorCode = code, ErrorMessage = message };

    public AwsReply WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers) { [name] = value } };

    public void WriteTo(HttpListenerResponse response, AwsRequest request)
    {
        var requestId = Guid.NewGuid().ToString();
        var (contentType, body) = ErrorCode is null ? Success(request, requestId) : Failure(request, requestId);
        response.StatusCode = Status;
        response.Headers[request.Protocol == AwsProtocol.RestXml ? "x-amz-request-id" : "x-amzn-RequestId"] = requestId;
        if (ErrorCode is not null && request.Protocol == AwsProtocol.RestJson)
        {
            response.Headers["x-amzn-ErrorType"] = ErrorCode;
        }

        foreach (var (name, value) in Headers.Where(h => h.Key != "Content-Length"))
        {
            response.Headers[name] = value;
        }

        if (request.Method == "HEAD")
        {
            // A HEAD answer is headers only; its Content-Length is the object's, which botocore reads.
            response.ContentLength64 = long.Parse(Headers.GetValueOrDefault("Content-Length", "0"), CultureInfo.InvariantCulture);
            response.Close();
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(body ?? "");
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
        response.Close();
    }

    private (string ContentType, string? Body) Success(AwsRequest request, string requestId) => request.Protocol switch
    {
        _ when XmlDocument is not null => ("text/xml", XmlDocument),
        _ when Data is null => ("text/plain", null),
        AwsProtocol.Json => (request.Headers.GetValueOrDefault("Content-Type", "application/x-amz-json-1.1"), Data.ToJsonString()),
        AwsProtocol.RestJson => ("application/json", Data.ToJsonString()),
        AwsProtocol.Query => ("text/xml", new XElement(
            request.Operation + "Response",
            Members(request.Operation + "Result", Data),
            new XElement("ResponseMetadata", new XElement("RequestId", requestId))).ToString()),
        _ => throw new InvalidOperationException(
            $"{request.Service} answers in its own XML: script {request.Operation}'s answer with AwsReply.Xml"),
    };

    private (string ContentType, string? Body) Failure(AwsRequest request, string requestId) => request.Protocol switch
    {
        AwsProtocol.Json or AwsProtocol.RestJson => (
            request.Protocol == AwsProtocol.Json ? request.Headers.GetValueOrDefault("Content-Type", "application/x-amz-json-1.1") : "application/json",
            new JsonObject { ["__type"] = ErrorCode, ["message"] = ErrorMessage }.ToJsonString()),
        AwsProtocol.Query => ("text/xml", new XElement(
            "ErrorResponse",
            new XElement("Error", new XElement("Type", Status >= 500 ? "Receiver" : "Sender"), Code(), Message()),
            new XElement("RequestId", requestId)).ToString()),
        AwsProtocol.Ec2 => ("text/xml", new XElement(
            "Response",
            new XElement("Errors", new XElement("Error", Code(), Message())),
            new XElement("RequestID", requestId)).ToString()),
        _ => ("application/xml", new XElement("Error", Code(), Message(), new XElement("RequestId", requestId)).ToString()),
    };

    private XElement Code() => new("Code", ErrorCode);

    private XElement Message() => new("Message", ErrorMessage);

    /// <summary>The query protocol's XML for data: members by name, list items as &lt;member&gt;.</summary>
    private static XElement Members(string name, JsonNode? node) => node switch
    {
        JsonObject members => new XElement(name, members.Select(m => Members(m.Key, m.Value))),
        JsonArray items => new XElement(name, items.Select(item => Members("member", item))),
        JsonValue value when value.TryGetValue<bool>(out var flag) => new XElement(name, flag ? "true" : "false"),
        _ => new XElement(name, node?.ToString()),
    };
}

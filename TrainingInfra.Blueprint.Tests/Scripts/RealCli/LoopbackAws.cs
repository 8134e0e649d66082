using System.Net;
using System.Net.Sockets;

namespace TrainingInfra.Blueprint.Tests.Scripts.RealCli;

/// <summary>
/// A stand-in AWS on 127.0.0.1, on a port of its own, for running the scripts through real AWS
/// CLIs: each request is read in its service's protocol (<see cref="AwsRequest"/>), answered with
/// what the test scripted for its operation (<see cref="AwsReply"/>), and recorded. An operation no
/// test scripted is answered with the error "StandInHasNoAnswer", so the script fails and the test
/// shows what was asked. It stops when disposed, or by itself after <see cref="Lifetime"/> or
/// <see cref="MaxRequests"/>.
/// </summary>
internal sealed class LoopbackAws : IDisposable
{
    public const string NoAnswer = "StandInHasNoAnswer";
    private const int MaxRequests = 500;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new(Lifetime);
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Service, string Operation), Func<AwsRequest, AwsReply>> _answers = [];
    private readonly List<(AwsRequest Request, AwsReply Reply)> _exchanges = [];
    private readonly Task _serving;

    public LoopbackAws()
    {
        (_listener, Endpoint) = Listen();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The URL the CLIs are pointed at.</summary>
    public string Endpoint { get; }

    /// <summary>
    /// Answers the n-th call of an operation with the n-th reply, and every later call with the last.
    /// The service is the request's signing name: "monitoring" for CloudWatch, "s3", "ec2", "batch"...
    /// </summary>
    public void Answer(string service, string operation, params AwsReply[] replies)
    {
        ArgumentOutOfRangeException.ThrowIfZero(replies.Length);
        var calls = 0;
        Answer(service, operation, _ => replies[Math.Min(calls++, replies.Length - 1)]);
    }

    /// <summary>Answers every call of an operation with what the handler makes of the request.</summary>
    public void Answer(string service, string operation, Func<AwsRequest, AwsReply> handler)
    {
        lock (_lock)
        {
            _answers[(service, operation)] = handler;
        }
    }

    /// <summary>Every request so far, in order, with what it was answered.</summary>
    public IReadOnlyList<(AwsRequest Request, AwsReply Reply)> Exchanges
    {
        get
        {
            lock (_lock)
            {
                return [.. _exchanges];
            }
        }
    }

    public IReadOnlyList<AwsRequest> Requests => Exchanges.Select(e => e.Request).ToList();

    public IReadOnlyList<AwsRequest> RequestsOf(string service, string operation) =>
        Requests.Where(r => r.Service == service && r.Operation == operation).ToList();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        for (var served = 0; served < MaxRequests; served++)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().WaitAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                break;
            }

            Respond(context);
        }

        _listener.Close();
    }

    private void Respond(HttpListenerContext context)
    {
        var request = AwsRequest.Read(context.Request);
        AwsReply reply;
        lock (_lock)
        {
            reply = _answers.TryGetValue((request.Service, request.Operation), out var answer)
                ? Safely(answer, request)
                : AwsReply.Error(NoAnswer, $"the stand-in has no answer for {request}");
            _exchanges.Add((request, reply));
        }

        try
        {
            reply.WriteTo(context.Response, request);
        }
        catch (HttpListenerException)
        {
            // The CLI hung up (it timed out or was killed): nothing left to answer.
        }
    }

    private static AwsReply Safely(Func<AwsRequest, AwsReply> answer, AwsRequest request)
    {
        try
        {
            return answer(request);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return AwsReply.Error("StandInFailed", $"the stand-in's answer to {request} threw: {e.Message}", 500);
        }
    }

    /// <summary>An HttpListener on a free loopback port: the OS picks one, and a lost race is tried again.</summary>
    private static (HttpListener, string) Listen()
    {
        for (var attempt = 1; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var endpoint = $"http://127.0.0.1:{port}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(endpoint);
            try
            {
                listener.Start();
                return (listener, endpoint.TrimEnd('/'));
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }
}

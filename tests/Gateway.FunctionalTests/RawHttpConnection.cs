using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace RedesPlataforma.Gateway.FunctionalTests;

/// <summary>
/// One HTTP/1.1 connection on a plain socket, to send what HttpClient would not: a large body straight after the head
/// (no Expect: 100-continue), as scripts and probes do, and a second request on the same connection afterwards.
/// </summary>
public sealed class RawHttpConnection : IAsyncDisposable
{
    private readonly TcpClient _client = new();
    private NetworkStream _stream = null!;

    public static async Task<RawHttpConnection> OpenAsync(int port)
    {
        var connection = new RawHttpConnection();
        await connection._client.ConnectAsync("127.0.0.1", port);
        connection._stream = connection._client.GetStream();
        return connection;
    }

    /// <summary>Sends the request while reading the answer (the server may answer before the body is through) and
    /// returns the answer; the body's writing is then given a few seconds to end, refused or not.</summary>
    public async Task<RawResponse> SendAsync(string method, string path, IEnumerable<string> headers, long bodyBytes, bool chunked)
    {
        var head = new StringBuilder($"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        foreach (var header in headers) head.Append(header).Append("\r\n");
        if (bodyBytes > 0) head.Append(chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {bodyBytes}\r\n");
        head.Append("\r\n");
        await _stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));

        var writing = WriteBodyAsync(bodyBytes, chunked);
        var response = await ReadResponseAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await Task.WhenAny(writing, Task.Delay(TimeSpan.FromSeconds(10)));
        return response;
    }

    /// <summary>Whether the server has closed the connection (end of stream or reset) within a few seconds.</summary>
    public async Task<bool> ClosedByServerAsync()
    {
        try
        {
            var buffer = new byte[1];
            return await _stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(5)) == 0;
        }
        catch (IOException) { return true; }
        catch (TimeoutException) { return false; }
    }

    private async Task WriteBodyAsync(long bytes, bool chunked)
    {
        var block = Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
        try
        {
            for (var written = 0L; written < bytes; written += block.Length)
            {
                var size = (int)Math.Min(block.Length, bytes - written);
                if (chunked) await _stream.WriteAsync(Encoding.ASCII.GetBytes($"{size:x}\r\n"));
                await _stream.WriteAsync(block.AsMemory(0, size));
                if (chunked) await _stream.WriteAsync("\r\n"u8.ToArray());
            }
            if (chunked && bytes > 0) await _stream.WriteAsync("0\r\n\r\n"u8.ToArray());
        }
        catch (IOException) { } // the server stopped reading and closed: what the caller then checks
    }

    private async Task<RawResponse> ReadResponseAsync()
    {
        var statusLine = await ReadLineAsync();
        var status = int.Parse(statusLine.Split(' ')[1]);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var line = await ReadLineAsync(); line.Length > 0; line = await ReadLineAsync())
        {
            var colon = line.IndexOf(':');
            headers[line[..colon]] = line[(colon + 1)..].Trim();
        }

        var body = new MemoryStream();
        if (headers.TryGetValue("Content-Length", out var length)) body.Write(await ReadBytesAsync(int.Parse(length)));
        else if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked"))
            for (var size = Convert.ToInt32(await ReadLineAsync(), 16); size > 0; size = Convert.ToInt32(await ReadLineAsync(), 16))
            {
                body.Write(await ReadBytesAsync(size));
                await ReadLineAsync();
            }
        if (headers.ContainsKey("Transfer-Encoding")) await ReadLineAsync(); // the empty trailer section
        return new RawResponse(status, headers, Encoding.UTF8.GetString(body.ToArray()));
    }

    private async Task<string> ReadLineAsync()
    {
        var line = new List<byte>();
        while (true)
        {
            var next = await ReadBytesAsync(1);
            if (next[0] == '\n') return Encoding.ASCII.GetString([.. line]).TrimEnd('\r');
            line.Add(next[0]);
        }
    }

    private async Task<byte[]> ReadBytesAsync(int count)
    {
        var bytes = new byte[count];
        await _stream.ReadExactlyAsync(bytes);
        return bytes;
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public bool ClosesConnection => Headers.TryGetValue("Connection", out var value) && value.Contains("close", StringComparison.OrdinalIgnoreCase);

    public JsonElement Problem()
    {
        Assert.Equal("application/problem+json", Headers.GetValueOrDefault("Content-Type")?.Split(';')[0]);
        return JsonSerializer.Deserialize<JsonElement>(Body);
    }
}

using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Rantevou.TestKit;

/// <summary>
/// A real <c>redis-server</c> (Debian package, build/prerequisites.sh) as a child process on 127.0.0.1, without
/// persistence. <see cref="Kill"/> takes it away (SIGKILL) and <see cref="StartAgainAsync"/> brings it back on the same port.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    Process? process;

    RedisServer(int port) => Port = port;

    public int Port { get; }
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var redis = new RedisServer(HubProcess.FreePort());
        await redis.StartAgainAsync();
        return redis;
    }

    public async Task StartAgainAsync()
    {
        if (process is { HasExited: false })
            return;
        var info = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
            info.ArgumentList.Add(arg);
        var output = new StringBuilder();
        process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var waited = Stopwatch.StartNew();
        while (!await PingAsync())
        {
            if (process.HasExited || waited.Elapsed > TimeSpan.FromSeconds(20))
                throw new InvalidOperationException($"redis-server did not start on port {Port}:\n{output}");
            await Task.Delay(100);
        }
    }

    /// <summary>The server answers PING with PONG.</summary>
    public async Task<bool> PingAsync()
    {
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync("127.0.0.1", Port);
            var stream = tcp.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var n = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, n).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: every client connection drops at once.</summary>
    public void Kill()
    {
        if (process is null || process.HasExited)
            return;
        process.Kill();
        process.WaitForExit(10_000);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process?.Dispose();
        return ValueTask.CompletedTask;
    }
}

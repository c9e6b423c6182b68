using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Rantevou.Bench.Backend;

/// <summary>A server process pinned to one core with taskset, stopped (SIGTERM) when disposed.</summary>
public sealed class Server : IAsyncDisposable
{
    readonly Process process;

    Server(Process process, string url) => (this.process, Url) = (process, url);

    public string Url { get; }

    /// <summary>The server's process id (taskset execs it), for attaching dotnet-trace.</summary>
    public int Pid => process.Id;

    /// <summary>The Release build of the Hub next to this benchmark (run.sh builds both).</summary>
    public static string HubDll => Path.Combine(Suite.RepoRoot, "src", "Hub", "bin", "Release", "net10.0", "Rantevou.Hub.dll");

    public static Task<Server> HubAsync(string dataDir, int core, Dictionary<string, string>? settings = null)
    {
        var env = new Dictionary<string, string>
        {
            ["Rantevou__DataDir"] = dataDir,
            ["Rantevou__PublicBaseUrl"] = "http://localhost",
            // The load comes from one address and books many times: lift the abuse limits (R12) for the run.
            ["Rantevou__RateLimits__BookingPerMinute"] = "100000000",
            ["Rantevou__RateLimits__LoginPerMinute"] = "100000000",
            ["Rantevou__RateLimits__KioskPerMinute"] = "100000000",
            ["Rantevou__Limits__ActivePerService"] = "1000000",
            ["Rantevou__Limits__PerDay"] = "1000000",
            ["Rantevou__Limits__NoShowLimit"] = "0",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        };
        foreach (var (k, v) in settings ?? [])
            env[k] = v;
        return StartAsync(core, dataDir, ["dotnet", HubDll], env);
    }

    public static Task<Server> BaselineAsync(string dataDir, int core) =>
        StartAsync(core, dataDir, ["dotnet", typeof(Server).Assembly.Location, "baseline-server", dataDir], []);

    static async Task<Server> StartAsync(int core, string workDir, string[] command, Dictionary<string, string> env)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var info = new ProcessStartInfo("taskset") { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-c", core.ToString() }.Concat(command))
            info.ArgumentList.Add(a);
        if (command.Contains("baseline-server"))
            info.ArgumentList.Add(url);
        else
            info.ArgumentList.Add($"--urls={url}");
        info.Environment["DOTNET_gcServer"] = "0";
        foreach (var (k, v) in env)
            info.Environment[k] = v;
        var process = Process.Start(info)!;
        var log = Path.Combine(workDir, "server.log");
        _ = PumpAsync(process.StandardOutput, log);
        _ = PumpAsync(process.StandardError, log);
        var server = new Server(process, url);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"server exited ({process.ExitCode}); see {log}");
            try
            {
                if ((await http.GetAsync($"{url}/health")).StatusCode == HttpStatusCode.OK)
                    return server;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"server did not answer /health; see {log}");
            await Task.Delay(100);
        }
    }

    static readonly object LogGate = new();

    static async Task PumpAsync(StreamReader reader, string path)
    {
        while (await reader.ReadLineAsync() is { } line)
            lock (LogGate)
                File.AppendAllText(path, line + "\n");
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // taskset execs the server, so this is the server's own id: a graceful stop (SIGTERM), then a kill.
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString()]))
                await term.WaitForExitAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
            }
        }
        process.Dispose();
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Rantevou.TestKit;

/// <summary>
/// The server (<c>Rantevou.Hub.dll</c>; published, outside Development) as a separate operating-system process on 127.0.0.1, configured through
/// environment variables like a real deployment. <see cref="Kill"/> is SIGKILL: no shutdown code runs, as in a crash.
/// Several processes over one <see cref="DataDir"/> share one SQLite file (WAL), as nodes behind a load balancer.
/// </summary>
public sealed class HubProcess : IAsyncDisposable
{
    readonly Process process;
    readonly ConcurrentQueue<string> output = new();

    HubProcess(Process process, int port, string dataDir, bool https)
    {
        this.process = process;
        Port = port;
        DataDir = dataDir;
        Https = https;
    }

    public int Port { get; }
    public string DataDir { get; }

    /// <summary>Served over TLS: the settings name the certificate (Kestrel:Certificates:Default:*), the tests' clients trust any.</summary>
    public bool Https { get; }
    public string BaseUrl => $"{(Https ? "https" : "http")}://127.0.0.1:{Port}";
    public string DatabaseFile => Path.Combine(DataDir, "rantevou.db");
    public bool HasExited => process.HasExited;
    public int Id => process.Id;

    /// <summary>Everything the process wrote to stdout and stderr so far: the first thing to read when a test fails.</summary>
    public string Output => string.Join('\n', output);

    /// <summary>
    /// Starts a node and waits until <c>/health</c> answers. <paramref name="settings"/> are configuration keys
    /// ("Redis:Configuration") that override the defaults of <see cref="StartInfo"/>, a null value removes one; <paramref name="port"/> reuses a port (a restart).
    /// </summary>
    public static async Task<HubProcess> StartAsync(string dataDir, IReadOnlyDictionary<string, string?>? settings = null,
        int? port = null, TimeSpan? timeout = null, bool https = false)
    {
        Directory.CreateDirectory(dataDir);
        var p = port ?? FreePort();
        var url = $"{(https ? "https" : "http")}://127.0.0.1:{p}";
        var node = new Dictionary<string, string?>
        {
            // As a deployment says where to listen: appsettings.json names no address (README, Going live).
            ["ASPNETCORE_URLS"] = url,
            ["Rantevou:PublicBaseUrl"] = url,
        };
        var info = StartInfo(dataDir, node.Concat(settings ?? new Dictionary<string, string?>()));

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var hub = new HubProcess(process, p, dataDir, https);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) hub.output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) hub.output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await hub.WaitHealthyAsync(timeout ?? TimeSpan.FromSeconds(90));
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
        return hub;
    }

    /// <summary>
    /// The built server with the tests' configuration as environment variables: the defaults below, then
    /// <paramref name="settings"/> in order (a null value removes a key), and <paramref name="args"/> on its command line.
    /// </summary>
    /// <remarks>
    /// Outside Development it runs what an office installs, the <c>dotnet publish</c> output (<see cref="PublishedDll"/>);
    /// in Development the build output, whose static web assets come from the build manifest.
    /// </remarks>
    public static ProcessStartInfo StartInfo(string dataDir, IEnumerable<KeyValuePair<string, string?>> settings, params string[] args)
    {
        var env = new Dictionary<string, string?>
        {
            // Development turns on static web assets from the build manifest, so the display, kiosk and pages get
            // their scripts and styles from an unpublished build.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Rantevou:DataDir"] = dataDir,
            // The tests sign in as the demo accounts: asked for explicitly, not left to the environment.
            ["Rantevou:SeedDemo"] = "true",
            // Tests hammer the API from one address on purpose (as RantevouApp does).
            ["Rantevou:RateLimits:BookingPerMinute"] = "1000000",
            ["Rantevou:RateLimits:LoginPerMinute"] = "1000000",
            ["Rantevou:RateLimits:KioskPerMinute"] = "1000000",
            ["Rantevou:Limits:ActivePerService"] = "1000000",
            ["Rantevou:Limits:PerDay"] = "1000000",
            ["Rantevou:Limits:NoShowLimit"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings)
            env[key] = value;
        var dll = env["ASPNETCORE_ENVIRONMENT"] == "Development" ? HubDll() : PublishedDll();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        foreach (var (key, value) in env)
            if (value is null)
                info.Environment.Remove(key.Replace(":", "__", StringComparison.Ordinal));
            else
                info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return info;
    }

    /// <summary>A new process on the same port over the same data folder (this one must be gone).</summary>
    public Task<HubProcess> RestartAsync(IReadOnlyDictionary<string, string?>? settings = null) =>
        HasExited ? StartAsync(DataDir, settings, Port, https: Https) : throw new InvalidOperationException("The node is still running.");

    public HttpClient Client() => new(Handler())
    {
        BaseAddress = new Uri(BaseUrl),
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>A handler for this node: over TLS it accepts the test's self-signed certificate.</summary>
    public SocketsHttpHandler Handler()
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) };
        if (Https)
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        return handler;
    }

    async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient(Handler()) { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var until = Stopwatch.StartNew();
        while (until.Elapsed < timeout)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The hub exited with code {process.ExitCode} before it was healthy:\n{Output}");
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The hub did not answer /health within {timeout}:\n{Output}");
    }

    /// <summary>SIGKILL: the process ends at once, mid-request and mid-transaction, with no shutdown code.</summary>
    public void Kill()
    {
        if (process.HasExited)
            return;
        process.Kill();
        // SIGKILL is delivered before the process runs another instruction: from here on it answers nothing, though
        // HasExited turns true only once it is reaped.
        Volatile.Write(ref killed, true);
        process.WaitForExit(10_000);
    }

    bool killed;

    /// <summary>SIGKILL has been sent: a request sent from now on cannot be served by this process.</summary>
    public bool Killed => Volatile.Read(ref killed) || process.HasExited;

    public ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The server built next to this test assembly: src/Hub/bin/{configuration}/{framework}/Rantevou.Hub.dll.</summary>
    public static string HubDll()
    {
        var configuration = typeof(HubProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Rantevou.sln")))
            root = root.Parent;
        if (root is null)
            throw new InvalidOperationException($"Rantevou.sln not found above {AppContext.BaseDirectory}.");
        var dll = Path.Combine(root.FullName, "src", "Hub", "bin", configuration, framework, "Rantevou.Hub.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the Hub first (dotnet build).", dll);
    }

    static readonly Lazy<string> published = new(Publish);

    /// <summary>
    /// The server as <c>dotnet publish</c> lays it out for an office (its wwwroot holding every library's assets), made
    /// once per test run from the build next to the tests (<c>--no-build</c>: the same binaries, published).
    /// </summary>
    public static string PublishedDll() => published.Value;

    static string Publish()
    {
        var dll = HubDll();
        var project = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(dll)!, "..", "..", "..", "Hub.csproj"));
        var configuration = new DirectoryInfo(Path.GetDirectoryName(dll)!).Parent!.Name;
        var output = Path.Combine(Path.GetTempPath(), "rantevou-published", Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["publish", project, "-c", configuration, "--no-build", "-o", output])
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{stdout.Result}\n{stderr}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(output, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return Path.Combine(output, "Rantevou.Hub.dll");
    }

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}

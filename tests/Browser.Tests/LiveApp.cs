using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;
using Rantevou.TestKit;

namespace Rantevou.Browser.Tests;

/// <summary>
/// The app on real Kestrel at 127.0.0.1 (a browser cannot reach TestServer), with mail links pointing at it,
/// so a test can open the links a person gets by email.
/// </summary>
public sealed class LiveApp : RantevouApp
{
    public LiveApp()
        : this(FreePort(), NewDataDir(), new FakeTimeProvider(DefaultStart))
    {
    }

    /// <summary>An app on a given port over a given data folder and clock: a fresh one (<see cref="At"/>) or a restart (<see cref="ReopenAsync"/>).</summary>
    LiveApp(int port, string dataDir, FakeTimeProvider clock)
        : base(dataDir, clock)
    {
        Port = port;
        Settings["Rantevou:PublicBaseUrl"] = BaseUrl;
        // The kiosk and display pages pair themselves as on a development machine (ADR 0015); the pairing test turns it off.
        Settings["Rantevou:Devices:AutoPair"] = "true";
    }

    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>A fresh app whose clock starts at <paramref name="start"/>.</summary>
    public static LiveApp At(DateTimeOffset start) => new(FreePort(), NewDataDir(), new FakeTimeProvider(start));

    /// <summary>Stops this server and starts a new one on the same port over the same data folder and clock.</summary>
    public async Task<LiveApp> ReopenAsync(Func<Task>? whileStopped = null)
    {
        KeepData = true;
        await DisposeAsync();
        if (whileStopped is not null)
            await whileStopped();
        return new LiveApp(Port, DataDir, Clock).Start();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The stylesheet lives in the Web RCL; outside Development an unpublished build only finds it this way.
        builder.UseStaticWebAssets();
    }

    public LiveApp Start()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, Port));
        StartServer();
        return this;
    }

    static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}

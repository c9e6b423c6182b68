using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Rantevou.TestKit;

namespace Rantevou.Browser.Tests;

/// <summary>
/// The app on real Kestrel at 127.0.0.1 (a browser cannot reach TestServer), with mail links pointing at it,
/// so a test can open the links a person gets by email.
/// </summary>
public sealed class LiveApp : RantevouApp
{
    public int Port { get; } = FreePort();
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public LiveApp() => Settings["Rantevou:PublicBaseUrl"] = BaseUrl;

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

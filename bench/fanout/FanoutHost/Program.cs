using System.Runtime;
using System.Runtime.InteropServices;

namespace Rantevou.Bench.Fanout;

/// <summary>Usage: Rantevou.Bench.FanoutHost &lt;port&gt; &lt;data dir&gt;. Prints one READY line, then serves until SIGTERM/SIGINT.</summary>
public static class FanoutMain
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 2 || !int.TryParse(args[0], out var port))
        {
            await Console.Error.WriteLineAsync("usage: Rantevou.Bench.FanoutHost <port> <data dir>");
            return 2;
        }
        var stop = new TaskCompletionSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
        await using (var app = new FanoutApp(port, args[1]).Start())
        {
            Console.WriteLine($"READY pid={Environment.ProcessId} url={app.BaseUrl} serverGC={GCSettings.IsServerGC} " +
                $"concurrentGC={AppContext.GetData("System.GC.Concurrent") ?? "default"} latencyMode={GCSettings.LatencyMode} cpus={Environment.ProcessorCount} kiosk={app.KioskSecret}");
            await stop.Task;
        }
        return 0;
    }
}

using Rantevou.Bench.Backend;

// bench/backend/run.sh runs "all"; the other verbs are the pieces, started by "all" as separate processes.
//   all <out> [--quick]                      every backend benchmark, writing <out>/{booking,availability,expiry}.json
//   booking <out> [--quick] [--trace]       the booking part only; --trace records a CPU-sampling trace of the Hub
//   availability <out> [--quick]           the availability part only
//   expiry <out> [--quick]                 the expiry part only
//   load <url> <serviceId> <seconds>        load only, against a server started by hand (profiling)
//   mail-sink <port> <seconds>               an SMTP server that counts what it takes, each second (profiling)
//   baseline-server <dataDir> <url>          the minimal ASP.NET Core + Microsoft.Data.Sqlite INSERT endpoint
//   statistics <out> [--quick]               the administrators' statistics over one office's year, <out>/statistics.json
var verb = args.FirstOrDefault();
switch (verb)
{
    case "all":
        return await Suite.RunAsync(args[1], args.Contains("--quick"));
    case "booking":
        Directory.CreateDirectory(args[1]);
        foreach (var r in await BookingBench.RunAsync(Path.Combine(Path.GetFullPath(args[1]), "backend-work", "booking"), args.Contains("--quick"),
            args.Contains("--trace") ? Path.Combine(Path.GetFullPath(args[1]), "booking.nettrace") : null))
            Console.WriteLine($"{r.Name}: {r.Value:0.###} {r.Unit} (baseline {r.BaselineValue:0.###}) met={r.Met} — {r.Notes}");
        return 0;
    case "availability":
        Directory.CreateDirectory(args[1]);
        foreach (var r in await AvailabilityBench.RunAsync(Path.Combine(Path.GetFullPath(args[1]), "backend-work", "availability"), args.Contains("--quick")))
            Console.WriteLine($"{r.Name}: {r.Value:0.###} {r.Unit} (baseline {r.BaselineValue:0.###}) met={r.Met} — {r.Notes}");
        return 0;
    case "expiry":
        Directory.CreateDirectory(args[1]);
        foreach (var r in await ExpiryBench.RunAsync(Path.Combine(Path.GetFullPath(args[1]), "backend-work", "expiry"), args.Contains("--quick")))
            Console.WriteLine($"{r.Name}: {r.Value:0.###} {r.Unit} (baseline {r.BaselineValue:0.###}) met={r.Met} — {r.Notes}");
        return 0;
    case "load":
        // For profiling by hand: load <url> <serviceId> <seconds> against a running server.
        var starts = await LoadGenerator.StartsAsync(args[1], int.Parse(args[2]), 60);
        var result = await new LoadGenerator(args[1], int.Parse(args[2]), starts, Seeder.Desks, 64)
            .RunAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(int.Parse(args[3])));
        Console.WriteLine(result);
        return 0;
    case "statistics":
        Directory.CreateDirectory(args[1]);
        await Suite.WriteAsync(Path.GetFullPath(args[1]), "statistics",
            await StatisticsBench.RunAsync(Path.Combine(Path.GetFullPath(args[1]), "backend-work", "statistics"), args.Contains("--quick")));
        return 0;
    case "baseline-server":
        await BaselineServer.RunAsync(args[1], args[2]);
        return 0;
    case "mail-sink":
        await using (var sink = MailSink.Start(int.Parse(args[1])))
            for (var s = 0; s < int.Parse(args[2]); s++)
            {
                await Task.Delay(1000);
                Console.WriteLine($"{s + 1} s: {sink.Received} mails");
            }
        return 0;
    default:
        Console.Error.WriteLine("usage: all <out> [--quick] | baseline-server <dataDir> <url>");
        return 2;
}

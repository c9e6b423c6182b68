using Rantevou.Bench.Backend;

// bench/backend/run.sh runs "all"; the other verbs are the pieces, started by "all" as separate processes.
//   all <out> [--quick]                      every backend benchmark, writing <out>/{booking,availability,expiry}.json
//   baseline-server <dataDir> <url>          the minimal ASP.NET Core + Microsoft.Data.Sqlite INSERT endpoint
var verb = args.FirstOrDefault();
switch (verb)
{
    case "all":
        return await Suite.RunAsync(args[1], args.Contains("--quick"));
    case "baseline-server":
        await BaselineServer.RunAsync(args[1], args[2]);
        return 0;
    default:
        Console.Error.WriteLine("usage: all <out> [--quick] | baseline-server <dataDir> <url>");
        return 2;
}

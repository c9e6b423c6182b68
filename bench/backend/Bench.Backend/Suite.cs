using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rantevou.Bench.Backend;

/// <summary>One row of a part's JSON (bench.md): a figure, its same-run baseline, the ratio and the target.</summary>
public sealed record Row(string Name, string Unit, double Value, string? Baseline, double? BaselineValue, string Target, bool Met, string Notes)
{
    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["unit"] = Unit,
        ["value"] = Math.Round(Value, 3),
        ["baseline"] = Baseline,
        ["baseline_value"] = BaselineValue is { } b ? Math.Round(b, 3) : null,
        ["ratio"] = BaselineValue is > 0 ? Math.Round(Value / BaselineValue.Value, 3) : null,
        ["target"] = Target,
        ["met"] = Met,
        ["notes"] = Notes,
    };
}

/// <summary>Runs the three backend parts in turn; this process is the load generator (run.sh pins it to core 1).</summary>
public static class Suite
{
    public const int ServerCore = 0;
    public const int LoadCore = 1;

    public static string RepoRoot { get; } = FindRoot();

    public static async Task<int> RunAsync(string outDir, bool quick)
    {
        outDir = Path.GetFullPath(outDir);
        var work = Path.Combine(outDir, "backend-work");
        if (Directory.Exists(work))
            Directory.Delete(work, recursive: true);
        Directory.CreateDirectory(work);
        await WriteAsync(outDir, "booking", await BookingBench.RunAsync(Path.Combine(work, "booking"), quick));
        await WriteAsync(outDir, "availability", await AvailabilityBench.RunAsync(Path.Combine(work, "availability"), quick));
        await WriteAsync(outDir, "expiry", await ExpiryBench.RunAsync(Path.Combine(work, "expiry"), quick));
        return 0;
    }

    public static async Task WriteAsync(string outDir, string part, IEnumerable<Row> rows)
    {
        var list = rows.ToList();
        var json = new JsonObject { ["part"] = part, ["rows"] = new JsonArray(list.Select(r => (JsonNode)r.ToJson()).ToArray()) };
        await File.WriteAllTextAsync(Path.Combine(outDir, $"{part}.json"), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        foreach (var r in list)
            Console.WriteLine($"[{part}] {r.Name}: {r.Value:0.###} {r.Unit} (baseline {r.BaselineValue:0.###}) target {r.Target} met={r.Met} — {r.Notes}");
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Rantevou.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Rantevou.sln not found above " + AppContext.BaseDirectory);
    }
}

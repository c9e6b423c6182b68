using Rantevou.Contracts.Admin;

namespace Rantevou.Core.Statistics;

/// <summary>R3/R5: how early or late people check in against their start, in bands an administrator can act on.</summary>
public static class Punctuality
{
    /// <summary>Minutes after the start (negative: early) where one band ends and the next begins.</summary>
    public static readonly int[] Edges = [-30, -15, -5, 0, 5, 15, 30];

    /// <summary>Every band, empty ones too, from the earliest to the latest: a band holds from its lower edge up to, not including, its upper one.</summary>
    public static List<PunctualityBucketDto> Buckets(IEnumerable<double> minutesLate)
    {
        var counts = new int[Edges.Length + 1];
        foreach (var m in minutesLate)
            counts[Edges.Count(e => m >= e)]++;
        return counts.Select((c, i) => new PunctualityBucketDto(i == 0 ? null : Edges[i - 1], i == Edges.Length ? null : Edges[i], c)).ToList();
    }
}

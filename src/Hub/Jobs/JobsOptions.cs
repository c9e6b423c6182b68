using System.ComponentModel.DataAnnotations;

namespace Rantevou.Hub.Jobs;

/// <summary>Section Rantevou:Jobs.</summary>
public sealed class JobsOptions
{
    /// <summary>Run the Hangfire server in this process (tests that drive jobs by hand turn it off).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Hangfire workers in this process: the sweeps are short, two keep one free while the other runs.</summary>
    [Range(1, 64)]
    public int WorkerCount { get; set; } = 2;
}

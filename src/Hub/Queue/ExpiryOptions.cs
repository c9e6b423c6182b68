using System.ComponentModel.DataAnnotations;

namespace Rantevou.Hub.Queue;

/// <summary>Section Rantevou:Expiry.</summary>
public sealed class ExpiryOptions
{
    /// <summary>Run the precise expiry scheduler in this process (tests that drive expiry by hand turn it off).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The longest sleep between two looks at the database: a change made on another node (which cannot wake this one)
    /// or a missed wake-up is caught within this time.
    /// </summary>
    [Range(1, 86_400)]
    public int MaxWaitSeconds { get; set; } = 30;
}

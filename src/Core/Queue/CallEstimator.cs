namespace Rantevou.Core.Queue;

/// <summary>When a person already in the day (appointment or walk-in) is expected to be called, and how many go first.</summary>
public sealed record CallEstimate(DateTime StartUtc, int DeskId, int Ahead);

public static class CallEstimator
{
    /// <summary>
    /// Plays the policy forward over <paramref name="desks"/> (assumptions in <see cref="QueueSimulation"/>);
    /// null when the person is not expected to be called today.
    /// </summary>
    public static CallEstimate? Estimate(IReadOnlyList<DeskFacts> desks, Guid id, DateTime nowUtc)
    {
        var calls = QueueSimulation.Run(desks, nowUtc, id);
        var index = calls.ToList().FindIndex(c => c.Id == id);
        if (index < 0)
            return null;
        var call = calls[index];
        return new CallEstimate(call.StartUtc, call.DeskId, calls.Count(c => c.StartUtc < call.StartUtc));
    }
}

namespace Rantevou.Core.LiveDay;

/// <summary>
/// One office on one local date: the version every queue change bumps in its transaction
/// (screens detect gaps with it, principle 3) and the last ticket number issued.
/// </summary>
public sealed class OfficeDay
{
    public int OfficeId { get; set; }
    public DateOnly Day { get; set; }
    public long Version { get; set; }
    public int LastTicket { get; set; }
    public DateTime? ClosedUtc { get; set; }
}

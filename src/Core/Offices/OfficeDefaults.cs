using Rantevou.Core.Booking;

namespace Rantevou.Core.Offices;

/// <summary>
/// R12: the configured limits (Rantevou:Limits, Rantevou:Agents) are the starting values of a new office; from then on
/// the office row holds them and the administrators change them (R11), so configuration no longer overrides them.
/// </summary>
public static class OfficeDefaults
{
    public static Office WithLimits(this Office office, BookingLimits limits, AgentOptions agents)
    {
        office.ActivePerService = limits.ActivePerService;
        office.PerDay = limits.PerDay;
        office.NoShowLimit = limits.NoShowLimit;
        office.NoShowWindowDays = limits.NoShowWindowDays;
        office.AgentDailyQuota = agents.DailyQuota;
        return office;
    }
}

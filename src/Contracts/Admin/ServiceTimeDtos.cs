namespace Rantevou.Contracts.Admin;

/// <summary>
/// R11: one service's planned time beside the time its served appointments and walk-ins really took (called →
/// completed), and the service time Rantevou suggests. Minutes; null where too few people were served to say.
/// </summary>
public sealed record ServiceTimeDto(int ServiceId, string NameEl, string NameEn, int PlannedMinutes, int Served,
    double? MedianMinutes, double? P75Minutes, int? SuggestedMinutes);

/// <summary>The services' real times over the <paramref name="Weeks"/> weeks up to and including <paramref name="To"/> (office days).</summary>
public sealed record ServiceTimesDto(int Weeks, DateOnly From, DateOnly To, int MinimumServed, List<ServiceTimeDto> Services);

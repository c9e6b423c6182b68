using System.ComponentModel.DataAnnotations;

namespace Rantevou.Hub.Infrastructure;

/// <summary>When waiting mail makes the server degraded or unhealthy (section Rantevou:Health).</summary>
public sealed class HealthOptions : IValidatableObject
{
    /// <summary>R2: the oldest unsent mail older than this makes /health/ready Degraded (still 200).</summary>
    [Range(1, 10_080)]
    public int OutboxDegradedMinutes { get; set; } = 15;

    /// <summary>…and older than this Unhealthy (503): mail is not leaving at all.</summary>
    [Range(1, 10_080)]
    public int OutboxUnhealthyMinutes { get; set; } = 120;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OutboxUnhealthyMinutes <= OutboxDegradedMinutes)
            yield return new ValidationResult("OutboxUnhealthyMinutes must be greater than OutboxDegradedMinutes.",
                [nameof(OutboxUnhealthyMinutes)]);
    }
}

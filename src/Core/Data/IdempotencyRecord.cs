namespace Rantevou.Core.Data;

/// <summary>The stored first answer to a POST with an Idempotency-Key header.</summary>
public sealed class IdempotencyRecord
{
    public required string Key { get; set; }
    public required string RequestHash { get; set; }
    public int StatusCode { get; set; }
    public required string ResponseJson { get; set; }
    public string? Location { get; set; }
    public DateTime CreatedUtc { get; set; }
}

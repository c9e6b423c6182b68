namespace Rantevou.Core.Data;

/// <summary>Server secrets kept in the database so every node of the office shares them.</summary>
public sealed class Secret
{
    public required string Name { get; set; }
    public required byte[] Value { get; set; }
}

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

namespace Rantevou.Core.Data;

/// <summary>Server secrets kept in the database so every node of the office shares them.</summary>
public sealed class Secret
{
    public required string Name { get; set; }
    public required byte[] Value { get; set; }
}

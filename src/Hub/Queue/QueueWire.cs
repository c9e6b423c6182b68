using System.Globalization;
using MessagePack;
using MessagePack.Formatters;
using MessagePack.Resolvers;

namespace Rantevou.Hub.Queue;

/// <summary>
/// The hub's MessagePack protocol, which the screens use when they load its script (queue-live.js): a change reaches
/// each screen in fewer bytes and for less of the server's CPU than as JSON, measured in every fan-out run since
/// (docs/benchmarks.md). Times and days go as the JSON protocol writes them, ISO text, so a screen reads one shape
/// whichever protocol brought it; SignalR's resolvers after them keep the C# names (the script turns them to camelCase)
/// and send enums by name (ADR 0021).
/// </summary>
public static class QueueWire
{
    public static readonly MessagePackSerializerOptions MessagePack = MessagePackSerializerOptions.Standard
        .WithResolver(CompositeResolver.Create(
            [new IsoTime(), new IsoDay()],
            [DynamicEnumAsStringResolver.Instance, ContractlessStandardResolver.Instance]))
        .WithSecurity(MessagePackSecurity.UntrustedData);

    /// <summary>Milliseconds and the offset: the format JavaScript's <c>Date.parse</c> is specified to read.</summary>
    sealed class IsoTime : IMessagePackFormatter<DateTimeOffset>
    {
        public void Serialize(ref MessagePackWriter writer, DateTimeOffset value, MessagePackSerializerOptions options) =>
            writer.Write(value.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffzzz", CultureInfo.InvariantCulture));

        public DateTimeOffset Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options) =>
            DateTimeOffset.Parse(reader.ReadString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    }

    sealed class IsoDay : IMessagePackFormatter<DateOnly>
    {
        public void Serialize(ref MessagePackWriter writer, DateOnly value, MessagePackSerializerOptions options) =>
            writer.Write(value.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture));

        public DateOnly Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options) =>
            DateOnly.ParseExact(reader.ReadString()!, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);
    }
}

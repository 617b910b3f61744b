using System.Globalization;
using MassTransit;

namespace RedesPlataforma.BuildingBlocks.Messaging;

public static class MessageOrdering
{
    /// <summary>
    /// The <see cref="PlatformMessageHeaders.OutboxSequence"/> the outbox dispatcher stamped on the message; null when
    /// something other than an outbox published it. The broker may hand the number back as any integer type or as text.
    /// </summary>
    public static long? OutboxSequence(this ConsumeContext context)
    {
        if (!context.Headers.TryGetHeader(PlatformMessageHeaders.OutboxSequence, out var header)) return null;
        return header switch
        {
            string text => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
            IConvertible number => number.ToInt64(CultureInfo.InvariantCulture),
            _ => null,
        };
    }
}

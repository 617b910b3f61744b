namespace RedesPlataforma.Gateway.Transport;

/// <summary>
/// The gateway's work per request is short and never blocks (headers, a cached token, a rate-limit bucket, a proxied
/// call awaited), so it can run on the thread that read the socket instead of being handed to a thread-pool worker and
/// back: on 2 shared cores each hand-off is a futex wake and a context switch, and those were the largest share of the
/// gateway's CPU per request (docs/decisions/0036). .NET's socket engine takes the switch only from the process's
/// environment, which the deployments set for the gateway alone (deploy/local/up.sh, the compose file, the Kubernetes
/// manifest); Kestrel's transport follows the same switch here, so one setting turns both halves on or off.
/// </summary>
public static class InlineIo
{
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static WebApplicationBuilder UseInlineIoWhenSet(this WebApplicationBuilder builder)
    {
        var inline = Environment.GetEnvironmentVariable(Variable) == "1";
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = inline);
        return builder;
    }
}

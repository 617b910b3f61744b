using Yarp.ReverseProxy.Transforms.Builder;

namespace RedesPlataforma.Gateway.Overload;

public static class OverloadExtensions
{
    public static IHostApplicationBuilder AddOverloadShedding(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OverloadSettings>().BindConfiguration(OverloadSettings.Section)
            .Validate(s => s.MaxConcurrentRequests > 0 && s.MaxQueuedRequests >= 0 && s.MaxQueueWait >= TimeSpan.Zero && s.RetryAfterSeconds > 0,
                "Overload: MaxConcurrentRequests and RetryAfterSeconds must be positive, MaxQueuedRequests and MaxQueueWait not negative.")
            .ValidateOnStart();
        builder.Services.AddSingleton<OverloadShedding>();
        builder.Services.AddSingleton<ITransformProvider, OverloadShedding.GiveBackWhenAnswered>();
        return builder;
    }
}

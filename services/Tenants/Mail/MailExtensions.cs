using Microsoft.Extensions.Options;

namespace RedesPlataforma.Tenants.Mail;

public static class MailExtensions
{
    public static IHostApplicationBuilder AddMail(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<MailOptions>(builder.Configuration.GetSection(MailOptions.Section));
        builder.Services.AddSingleton<IMailer>(services =>
        {
            var options = services.GetRequiredService<IOptions<MailOptions>>().Value;
            return options.Smtp.Host is { Length: > 0 } host
                ? new SmtpMailer(options.Smtp, host)
                : new PickupFolderMailer(options.PickupFolder ?? Path.Combine(builder.Environment.ContentRootPath, ".mail"), options.Smtp.From,
                    services.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddSingleton<MailQueue>();
        builder.Services.AddHostedService<MailSender>();
        return builder;
    }
}

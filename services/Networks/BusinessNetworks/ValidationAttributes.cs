using System.ComponentModel.DataAnnotations;

namespace RedesPlataforma.Networks.BusinessNetworks;

/// <summary>An absolute http or https URL (a link to evidence, never a file path or javascript:).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class HttpUrlAttribute() : ValidationAttribute("The {0} field must be an absolute http or https URL. / El enlace debe ser una URL http o https absoluta.")
{
    public override bool IsValid(object? value) =>
        value is null || (value is string text && Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));
}

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RedesPlataforma.BuildingBlocks.ServiceDefaults;

/// <summary>
/// What every service's OpenAPI document says about the platform rather than about its endpoints. The server is the
/// gateway the document is read through ("/"), not the host that answered: clients reach the services only through
/// it, and the committed copies in portal/openapi/ stay the same on every machine.
/// </summary>
internal sealed class PlatformOpenApiDocument : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Description =
            "A RedesPlataforma service, reached through the gateway with a bearer token from the Tenants service's token server. " +
            "Errors are RFC 7807 problems (application/problem+json).";
        document.Info.Contact = new OpenApiContact { Name = "RedesPlataforma" };
        document.Servers = [new OpenApiServer { Url = "/", Description = "The gateway" }];
        return Task.CompletedTask;
    }
}

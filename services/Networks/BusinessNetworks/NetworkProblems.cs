using Microsoft.AspNetCore.Http.HttpResults;
using RedesPlataforma.BuildingBlocks.Http;

namespace RedesPlataforma.Networks.BusinessNetworks;

/// <summary>Problem responses the network endpoints share.</summary>
static class NetworkProblems
{
    /// <summary>The network belongs to the caller's tenant, so its existence is no secret: 403, not 404.</summary>
    public static ProblemHttpResult NotYourNetwork() => Refusal.Forbidden(null,
        "This network is assigned to another specialist; only they, a supervisor or an admin can change it. / " +
        "Esta red está asignada a otro especialista; solo él, un supervisor o un administrador pueden modificarla.").ToProblem();
}

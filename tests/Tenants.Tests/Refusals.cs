using Microsoft.AspNetCore.Http.HttpResults;

namespace RedesPlataforma.Tenants.Tests;

static class Refusals
{
    /// <summary>The refusal is the problem the endpoint answers with: its status, its bilingual text, and the field at fault if any.</summary>
    public static void AssertRefused(ProblemHttpResult? refusal, int status, string detail, string? field = null)
    {
        Assert.NotNull(refusal);
        Assert.Equal(status, refusal.StatusCode);
        Assert.Equal(detail, refusal.ProblemDetails.Detail);
        Assert.Equal(field, refusal.ProblemDetails.Extensions.TryGetValue("field", out var value) ? value : null);
    }
}

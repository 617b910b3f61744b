using RedesPlataforma.BuildingBlocks.Http;

namespace RedesPlataforma.Tenants.Tests;

static class Refusals
{
    /// <summary>The refusal the endpoint answers with as a problem: its status, its bilingual text, and the field at fault if any.</summary>
    public static void AssertRefused(Refusal? refusal, int status, string detail, string? field = null)
    {
        Assert.NotNull(refusal);
        Assert.Equal(status, refusal.Status);
        Assert.Equal(detail, refusal.Detail);
        Assert.Equal(field, refusal.Field);
    }
}

using System.Net;
using RedesPlataforma.Networks.Specialists;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Networks.FunctionalTests;

[Collection(NetworksHost.Name)]
public sealed class SpecialistsApiTests(NetworksApp app)
{
    [Fact]
    public async Task A_supervisor_lists_the_institutions_specialists_and_no_one_else()
    {
        var tenant = await app.OnboardAsync();
        var ana = await app.StaffAsync(tenant);
        var luis = await app.StaffAsync(tenant);
        var viewer = await app.StaffAsync(tenant, "Viewer");
        var supervisor = await app.StaffAsync(tenant, "Supervisor");
        var elsewhere = await app.StaffAsync(await app.OnboardAsync());

        var listed = await (await supervisor.Client.GetAsync("/api/specialists")).ReadAsync<List<SpecialistSummary>>();

        Assert.Equal(new[] { ana.Id, luis.Id }.Order(), listed.Select(s => s.Id).Order());
        Assert.DoesNotContain(listed, s => s.Id == viewer.Id || s.Id == supervisor.Id || s.Id == elsewhere.Id);
        Assert.All(listed, s => Assert.False(string.IsNullOrWhiteSpace(s.FullName)));
    }

    [Fact]
    public async Task A_specialist_may_not_list_their_colleagues()
    {
        var specialist = await app.StaffAsync(await app.OnboardAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.Client.GetAsync("/api/specialists")).StatusCode);
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using RedesPlataforma.Contracts.Networks;
using RedesPlataforma.Testing;

namespace RedesPlataforma.Networks.FunctionalTests;

/// <summary>
/// Producer events carry the keyed hash of the DNI in the current key's version, never the DNI (docs/decisions/0026),
/// on every path: registration, an update that changes the DNI, a deactivation, and the bulk import's SQL.
/// </summary>
[Collection(NetworksHost.Name)]
public sealed class ProducerDniHashTests(NetworksApp app)
{
    [Fact]
    public async Task Registering_changing_the_DNI_and_deactivating_queue_the_hash_of_the_current_DNI_and_never_the_DNI()
    {
        var admin = await ProducerScenario.AdminClientAsync(app);
        var (first, second) = (ProducerScenario.NewDni(), ProducerScenario.NewDni());
        var producer = await admin.RegisterAsync(ProducerScenario.Request(dni: first));
        (await admin.PutAsJsonAsync($"/api/producers/{producer.Id}", ProducerScenario.Request(dni: second), Json.Options)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/producers/{producer.Id}/deactivate", null)).EnsureSuccessStatusCode();

        var queued = await ProducerScenario.OutboxAsync(app, producer.Id);
        Assert.Equal([typeof(ProducerRegistered).FullName!, typeof(ProducerChanged).FullName!, typeof(ProducerChanged).FullName!],
            queued.Select(m => m.Type.Split(',')[0]));
        Assert.Equal([NetworksApp.DniHasher.Hash(first), NetworksApp.DniHasher.Hash(second), NetworksApp.DniHasher.Hash(second)],
            queued.Select(m => JsonDocument.Parse(m.Body).RootElement.GetProperty("dniHash").GetString()));
        Assert.All(queued, m => Assert.StartsWith("t1:", JsonDocument.Parse(m.Body).RootElement.GetProperty("dniHash").GetString()));
        Assert.All(queued, m => Assert.DoesNotContain(first, m.Body));
        Assert.All(queued, m => Assert.DoesNotContain(second, m.Body));
    }

    [Fact]
    public void Without_a_current_DNI_hash_key_the_service_refuses_to_start_and_says_which_setting_is_missing()
    {
        using var keyless = app.WithWebHostBuilder(builder => builder.UseSetting("Producers:DniHashCurrent", "v9"));
        var refusal = Assert.Throws<OptionsValidationException>(() => keyless.CreateClient());
        Assert.Contains("Producers:DniHashKeys", refusal.Message);
    }

    [Fact]
    public async Task Imported_producers_carry_the_hash_of_their_normalised_DNI_and_never_the_DNI()
    {
        var tenant = await app.Tenants.OnboardAsync();
        var admin = await app.ClientForAsync(tenant.AdminEmail, Scenario.Password);
        var dnis = Enumerable.Range(0, 3).Select(_ => ProducerScenario.NewDni()).ToArray();
        var written = new[] { dnis[0], $"{dnis[1]}-{RedesPlataforma.BuildingBlocks.Peru.Dni.CheckCharacter(dnis[1]).Digit}", $" {dnis[2]} " };
        (await admin.ImportAsync("productores.csv", ProducerScenario.Csv([.. written.Select(d => ProducerScenario.CsvRow(d))]), "dryRun=false"))
            .EnsureSuccessStatusCode();

        var body = Assert.Single(await ProducerScenario.OutboxOfTypeAsync(app, tenant.TenantId, typeof(ProducersImported))).Body;
        var producers = JsonDocument.Parse(body).RootElement.GetProperty("producers").EnumerateArray().ToList();
        Assert.Equal(dnis.Select(NetworksApp.DniHasher.Hash), producers.Select(p => p.GetProperty("dniHash").GetString()));
        Assert.All(dnis, dni => Assert.DoesNotContain(dni, body));
    }
}

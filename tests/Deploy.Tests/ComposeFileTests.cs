namespace RedesPlataforma.Deploy.Tests;

/// <summary>deploy/compose/docker-compose.yml runs every backend and the gateway with what deploy/local/up.sh gives them.</summary>
public sealed class ComposeFileTests
{
    private const string TokenServerUrl = "http://tenants:8080/";

    [Theory]
    [MemberData(nameof(Platform.BackendsAndGateway), MemberType = typeof(Platform))]
    public void Every_backend_and_the_gateway_is_built_from_its_project_into_its_image_and_health_checked(string name)
    {
        var deployable = Platform.Deployable(name);
        var service = ComposeFile.Service(deployable.Key);

        Assert.Equal(deployable.Project, service.Project);
        Assert.Equal($"{deployable.Image}:local", service.Image);
        Assert.True(service.HasHealthcheck, $"compose service '{service.Name}' has no healthcheck");
    }

    [Theory]
    [MemberData(nameof(Platform.Backends), MemberType = typeof(Platform))]
    public void Every_backend_serves_as_the_app_role_and_migrates_as_the_owner_on_its_own_database(string name)
    {
        var backend = Repository.Backend(name);
        var environment = ComposeFile.Service(backend.Key).Environment;

        Assert.Equal(new DatabaseLogin("postgres", backend.Database, "redes_app"), DatabaseLogin.Parse(environment["ConnectionStrings__Database"]));
        Assert.Equal(new DatabaseLogin("postgres", backend.Database, "redes_owner"), DatabaseLogin.Parse(environment["ConnectionStrings__DatabaseOwner"]));
        // The postgres container creates only the databases it is told to, on its first start.
        Assert.Contains(backend.Database, ComposeFile.InitialisedDatabases);
    }

    [Theory]
    [MemberData(nameof(Platform.Backends), MemberType = typeof(Platform))]
    public void Every_backend_gets_the_settings_deploy_local_gives_every_service(string name)
    {
        var environment = ComposeFile.Service(Repository.Backend(name).Key).Environment;

        Assert.All(Platform.SharedBackendSettings, setting => Assert.Contains(setting, environment.Keys));
        Assert.Equal(TokenServerUrl, environment["Identity__Authority"]);
    }

    [Theory]
    [MemberData(nameof(Platform.Backends), MemberType = typeof(Platform))]
    public void Every_backend_starts_once_the_database_and_the_broker_are_healthy(string name)
    {
        var service = ComposeFile.Service(Repository.Backend(name).Key);

        Assert.True(service.WaitsUntilHealthy("postgres"), $"'{service.Name}' does not wait for a healthy postgres");
        Assert.True(service.WaitsUntilHealthy("rabbitmq"), $"'{service.Name}' does not wait for a healthy rabbitmq");
    }

    [Theory]
    [MemberData(nameof(Platform.BackendsOtherThanTheTokenServer), MemberType = typeof(Platform))]
    public void Every_other_backend_waits_for_the_token_server_and_holds_none_of_its_settings(string name)
    {
        var service = ComposeFile.Service(Repository.Backend(name).Key);

        Assert.True(service.WaitsUntilHealthy(Repository.TokenServer.ToLowerInvariant()), $"'{service.Name}' does not wait for a healthy token server");
        Assert.DoesNotContain(service.Environment.Keys, Platform.IsTokenServerOnly);
    }

    [Theory]
    [MemberData(nameof(Platform.Backends), MemberType = typeof(Platform))]
    public void The_gateway_routes_to_every_backend_once_it_is_healthy(string name)
    {
        var backend = Repository.Backend(name);
        var gateway = ComposeFile.Service(Repository.Gateway.Key);

        Assert.Equal($"http://{backend.Key}:8080", gateway.Environment.GetValueOrDefault($"Services__{backend.Name}"));
        Assert.True(gateway.WaitsUntilHealthy(backend.Key), $"the gateway does not wait for a healthy '{backend.Key}'");
    }

    [Fact]
    public void The_token_server_accepts_the_portal_callback_on_the_gateways_published_port()
    {
        var tenants = ComposeFile.Service(Repository.Backend(Repository.TokenServer).Key);

        Assert.Equal($"http://127.0.0.1:${{GATEWAY_PORT:-5100}}{Platform.PortalCallbackPath}", tenants.Environment.GetValueOrDefault("Identity__Portal__RedirectUris__0"));
    }

    [Fact]
    public void Only_the_gateway_runs_its_requests_on_the_IO_threads()
    {
        Assert.Equal("1", ComposeFile.Service(Repository.Gateway.Key).Environment.GetValueOrDefault(Platform.InlineIoVariable));
        Assert.All(ComposeFile.Services.Values.Where(service => service.Name != Repository.Gateway.Key),
            service => Assert.False(service.Environment.ContainsKey(Platform.InlineIoVariable), $"'{service.Name}' sets {Platform.InlineIoVariable}"));
    }

    [Fact]
    public void The_gateway_keeps_its_data_protection_keys_on_a_volume()
    {
        var document = Yaml.Document(ComposeFile.Path);
        var gateway = document.At("services", Repository.Gateway.Key);
        var folder = gateway.Map("environment").Text("DataProtection__KeysFolder");

        Assert.NotNull(folder);
        Assert.Contains(gateway.List("volumes").OfType<string>(), volume => volume.EndsWith(":" + folder, StringComparison.Ordinal));
    }

    /// <summary>A published service port lets a caller skip the gateway's rate limits and headers (issue 16, item 8).</summary>
    [Fact]
    public void Only_the_gateway_publishes_a_port()
    {
        Assert.NotEmpty(ComposeFile.Service(Repository.Gateway.Key).Ports);
        Assert.All(ComposeFile.Services.Values.Where(service => service.Name != Repository.Gateway.Key),
            service => Assert.True(service.Ports.Count == 0, $"'{service.Name}' publishes {string.Join(", ", service.Ports)}"));
    }

    /// <summary>On an internal network nothing outside the compose project reaches a container, published port or not.</summary>
    [Theory]
    [MemberData(nameof(Platform.BackendsAndInfrastructure), MemberType = typeof(Platform))]
    public void Every_backend_the_database_and_the_broker_sit_only_on_internal_networks(string key)
    {
        var service = ComposeFile.Service(key);

        Assert.NotEmpty(service.Networks); // none means compose's default network, which is not internal
        Assert.All(service.Networks, network => Assert.True(ComposeFile.InternalNetworks.Contains(network), $"'{key}' is on '{network}', which is not internal"));
    }

    [Fact]
    public void The_gateway_joins_the_services_internal_network_and_one_it_is_published_on()
    {
        var gateway = ComposeFile.Service(Repository.Gateway.Key);
        var backendNetworks = Repository.Backends.SelectMany(backend => ComposeFile.Service(backend.Key).Networks).ToHashSet();

        Assert.Contains(gateway.Networks, backendNetworks.Contains);
        Assert.Contains(gateway.Networks, network => !ComposeFile.InternalNetworks.Contains(network));
    }
}

namespace RedesPlataforma.Deploy.Tests;

/// <summary>deploy/k8s: what <c>kubectl apply -k</c> creates runs every backend and the gateway, with the Secrets the template describes.</summary>
public sealed class KubernetesManifestTests
{
    private const string TokenServerUrl = "http://tenants/";

    /// <summary>The objects tenants.yaml has for a service: without HPA and PDB it would not scale or survive a node drain.</summary>
    private static readonly string[] ObjectsPerService = ["Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget"];

    [Theory]
    [MemberData(nameof(Platform.BackendsAndGateway), MemberType = typeof(Platform))]
    public void Every_backend_and_the_gateway_has_its_manifest_listed_in_kustomization(string name)
    {
        var key = Platform.Deployable(name).Key;

        Assert.Contains($"{key}.yaml", KubernetesManifests.Resources);
        Assert.True(File.Exists(Path.Combine(KubernetesManifests.Folder, $"{key}.yaml")), $"deploy/k8s/{key}.yaml is listed but missing");
        Assert.All(ObjectsPerService, kind => Assert.Equal($"{key}.yaml", KubernetesManifests.Get(kind, key).File));
        Assert.Equal(key, KubernetesManifests.Get("HorizontalPodAutoscaler", key).Manifest.At("spec", "scaleTargetRef").Text("name"));
    }

    [Theory]
    [MemberData(nameof(Platform.BackendsAndGateway), MemberType = typeof(Platform))]
    public void Every_deployment_runs_its_own_image_and_kustomization_pins_it(string name)
    {
        var deployable = Platform.Deployable(name);
        var image = KubernetesManifests.Get("Deployment", deployable.Key).Container.Text("image") ?? "";

        Assert.Equal(deployable.Image, image.Split(':')[0]);
        Assert.Contains(deployable.Image, KubernetesManifests.PinnedImages);
    }

    /// <summary>The gateway's Services__&lt;Name&gt; URLs are http://&lt;name&gt;, so each backend's Service must answer on port 80.</summary>
    [Theory]
    [MemberData(nameof(Platform.Backends), MemberType = typeof(Platform))]
    public void The_gateway_config_names_every_backend_service_on_port_80(string name)
    {
        var backend = Repository.Backend(name);
        var gatewayConfig = KubernetesManifests.Get("ConfigMap", "gateway-config").Manifest.Map("data").Texts();
        var ports = KubernetesManifests.Get("Service", backend.Key).Manifest.At("spec").Maps("ports");

        Assert.Equal($"http://{backend.Key}", gatewayConfig.GetValueOrDefault($"Services__{backend.Name}"));
        Assert.Contains(ports, port => port.Text("port") == "80" && port.Text("targetPort") == "http");
        Assert.Contains("gateway-config", ConfigMapsOf(KubernetesManifests.Get("Deployment", Repository.Gateway.Key)));
    }

    [Theory]
    [MemberData(nameof(Platform.Backends), MemberType = typeof(Platform))]
    public void Every_backend_gets_the_shared_config_the_broker_credentials_and_its_own_secret(string name)
    {
        var backend = Repository.Backend(name);
        var deployment = KubernetesManifests.Get("Deployment", backend.Key);
        var settings = ConfigMapsOf(deployment).SelectMany(c => KubernetesManifests.Get("ConfigMap", c).Manifest.Map("data").Keys)
            .Concat(SecretsOf(deployment).SelectMany(s => KubernetesManifests.SecretTemplate(s).Keys))
            .ToHashSet();

        Assert.Contains($"{backend.Key}-secrets", SecretsOf(deployment));
        Assert.All(Platform.SharedBackendSettings, setting => Assert.Contains(setting, settings));
        Assert.Equal(TokenServerUrl, KubernetesManifests.Get("ConfigMap", "redes-config").Manifest.Map("data").Text("Identity__Authority"));
    }

    [Theory]
    [MemberData(nameof(Platform.Backends), MemberType = typeof(Platform))]
    public void Every_backend_secret_serves_as_the_app_role_and_migrates_as_the_owner_on_its_own_database(string name)
    {
        var backend = Repository.Backend(name);
        var secret = KubernetesManifests.SecretTemplate($"{backend.Key}-secrets");

        var app = DatabaseLogin.Parse(secret["ConnectionStrings__Database"]);
        var owner = DatabaseLogin.Parse(secret["ConnectionStrings__DatabaseOwner"]);
        Assert.Equal((backend.Database, "redes_app"), (app.Database, app.Username));
        Assert.Equal((backend.Database, "redes_owner"), (owner.Database, owner.Username));
    }

    [Theory]
    [MemberData(nameof(Platform.BackendsOtherThanTheTokenServer), MemberType = typeof(Platform))]
    public void Every_other_backend_has_none_of_the_token_servers_settings_keys_or_volumes(string name)
    {
        var backend = Repository.Backend(name);
        var deployment = KubernetesManifests.Get("Deployment", backend.Key);
        var env = deployment.Container.Maps("env").Select(variable => variable.Text("name") ?? "");

        Assert.DoesNotContain(env, Platform.IsTokenServerOnly);
        Assert.DoesNotContain(KubernetesManifests.SecretTemplate($"{backend.Key}-secrets").Keys, Platform.IsTokenServerOnly);
        // Scratch space only (an emptyDir for /tmp): no keys, no mail folder.
        Assert.All(deployment.Manifest.At("spec", "template", "spec").Maps("volumes"), volume => Assert.True(volume.Has("emptyDir"), $"volume '{volume.Text("name")}'"));
    }

    /// <summary>nginx refuses a larger body with its own 413 before the gateway sees it: the producer import (50 MB) would never arrive.</summary>
    [Fact]
    public void The_ingress_lets_through_the_largest_body_a_gateway_route_accepts()
    {
        var bodySize = KubernetesManifests.Get("Ingress", Repository.Gateway.Key).Manifest.At("metadata", "annotations")
            .Text("nginx.ingress.kubernetes.io/proxy-body-size") ?? "1m"; // ingress-nginx's default

        Assert.True(NginxSize.Bytes(bodySize) >= GatewaySettings.LargestRequestBodyBytes,
            $"proxy-body-size {bodySize} is below the gateway's largest route limit of {GatewaySettings.LargestRequestBodyBytes} bytes");
    }

    [Fact]
    public void The_token_server_accepts_the_portal_callback_at_the_ingress_host()
    {
        var host = KubernetesManifests.Get("Ingress", Repository.Gateway.Key).Manifest.Map("spec").Maps("rules").Single().Text("host");
        var env = KubernetesManifests.Get("Deployment", Repository.Backend(Repository.TokenServer).Key).Container.Maps("env")
            .ToDictionary(variable => variable.Text("name") ?? "", variable => variable.Text("value"));

        Assert.Equal($"https://{host}{Platform.PortalCallbackPath}", env.GetValueOrDefault("Identity__Portal__RedirectUris__0"));
    }

    [Fact]
    public void Only_the_gateway_runs_its_requests_on_the_IO_threads()
    {
        var settingIt = KubernetesManifests.Objects
            .Where(o => o.Kind == "ConfigMap" && o.Manifest.Map("data").Text(Platform.InlineIoVariable) is not null
                || o.Kind == "Deployment" && o.Container.Maps("env").Any(variable => variable.Text("name") == Platform.InlineIoVariable))
            .Select(o => $"{o.Kind}/{o.Name}");

        Assert.Equal(["ConfigMap/gateway-config"], settingIt);
        Assert.Equal("1", KubernetesManifests.Get("ConfigMap", "gateway-config").Manifest.Map("data").Text(Platform.InlineIoVariable));
        Assert.Contains(KubernetesManifests.Get("Deployment", Repository.Gateway.Key).Container.Maps("envFrom"),
            source => source.Map("configMapRef").Text("name") == "gateway-config");
    }

    /// <summary>Each replica decrypts the session cookies the others issued: one key ring on a volume all of them mount.</summary>
    [Fact]
    public void Every_gateway_replica_mounts_the_same_writable_data_protection_volume()
    {
        var gateway = KubernetesManifests.Get("Deployment", Repository.Gateway.Key);
        var folder = KubernetesManifests.Get("ConfigMap", "gateway-config").Manifest.Map("data").Text("DataProtection__KeysFolder");
        var mount = gateway.Container.Maps("volumeMounts").Single(m => m.Text("mountPath") == folder);
        var volume = gateway.Manifest.At("spec", "template", "spec").Maps("volumes").Single(v => v.Text("name") == mount.Text("name"));
        var claim = KubernetesManifests.Get("PersistentVolumeClaim", volume.Map("persistentVolumeClaim").Text("claimName")!);

        Assert.Contains("ReadWriteMany", claim.Manifest.Map("spec").List("accessModes").OfType<string>());
        Assert.NotEqual("true", mount.Text("readOnly"));
    }

    /// <summary>Issue 16, item 8: with no policy a pod accepts every connection in the cluster, so the default denies.</summary>
    [Fact]
    public void Nothing_in_the_namespace_accepts_connections_unless_a_policy_lets_them_in()
    {
        var policies = KubernetesManifests.Objects.Where(o => o.Kind == "NetworkPolicy").Select(o => o.Manifest.Map("spec"));

        Assert.Contains(policies, spec => !spec.Map("podSelector").Keys.Any()
                                          && spec.List("policyTypes").Contains("Ingress")
                                          && spec.List("ingress").Count == 0);
    }

    [Fact]
    public void The_gateway_accepts_connections_from_anywhere_on_its_http_port()
    {
        var spec = PolicyFor(Repository.Gateway.Key);
        var rule = Assert.Single(spec.Maps("ingress"));

        Assert.Empty(rule.List("from"));
        Assert.Equal(["http"], rule.Maps("ports").Select(port => port.Text("port")));
    }

    /// <summary>A backend reached by anything but the gateway skips its rate limits and headers; Tenants also serves the
    /// other backends its signing keys (they validate tokens against it).</summary>
    [Theory]
    [MemberData(nameof(Platform.Backends), MemberType = typeof(Platform))]
    public void Every_backend_accepts_connections_only_from_the_gateway_and_the_token_server_also_from_the_backends(string name)
    {
        var backend = Repository.Backend(name);
        IEnumerable<string> allowed = name == Repository.TokenServer
            ? Repository.Backends.Where(b => b.Name != name).Select(b => b.Key).Append(Repository.Gateway.Key).Order()
            : [Repository.Gateway.Key];

        var rules = PolicyFor(backend.Key).Maps("ingress").ToList();

        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.NotEmpty(rule.List("from"))); // a rule with no "from" lets in every pod
        Assert.Equal(allowed, rules.SelectMany(rule => rule.Maps("from")).SelectMany(PodsSelected).Order());
    }

    /// <summary>The policy whose pod selector picks exactly this deployment's pods.</summary>
    private static YamlMap PolicyFor(string key) =>
        KubernetesManifests.Objects.Where(o => o.Kind == "NetworkPolicy").Select(o => o.Manifest.Map("spec"))
            .SingleOrDefault(spec => spec.At("podSelector", "matchLabels").Text("app.kubernetes.io/name") == key)
        ?? throw new Xunit.Sdk.XunitException($"no NetworkPolicy selects the pods of '{key}'");

    /// <summary>The app names a "from" peer admits; a peer by namespace or address range admits more than pods of ours.</summary>
    private static IEnumerable<string> PodsSelected(YamlMap peer)
    {
        Assert.False(peer.Has("namespaceSelector") || peer.Has("ipBlock"), "a peer by namespace or address range");
        var selector = peer.Map("podSelector");
        if (selector.At("matchLabels").Text("app.kubernetes.io/name") is { } single) return [single];
        return selector.Maps("matchExpressions")
            .Where(e => e.Text("key") == "app.kubernetes.io/name" && e.Text("operator") == "In")
            .SelectMany(e => e.List("values").OfType<string>());
    }

    private static IEnumerable<string> ConfigMapsOf(KubeObject deployment) =>
        deployment.Container.Maps("envFrom").Select(source => source.Map("configMapRef").Text("name")).OfType<string>();

    private static IEnumerable<string> SecretsOf(KubeObject deployment) =>
        deployment.Container.Maps("envFrom").Select(source => source.Map("secretRef").Text("name")).OfType<string>();
}

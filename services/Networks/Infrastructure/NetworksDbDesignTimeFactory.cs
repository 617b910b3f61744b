using RedesPlataforma.BuildingBlocks.Persistence;

namespace RedesPlataforma.Networks.Infrastructure;

sealed class NetworksDbDesignTimeFactory() : ServiceDbDesignTimeFactory<NetworksDb>((options, tenant) => new(options, tenant));

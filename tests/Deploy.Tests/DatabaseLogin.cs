using System.Data.Common;

namespace RedesPlataforma.Deploy.Tests;

/// <summary>The parts of an Npgsql connection string that decide where a service lands and with which role.</summary>
public sealed record DatabaseLogin(string? Host, string? Database, string? Username)
{
    public static DatabaseLogin Parse(string connectionString)
    {
        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        string? Part(string key) => parts.TryGetValue(key, out var value) ? value?.ToString() : null;
        return new DatabaseLogin(Part("Host"), Part("Database"), Part("Username"));
    }
}

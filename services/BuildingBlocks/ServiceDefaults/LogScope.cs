using System.Collections;

namespace RedesPlataforma.BuildingBlocks.ServiceDefaults;

/// <summary>
/// A log scope of one named value (<c>logger.BeginScope(new LogScope("TenantId", id))</c>): the JSON console writes it as
/// that property, like a dictionary of one entry, without allocating the dictionary on every request.
/// </summary>
public sealed class LogScope(string name, object? value) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new(name, value) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{name}:{value}";
}

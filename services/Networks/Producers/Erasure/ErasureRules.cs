using RedesPlataforma.BuildingBlocks.Http;

namespace RedesPlataforma.Networks.Producers.Erasure;

/// <summary>A network the producer currently leads, as the refusal names it.</summary>
public sealed record LedNetwork(Guid Id, string Name);

/// <summary>The rules that need the person: an anonymous member cannot lead a network nor have their data edited back in.</summary>
public static class ErasureRules
{
    /// <summary>Null when the producer can be erased; otherwise the networks whose leader must be changed first.</summary>
    public static Refusal? Check(IReadOnlyList<LedNetwork> ledNetworks)
    {
        if (ledNetworks.Count == 0) return null;
        var names = string.Join(", ", ledNetworks.Select(n => $"«{n.Name}»"));
        return Refusal.Conflict(null,
            $"The producer leads {names}: set another leader first, then erase their personal data. / " +
            $"El productor es líder de {names}: designe primero otro líder y luego elimine sus datos personales.");
    }

    /// <summary>An erased producer stays anonymous where they were: their data cannot be entered again, and nobody can
    /// knowingly bring them into a network (as a member or its leader) any more.</summary>
    public static Refusal? CheckUse(Producer producer, string field) => producer.IsErased
        ? Refusal.Conflict(field,
            "This producer's personal data was erased; they remain only as an anonymous member. / " +
            "Los datos personales de este productor fueron eliminados; permanece solo como miembro anónimo.")
        : null;
}

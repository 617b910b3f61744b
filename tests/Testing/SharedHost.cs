using Xunit;

namespace RedesPlataforma.Testing;

/// <summary>
/// One host of <typeparamref name="TApp"/> for every test class of a suite that needs no more of it than tenants of
/// its own (xunit wants the collection's definition in the test assembly: a sealed class deriving from this one, with
/// <c>[CollectionDefinition]</c>). Each host runs its migrations, builds its EF Core model and compiles its queries
/// again: about 2.5 s of CPU a class when every class had its own (ADR 0033). The classes of one collection run one
/// after another. A class that changes what the host is or shares (its settings, its broker, the national figures, a rebuild)
/// keeps a fixture of its own.
/// </summary>
public abstract class SharedHost<TApp> : ICollectionFixture<TApp> where TApp : class;

using RedesPlataforma.BuildingBlocks.Peru;

namespace RedesPlataforma.Networks.Producers;

/// <summary>Which UBIGEO numbering a district code is in. INEI's is the one stored; RENIEC's is accepted on input.</summary>
public enum UbigeoCoding { Inei, Reniec }

/// <summary>
/// The rules a producer's data must meet, shared by the API (register, update) and the bulk import, whose SQL
/// receives the same limits as parameters.
/// </summary>
public static class ProducerRules
{
    public const int MinBirthYear = 1920;

    /// <summary>Producers are at least 15 years old in the year they are registered.</summary>
    public const int MinAge = 15;

    public const int NameMaxLength = 100;

    /// <summary>Digits, spaces, hyphens and parentheses, optionally after a leading +; 6 to 20 characters.</summary>
    public const string PhonePattern = @"^\+?[0-9 ()-]{6,20}$";

    public const int PhoneMaxLength = 20;

    public static int MaxBirthYear(TimeProvider clock) => clock.GetUtcNow().Year - MinAge;

    public static bool IsValidBirthYear(int year, TimeProvider clock) => year >= MinBirthYear && year <= MaxBirthYear(clock);

    /// <summary>Trims and collapses inner runs of white space, as the import does in SQL.</summary>
    public static string CleanName(string name) => FoldedText.CollapseWhiteSpace(name);
}

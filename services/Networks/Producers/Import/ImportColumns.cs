using System.Globalization;
using System.Text;

namespace RedesPlataforma.Networks.Producers.Import;

public enum ImportField { Dni, FirstNames, LastNames, Gender, BirthYear, Ubigeo, UbigeoReniec, Phone, Consent, ConsentDate }

/// <summary>
/// Finds each field's column in the header row. Names are compared without case, accents or punctuation,
/// and Spanish names are accepted (nombres, apellidos, sexo, año_nacimiento, ...). Unknown columns are ignored.
/// </summary>
public sealed class ImportColumns
{
    private sealed record Column(ImportField Field, string Name, bool Required, string[] Aliases);

    private static readonly Column[] Known =
    [
        new(ImportField.Dni, "dni", true, ["documento", "nro_dni", "numero_dni", "num_dni", "n_dni", "documento_identidad", "doc_identidad"]),
        new(ImportField.FirstNames, "first_names", true, ["first_name", "firstname", "nombres", "nombre"]),
        new(ImportField.LastNames, "last_names", true, ["last_name", "lastname", "apellidos", "apellido"]),
        new(ImportField.Gender, "gender", true, ["sex", "sexo", "genero"]),
        new(ImportField.BirthYear, "birth_year", true, ["year_of_birth", "ano_nacimiento", "ano_de_nacimiento", "anio_nacimiento", "anio_de_nacimiento"]),
        new(ImportField.Ubigeo, "ubigeo", false, ["ubigeo_inei", "inei", "district_code", "codigo_distrito", "cod_ubigeo"]),
        new(ImportField.UbigeoReniec, "ubigeo_reniec", false, ["reniec", "codigo_reniec"]),
        new(ImportField.Phone, "phone", false, ["telephone", "mobile", "telefono", "celular", "movil"]),
        new(ImportField.Consent, "consent", true, ["consentimiento", "acepta_tratamiento_datos", "autoriza_datos"]),
        new(ImportField.ConsentDate, "consent_date", true, ["fecha_consentimiento", "fecha_de_consentimiento"]),
    ];

    private static readonly Dictionary<string, Column> ByName =
        Known.SelectMany(c => c.Aliases.Append(c.Name).Select(name => (name, c))).ToDictionary(x => x.name, x => x.c);

    private readonly int?[] _ordinals = new int?[Known.Length];

    private ImportColumns(IReadOnlyList<string> ignored) => Ignored = ignored;

    /// <summary>The header cells that name no field.</summary>
    public IReadOnlyList<string> Ignored { get; }

    public int? this[ImportField field] => _ordinals[(int)field];

    /// <exception cref="ImportFileException">A required column is missing or a field is named twice.</exception>
    public static ImportColumns Resolve(IReadOnlyList<string> header)
    {
        var errors = new List<string>();
        var ignored = new List<string>();
        var columns = new ImportColumns(ignored);
        for (var ordinal = 0; ordinal < header.Count; ordinal++)
        {
            if (!ByName.TryGetValue(Normalize(header[ordinal]), out var column))
            {
                if (!string.IsNullOrWhiteSpace(header[ordinal])) ignored.Add(header[ordinal]);
                continue;
            }
            if (columns[column.Field] is { } first)
                errors.Add($"Columns '{header[first]}' and '{header[ordinal]}' both name '{column.Name}'. / Las columnas '{header[first]}' y '{header[ordinal]}' indican ambas '{column.Name}'.");
            else
                columns._ordinals[(int)column.Field] = ordinal;
        }

        foreach (var column in Known.Where(c => c.Required && columns[c.Field] is null))
            errors.Add($"Missing column '{column.Name}' (also accepted: {string.Join(", ", column.Aliases)}). / " +
                       $"Falta la columna '{column.Name}' (también se acepta: {string.Join(", ", column.Aliases)}).");
        if (columns[ImportField.Ubigeo] is null && columns[ImportField.UbigeoReniec] is null)
            errors.Add("Missing column 'ubigeo' (INEI or RENIEC code) or 'ubigeo_reniec'. / Falta la columna 'ubigeo' (código INEI o RENIEC) o 'ubigeo_reniec'.");

        return errors.Count > 0 ? throw new ImportFileException(errors) : columns;
    }

    /// <summary>"Año de nacimiento" → "ano_de_nacimiento".</summary>
    private static string Normalize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Trim().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) text.Append(char.ToLowerInvariant(c));
            else if (text.Length > 0 && text[^1] != '_') text.Append('_');
        }
        return text.ToString().TrimEnd('_');
    }
}

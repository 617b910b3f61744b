using RedesPlataforma.Networks.Producers.Import;

namespace RedesPlataforma.Networks.Tests;

/// <summary>How a bulk import's header row is read, on its own.</summary>
public sealed class ImportColumnsTests
{
    static readonly string[] English = ["dni", "first_names", "last_names", "gender", "birth_year", "ubigeo", "consent", "consent_date"];

    [Fact]
    public void Spanish_names_match_without_case_accents_or_punctuation_and_unknown_columns_are_set_aside()
    {
        var columns = ImportColumns.Resolve(["Nro. DNI", "Nombres", "APELLIDOS", "Sexo", "Año de Nacimiento", "Ubigeo RENIEC", "Celular",
            "Consentimiento", "Fecha de consentimiento", "Observaciones", ""]);

        Assert.Equal((0, 4, 5, 6, 8), (columns[ImportField.Dni], columns[ImportField.BirthYear], columns[ImportField.UbigeoReniec],
            columns[ImportField.Phone], columns[ImportField.ConsentDate]));
        Assert.Null(columns[ImportField.Ubigeo]);
        Assert.Equal(["Observaciones"], columns.Ignored);
    }

    [Fact]
    public void A_missing_required_column_is_named_with_the_names_also_accepted()
    {
        var error = Assert.Single(Assert.Throws<ImportFileException>(() => ImportColumns.Resolve([.. English.Where(c => c != "gender")])).Errors);
        Assert.StartsWith("Missing column 'gender' (also accepted: sex, sexo, genero).", error);
    }

    [Fact]
    public void Either_district_code_will_do_but_one_is_needed()
    {
        Assert.Equal(5, ImportColumns.Resolve([.. English.Select(c => c == "ubigeo" ? "codigo_reniec" : c)])[ImportField.UbigeoReniec]);
        var error = Assert.Single(Assert.Throws<ImportFileException>(() => ImportColumns.Resolve([.. English.Where(c => c != "ubigeo")])).Errors);
        Assert.StartsWith("Missing column 'ubigeo' (INEI or RENIEC code) or 'ubigeo_reniec'.", error);
    }

    [Fact]
    public void A_field_named_by_two_columns_is_refused()
    {
        var error = Assert.Single(Assert.Throws<ImportFileException>(() => ImportColumns.Resolve([.. English, "Nombre"])).Errors);
        Assert.StartsWith("Columns 'first_names' and 'Nombre' both name 'first_names'.", error);
    }
}

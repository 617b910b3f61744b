namespace RedesPlataforma.Networks.Producers.Import;

/// <summary>The words for the error codes the import's SQL gives each row, and for the report's summary.</summary>
public static class ImportMessages
{
    public static ImportRowError Describe(StagedRowErrors row, int maxBirthYear) =>
        new(row.Line, [.. row.Codes.Select(code => Reason(code, row, maxBirthYear))]);

    private static ImportReason Reason(string code, StagedRowErrors row, int maxBirthYear)
    {
        var field = code[..code.IndexOf('.')];
        string? Value(ImportField f) => row.Values.GetValueOrDefault(f);
        var dni = Value(ImportField.Dni);
        var message = code switch
        {
            "dni.missing" => "The DNI is missing. / Falta el DNI.",
            "dni.invalid" => $"'{dni}' is not a valid DNI: 8 digits (if Excel removed a leading zero, format the column as text). / " +
                             $"'{dni}' no es un DNI válido: 8 dígitos (si Excel quitó un cero inicial, dé formato de texto a la columna).",
            "dni.repeated" => $"DNI {dni} appears more than once in the file (lines {string.Join(", ", row.RepeatedOnLines)}). / " +
                              $"El DNI {dni} se repite en el archivo (líneas {string.Join(", ", row.RepeatedOnLines)}).",
            "dni.registered" => $"DNI {dni} is already registered in your institution. / El DNI {dni} ya está registrado en su institución.",
            "first_names.missing" => "The first names are missing. / Faltan los nombres.",
            "first_names.too_long" => $"The first names are longer than {ProducerRules.NameMaxLength} characters. / Los nombres superan {ProducerRules.NameMaxLength} caracteres.",
            "last_names.missing" => "The last names are missing. / Faltan los apellidos.",
            "last_names.too_long" => $"The last names are longer than {ProducerRules.NameMaxLength} characters. / Los apellidos superan {ProducerRules.NameMaxLength} caracteres.",
            "gender.missing" => "The gender is missing. / Falta el sexo.",
            "gender.invalid" => $"'{Value(ImportField.Gender)}' is not a gender: use F or M. / '{Value(ImportField.Gender)}' no es un sexo válido: use F o M.",
            "birth_year.missing" => "The birth year is missing. / Falta el año de nacimiento.",
            "birth_year.invalid" => $"'{Value(ImportField.BirthYear)}' is not a birth year between {ProducerRules.MinBirthYear} and {maxBirthYear}. / " +
                                    $"'{Value(ImportField.BirthYear)}' no es un año de nacimiento entre {ProducerRules.MinBirthYear} y {maxBirthYear}.",
            "ubigeo.missing" => "The UBIGEO district code is missing. / Falta el código UBIGEO del distrito.",
            "ubigeo.unknown" => $"'{Value(ImportField.Ubigeo)}' is not a known UBIGEO district code (INEI or RENIEC). / " +
                                $"'{Value(ImportField.Ubigeo)}' no es un código UBIGEO de distrito conocido (INEI o RENIEC).",
            "phone.invalid" => $"'{Value(ImportField.Phone)}' is not a phone number (6 to 20 digits, spaces, hyphens). / " +
                               $"'{Value(ImportField.Phone)}' no es un número de teléfono (6 a 20 dígitos, espacios, guiones).",
            "consent.missing" => "The consent answer is missing (si/no). / Falta la respuesta de consentimiento (si/no).",
            "consent.invalid" => $"'{Value(ImportField.Consent)}' is not a consent answer: use si or no. / '{Value(ImportField.Consent)}' no es una respuesta válida: use si o no.",
            "consent.not_given" => "The producer has not consented to the processing of personal data (Ley 29733) and cannot be registered. / " +
                                   "El productor no consintió el tratamiento de sus datos personales (Ley 29733) y no puede ser registrado.",
            "consent_date.missing" => "The consent date is missing. / Falta la fecha del consentimiento.",
            "consent_date.invalid" => $"'{Value(ImportField.ConsentDate)}' is not a date (use YYYY-MM-DD or DD/MM/YYYY). / " +
                                      $"'{Value(ImportField.ConsentDate)}' no es una fecha (use AAAA-MM-DD o DD/MM/AAAA).",
            "consent_date.future" => $"The consent date {Value(ImportField.ConsentDate)} is in the future. / La fecha de consentimiento {Value(ImportField.ConsentDate)} es futura.",
            _ => code,
        };
        return new ImportReason(field, code, message);
    }

    public static string Summary(ImportReport report, ImportMode mode) => (report.DryRun, report.InvalidRows, mode) switch
    {
        (true, 0, _) =>
            $"Dry run: all {report.TotalRows} rows are valid; nothing was written. / Simulación: las {report.TotalRows} filas son válidas; no se escribió nada.",
        (true, var bad, ImportMode.AllOrNothing) =>
            $"Dry run: {bad} of {report.TotalRows} rows have errors, so an all-or-nothing import would write nothing. / " +
            $"Simulación: {bad} de {report.TotalRows} filas tienen errores; una importación todo-o-nada no escribiría nada.",
        (true, var bad, _) =>
            $"Dry run: {report.ValidRows} rows would be imported and {bad} skipped; nothing was written. / " +
            $"Simulación: se importarían {report.ValidRows} filas y se omitirían {bad}; no se escribió nada.",
        (false, > 0, ImportMode.AllOrNothing) =>
            $"Nothing was imported: {report.InvalidRows} of {report.TotalRows} rows have errors (all-or-nothing). / " +
            $"No se importó nada: {report.InvalidRows} de {report.TotalRows} filas tienen errores (todo o nada).",
        _ =>
            $"{report.Inserted} producers imported, {report.InvalidRows} rows skipped. / Se importaron {report.Inserted} productores y se omitieron {report.InvalidRows} filas.",
    };

    public static string IgnoredColumns(IReadOnlyList<string> columns) =>
        $"Columns ignored: {string.Join(", ", columns)}. / Columnas ignoradas: {string.Join(", ", columns)}.";

    public static string MixedUbigeo(int reniecOnly, int ambiguous) =>
        $"{reniecOnly} rows have UBIGEO codes that exist only in RENIEC's numbering, while {ambiguous} rows have codes that are " +
        $"INEI's for one district and RENIEC's for another; those were read as INEI. If the file uses RENIEC codes, import it with " +
        $"ubigeoCodes=reniec or name the column ubigeo_reniec. / " +
        $"{reniecOnly} filas tienen códigos UBIGEO que solo existen en la numeración de RENIEC, y {ambiguous} filas tienen códigos que son " +
        $"INEI de un distrito y RENIEC de otro; estos se leyeron como INEI. Si el archivo usa códigos RENIEC, impórtelo con " +
        $"ubigeoCodes=reniec o nombre la columna ubigeo_reniec.";
}

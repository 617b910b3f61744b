using System.Text;
using Microsoft.EntityFrameworkCore.Migrations;
using RedesPlataforma.Networks.Places;
using RedesPlataforma.Networks.ValueChains;

namespace RedesPlataforma.Networks.Infrastructure;

/// <summary>Loads the shipped reference data (UBIGEO districts, national value chains) from a migration, as the owner role.</summary>
public static class ReferenceDataMigration
{
    public static MigrationBuilder InsertReferenceData(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(Insert("districts",
            ["code", "reniec_code", "name", "province_code", "province_name", "department_code", "department_name", "region_code", "version"],
            UbigeoCatalog.LoadDistricts().Select(d => new[] { d.Code, d.ReniecCode, d.Name, d.ProvinceCode, d.ProvinceName, d.DepartmentCode, d.DepartmentName, d.RegionCode, d.Version })));
        migrationBuilder.Sql(Insert("value_chains", ["code", "name_es", "name_en"],
            NationalValueChains.All.Select(c => new[] { c.Code, c.NameEs, c.NameEn })));
        return migrationBuilder;
    }

    private static string Insert(string table, string[] columns, IEnumerable<string[]> rows)
    {
        var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES\n");
        sql.AppendJoin(",\n", rows.Select(row => "(" + string.Join(", ", row.Select(Literal)) + ")"));
        return sql.Append(";").ToString();
    }

    private static string Literal(string value) => "'" + value.Replace("'", "''") + "'";
}

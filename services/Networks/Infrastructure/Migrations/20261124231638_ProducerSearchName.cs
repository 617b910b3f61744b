using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RedesPlataforma.Networks.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ProducerSearchName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // unaccent is a trusted extension (PostgreSQL 13+): the database owner may create it. A stored generated
            // column needs an IMMUTABLE function; unaccent(text) is only STABLE because it reads the search path, so the
            // wrapper names its dictionary explicitly.
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                CREATE FUNCTION search_text(value text) RETURNS text
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                    RETURN lower(public.unaccent('public.unaccent'::regdictionary, value));
                """);

            migrationBuilder.AddColumn<string>(
                name: "search_name",
                table: "producers",
                type: "character varying(201)",
                maxLength: 201,
                nullable: false,
                computedColumnSql: "search_text(first_names::text || ' ' || last_names::text)",
                stored: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "search_name",
                table: "producers");

            migrationBuilder.Sql("DROP FUNCTION search_text(text);");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RedesPlataforma.Financing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ProgrammeTransparency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "is_public",
                table: "programmes",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "is_public",
                table: "programmes");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RedesPlataforma.Financing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ProgrammeClosing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "closed_at",
                table: "programmes",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "programmes");
        }
    }
}

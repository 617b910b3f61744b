using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

// The unique-producer count moves with the person cells instead of being counted on every national read: docs/decisions/0032.

namespace RedesPlataforma.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class UniqueProducerCount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CountUniqueProducersOnWrite();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CountUniqueProducersOnRead();
        }
    }
}

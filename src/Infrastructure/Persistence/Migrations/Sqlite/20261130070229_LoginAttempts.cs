using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoubleDibz.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LoginAttempts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LoginAttempts",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    ConsecutiveFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    LastFailureUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    LockedUntilUnixMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoginAttempts", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LoginAttempts_LastFailureUnixMs",
                table: "LoginAttempts",
                column: "LastFailureUnixMs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LoginAttempts");
        }
    }
}

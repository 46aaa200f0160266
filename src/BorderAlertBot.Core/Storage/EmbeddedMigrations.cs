using System.Data.Common;
using System.Globalization;
using System.Reflection;

namespace BorderAlertBot.Storage;

/// <summary>One SQL migration embedded in a store's assembly as <c>Migrations.NNNN_name.sql</c>.</summary>
public sealed record EmbeddedMigration(int Version, string Name, string Sql)
{
    /// <summary>The assembly's migrations in version order (the file names' four-digit prefixes).</summary>
    public static IReadOnlyList<EmbeddedMigration> ReadAll(Assembly assembly)
    {
        var migrations = new List<EmbeddedMigration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(name => name.StartsWith("Migrations.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = resource["Migrations.".Length..^".sql".Length];
            using var stream = assembly.GetManifestResourceStream(resource)!; // The name came from the manifest.
            using var reader = new StreamReader(stream);
            migrations.Add(new EmbeddedMigration(int.Parse(name[..4], CultureInfo.InvariantCulture), name, reader.ReadToEnd()));
        }

        return migrations;
    }

    /// <summary>
    /// Applies the assembly's migrations that <c>schema_migrations</c> does not list yet, each in its own transaction with
    /// its row there, oldest first, and returns those it applied. The SQL here is the same in SQLite and PostgreSQL.
    /// </summary>
    public static async Task<IReadOnlyList<EmbeddedMigration>> ApplyAsync(DbConnection connection, Assembly assembly, long appliedAtUnixMs, CancellationToken cancellationToken)
    {
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL);";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var done = new HashSet<int>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT version FROM schema_migrations;";
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                done.Add(reader.GetInt32(0));
            }
        }

        var applied = new List<EmbeddedMigration>();
        foreach (var migration in ReadAll(assembly).Where(migration => !done.Contains(migration.Version)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var run = connection.CreateCommand())
            {
                run.Transaction = transaction;
                run.CommandText = migration.Sql;
                await run.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at);";
                AddParameter(record, "version", migration.Version);
                AddParameter(record, "name", migration.Name);
                AddParameter(record, "at", appliedAtUnixMs);
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            applied.Add(migration);
        }

        return applied;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

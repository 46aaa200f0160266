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
}

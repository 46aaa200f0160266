using System.Runtime.CompilerServices;

namespace BorderAlertBot.Store.Sqlite.Tests;

internal static class SqliteSetUpFirst
{
    /// <summary>
    /// As in the bot, where every connection comes from the store, the store sets SQLite up before any connection opens:
    /// some tests here open a connection of their own before their first store, and SQLite takes its settings only first.
    /// </summary>
#pragma warning disable CA2255 // A test assembly: loaded only by the test host, which is what this sets up.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void SetUpSqliteAsTheStoreDoes() => RuntimeHelpers.RunClassConstructor(typeof(SqliteDatabase).TypeHandle);
}

using System.Text;

namespace BorderAlertBot.Store.Sqlite;

/// <summary>
/// An enum value's name as UTF-8, as the store writes it to a column, made once per value: <c>ToString</c> on an enum
/// boxes it (an allocation), and the name would be encoded again on every bind. The writer binds four names per event.
/// </summary>
internal static class EnumText<T>
    where T : struct, Enum
{
    private static readonly Dictionary<T, byte[]> Names = Enum.GetValues<T>().Distinct().ToDictionary(value => value, value => Encoding.UTF8.GetBytes(value.ToString()));

    public static ReadOnlySpan<byte> Of(T value) => Names.TryGetValue(value, out var name) ? name : Encoding.UTF8.GetBytes(value.ToString());
}

using System.Text.Json.Nodes;

namespace BorderAlertBot.Testing.FakeDiscord;

/// <summary>
/// Discord's nested error tree for 50035: <c>{"embeds": {"0": {"title": {"_errors": [{"code", "message"}]}}}}</c>.
/// Paths are dotted (<c>embeds.0.title</c>); the empty path is the body itself.
/// </summary>
internal sealed class ValidationErrors
{
    private readonly JsonObject _root = [];

    public bool IsEmpty => _root.Count == 0;

    public void Add(string path, string code, string message)
    {
        var node = _root;
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (node[segment] is not JsonObject child)
            {
                child = [];
                node[segment] = child;
            }

            node = child;
        }

        if (node["_errors"] is not JsonArray list)
        {
            list = [];
            node["_errors"] = list;
        }

        list.Add(new JsonObject { ["code"] = code, ["message"] = message });
    }

    public void MaxLength(string path, int max) => Add(path, "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length.");

    public void BadLength(string path, int min, int max) => Add(path, "BASE_TYPE_BAD_LENGTH", $"Must be between {min} and {max} in length.");

    public void Required(string path) => Add(path, "BASE_TYPE_REQUIRED", "This field is required");

    public JsonObject ToJson() => _root;
}

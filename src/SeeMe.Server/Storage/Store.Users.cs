using System.Text.Json.Nodes;

namespace SeeMe.Server.Storage;

/// <summary>
/// Users found by username or e-mail through an index (every authenticated request looks its
/// caller up): the cost stays the same however many users there are and however large their records.
/// </summary>
public sealed partial class Store
{
    private void CreateUserIndexes() => Execute("""
        CREATE INDEX IF NOT EXISTS docs_user_username ON docs(lower(json_extract(json, '$.username'))) WHERE kind = 'user';
        CREATE INDEX IF NOT EXISTS docs_user_email ON docs(lower(json_extract(json, '$.email'))) WHERE kind = 'user';
        """);

    /// <summary>The user with exactly this username, or null.</summary>
    public JsonObject? FindUserByUsername(string username)
    {
        return ReadDoc(() => Command("""
                SELECT json FROM docs WHERE kind = 'user' AND lower(json_extract(json, '$.username')) = lower($value)
                AND json_extract(json, '$.username') = $value ORDER BY seq LIMIT 1
                """, ("$value", username)));
    }

    /// <summary>The user registered with this e-mail address (compared without case), or null.</summary>
    public JsonObject? FindUserByEmail(string email)
    {
        return ReadDocs(() => Command("SELECT json FROM docs WHERE kind = 'user' AND lower(json_extract(json, '$.email')) = lower($value) ORDER BY seq",
                ("$value", email))).FirstOrDefault(u => string.Equals(u.Str("email"), email, StringComparison.OrdinalIgnoreCase));
    }
}

using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace SeeMe.Server.Storage;

/// <summary>
/// The server's database: one SQLite file (seeme.db) holding every entity as a JSON document
/// (so fields a newer client sends survive a round trip), indexed by kind, parent and owner;
/// the references listed in <see cref="References"/> are also kept in the <c>refs</c> table
/// (target id, field, referring document), so dataset queries run in SQL (Store.Datasets.cs).
/// All access is serialised through one connection and one lock; <see cref="InTransaction{T}"/>
/// makes a group of changes all-or-nothing (a failed import leaves the version as it was).
/// </summary>
public sealed partial class Store : IDisposable
{
    /// <summary>The schema version (PRAGMA user_version): 1 added the refs table.</summary>
    private const int SchemaVersion = 1;

    private readonly SqliteConnection _connection;
    private readonly object _gate = new();
    private SqliteTransaction? _transaction;
    private readonly List<Action> _afterCommit = [];
    private readonly Dictionary<string, SqliteCommand> _commands = [];

    public Store(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "seeme.db"),
            Pooling = false,
        }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL;");
        Execute("""
            CREATE TABLE IF NOT EXISTS docs (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                parent_id TEXT,
                owner_id TEXT,
                json TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS docs_kind_parent ON docs(kind, parent_id);
            CREATE INDEX IF NOT EXISTS docs_kind_owner ON docs(kind, owner_id);
            CREATE TABLE IF NOT EXISTS refs (
                target TEXT NOT NULL,
                field TEXT NOT NULL,
                doc_seq INTEGER NOT NULL,
                PRIMARY KEY (target, field, doc_seq)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS refs_doc ON refs(doc_seq, field, target);
            CREATE TABLE IF NOT EXISTS moves (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                temp TEXT NOT NULL,
                final TEXT NOT NULL);
            """);
        CreateUserIndexes();
        if (Convert.ToInt32(Scalar("PRAGMA user_version")) < SchemaVersion) RebuildReferences();
    }

    /// <summary>The document of that kind and id, or null.</summary>
    public JsonObject? Get(string kind, string id)
    {
        return ReadDoc(() => Command("SELECT json FROM docs WHERE kind = $kind AND id = $id", ("$kind", kind), ("$id", id)));
    }

    /// <summary>Every document of a kind, optionally only the children of one parent, in creation order.</summary>
    public List<JsonObject> List(string kind, string? parentId = null)
    {
        return ReadDocs(() => parentId is null
                ? Command("SELECT json FROM docs WHERE kind = $kind ORDER BY seq", ("$kind", kind))
                : Command("SELECT json FROM docs WHERE kind = $kind AND parent_id = $parent ORDER BY seq", ("$kind", kind), ("$parent", parentId)));
    }

    /// <summary>True when a document of that kind has that parent.</summary>
    public bool Any(string kind, string parentId)
    {
        lock (_gate)
        {
            var cmd = Command("SELECT EXISTS (SELECT 1 FROM docs WHERE kind = $kind AND parent_id = $parent)", ("$kind", kind), ("$parent", parentId));
            return Convert.ToInt64(cmd.ExecuteScalar()) != 0;
        }
    }

    /// <summary>The first document of a kind whose top-level string <paramref name="field"/> equals <paramref name="value"/>, or null.</summary>
    public JsonObject? FindBy(string kind, string field, string value)
    {
        return ReadDoc(() => Command("SELECT json FROM docs WHERE kind = $kind AND json_extract(json, $path) = $value ORDER BY seq LIMIT 1",
                ("$kind", kind), ("$path", "$." + field), ("$value", value)));
    }

    /// <summary>Every document of a kind owned by one user, in creation order.</summary>
    public List<JsonObject> ListOwnedBy(string kind, string ownerId)
    {
        return ReadDocs(() => Command("SELECT json FROM docs WHERE kind = $kind AND owner_id = $owner ORDER BY seq", ("$kind", kind), ("$owner", ownerId)));
    }

    /// <summary>Inserts or replaces a document; its <c>id</c>, <c>user_id</c> and reference fields are indexed.</summary>
    public void Put(string kind, JsonObject doc, string? parentId = null)
    {
        var id = (string?)doc["id"] ?? throw new InvalidOperationException("A document needs an id.");
        var owner = doc["user_id"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        InTransaction(() =>
        {
            var cmd = Command("""
                INSERT INTO docs (id, kind, parent_id, owner_id, json) VALUES ($id, $kind, $parent, $owner, $json)
                ON CONFLICT(id) DO UPDATE SET parent_id = excluded.parent_id, owner_id = excluded.owner_id, json = excluded.json
                RETURNING seq
                """,
                ("$id", id), ("$kind", kind), ("$parent", (object?)parentId ?? DBNull.Value),
                ("$owner", (object?)owner ?? DBNull.Value), ("$json", doc.ToJsonString()));
            var seq = Convert.ToInt64(cmd.ExecuteScalar());
            if (References.Fields.TryGetValue(kind, out var fields)) WriteReferences(seq, doc, fields, replace: true);
        });
    }

    /// <summary>Deletes a document (and its refs rows); false when there was none.</summary>
    public bool Delete(string kind, string id) => InTransaction(() =>
    {
        if (References.Fields.ContainsKey(kind))
            Command("DELETE FROM refs WHERE doc_seq = (SELECT seq FROM docs WHERE id = $id)", ("$id", id)).ExecuteNonQuery();
        return Command("DELETE FROM docs WHERE kind = $kind AND id = $id", ("$kind", kind), ("$id", id)).ExecuteNonQuery() > 0;
    });

    /// <summary>Runs <paramref name="work"/> as one transaction: every change or none.</summary>
    public T InTransaction<T>(Func<T> work)
    {
        lock (_gate)
        {
            if (_transaction is not null) return work(); // nested: part of the outer one
            _transaction = _connection.BeginTransaction();
            T result;
            try
            {
                result = work();
                _transaction.Commit();
            }
            catch
            {
                _transaction.Rollback();
                _afterCommit.Clear();
                throw;
            }
            finally
            {
                _transaction.Dispose();
                _transaction = null;
            }
            RunAfterCommit();
            return result;
        }
    }

    public void InTransaction(Action work) => InTransaction(() => { work(); return 0; });

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var command in _commands.Values) command.Dispose();
            _connection.Dispose();
        }
    }

    /// <summary>Writes the refs rows of one document: one per id in each reference field.</summary>
    private void WriteReferences(long seq, JsonObject doc, string[] fields, bool replace)
    {
        if (replace) Command("DELETE FROM refs WHERE doc_seq = $seq", ("$seq", seq)).ExecuteNonQuery();
        foreach (var field in fields)
        {
            var targets = doc[field] is JsonArray list ? list.ToList() : new List<JsonNode?> { doc[field] };
            foreach (var target in targets)
            {
                if (target is not JsonValue value || !value.TryGetValue<string>(out var targetId) || targetId.Length == 0) continue;
                Command("INSERT OR IGNORE INTO refs (target, field, doc_seq) VALUES ($target, $field, $seq)",
                    ("$target", targetId), ("$field", field), ("$seq", seq)).ExecuteNonQuery();
            }
        }
    }

    /// <summary>Fills the refs table from the documents (a data folder from before it existed).</summary>
    private void RebuildReferences() => InTransaction(() =>
    {
        Execute("DELETE FROM refs;");
        foreach (var (kind, fields) in References.Fields)
        {
            var docs = new List<(long Seq, JsonObject Doc)>();
            using (var reader = Command("SELECT seq, json FROM docs WHERE kind = $kind", ("$kind", kind)).ExecuteReader())
                while (reader.Read()) docs.Add((reader.GetInt64(0), Parse(reader.GetString(1))));
            foreach (var (seq, doc) in docs) WriteReferences(seq, doc, fields, replace: false);
        }
        Execute($"PRAGMA user_version = {SchemaVersion};");
    });

    private object? Scalar(string sql)
    {
        var cmd = Command(sql);
        return cmd.ExecuteScalar();
    }

    private static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;

    /// <summary>
    /// The documents a query returns: read under the store's lock, parsed after it is released (parsing is most of a
    /// read's work, and the other requests' queries need not wait for it).
    /// </summary>
    private List<JsonObject> ReadDocs(Func<SqliteCommand> query)
    {
        var texts = new List<string>();
        lock (_gate)
        {
            using var reader = query().ExecuteReader();
            while (reader.Read()) texts.Add(reader.GetString(0));
        }
        return texts.ConvertAll(Parse);
    }

    /// <summary>As <see cref="ReadDocs"/>, for a query of one document or none.</summary>
    private JsonObject? ReadDoc(Func<SqliteCommand> query)
    {
        string? text;
        lock (_gate) text = query().ExecuteScalar() as string;
        return text is null ? null : Parse(text);
    }

    private void Execute(string sql)
    {
        var cmd = Command(sql);
        cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// The command for <paramref name="sql"/> with these parameters. Commands are kept and reused
    /// (a reused command keeps its compiled statement: an import of many items does not compile
    /// the same SQL again per row); callers do not dispose them.
    /// </summary>
    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var cmd))
        {
            cmd = _connection.CreateCommand();
            cmd.CommandText = sql;
            _commands[sql] = cmd;
        }
        cmd.Transaction = _transaction;
        cmd.Parameters.Clear();
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }
}

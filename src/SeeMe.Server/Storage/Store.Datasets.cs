using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SeeMe.Server.Storage;

/// <summary>What an item page asks for: "" (or false) means no filter.</summary>
public sealed record ItemFilter(string SplitId, string LabelId, bool OnlyUnlabelled);

/// <summary>The counts behind a split's label statistics.</summary>
/// <param name="Items">Items in the split.</param>
/// <param name="Unlabelled">Items in the split without any annotation.</param>
/// <param name="ByLabel">Per label id: its annotations on the split's items, and how many items they are on.</param>
public sealed record SplitCounts(int Items, int Unlabelled, IReadOnlyDictionary<string, (int Annotations, int Items)> ByLabel);

/// <summary>The dataset queries that run in SQL over the refs table, each costing what it returns, not what the version holds.</summary>
public sealed partial class Store
{
    private const string SplitsField = References.ItemSplits;
    private const string ItemField = References.AnnotationItem;
    private const string LabelField = References.AnnotationLabel;

    /// <summary>The documents of <paramref name="kind"/> whose reference <paramref name="field"/> holds <paramref name="targetId"/>, in creation order.</summary>
    public List<JsonObject> ListReferencing(string kind, string field, string targetId)
    {
        return ReadDocs(() => Command("""
                SELECT d.json FROM refs r CROSS JOIN docs d
                WHERE r.target = $target AND r.field = $field AND d.seq = r.doc_seq AND d.kind = $kind ORDER BY r.doc_seq
                """, ("$target", targetId), ("$field", field), ("$kind", kind)));
    }

    /// <summary>As <see cref="ListReferencing(string, string, string)"/>, for several targets at once.</summary>
    public List<JsonObject> ListReferencing(string kind, string field, IEnumerable<string> targetIds)
    {
        return ReadDocs(() => Command("""
                SELECT d.json FROM json_each($targets) t CROSS JOIN refs r CROSS JOIN docs d
                WHERE r.target = t.value AND r.field = $field AND d.seq = r.doc_seq AND d.kind = $kind ORDER BY r.doc_seq
                """, ("$targets", JsonSerializer.Serialize(targetIds)), ("$field", field), ("$kind", kind)));
    }

    /// <summary>
    /// A version's items that are in any of <paramref name="splitIds"/>, each once, in creation
    /// order, read <paramref name="batchSize"/> at a time: each batch continues after the last seq
    /// of the one before, in the one split's refs or else in the version's items, so a walk over a
    /// version of any size holds one batch in memory and each batch costs what it reads.
    /// </summary>
    public IEnumerable<List<JsonObject>> ItemBatchesInSplits(string versionId, IReadOnlyCollection<string> splitIds, int batchSize)
    {
        var sql = splitIds.Count == 1
            ? """
              SELECT d.seq, d.json FROM refs s CROSS JOIN docs d
              WHERE s.target = $split AND s.field = $splitsField AND s.doc_seq > $after AND d.seq = s.doc_seq AND d.parent_id = $version
              ORDER BY s.doc_seq LIMIT $limit
              """
            : """
              SELECT d.seq, d.json FROM docs d
              WHERE d.kind = $kind AND d.parent_id = $version AND d.seq > $after
                AND EXISTS (SELECT 1 FROM json_each($splits) t CROSS JOIN refs s
                            WHERE s.doc_seq = d.seq AND s.field = $splitsField AND s.target = t.value)
              ORDER BY d.seq LIMIT $limit
              """;
        var after = 0L;
        while (true)
        {
            var batch = new List<JsonObject>(batchSize);
            lock (_gate)
            {
                var cmd = Command(sql, ("$kind", Kinds.Item), ("$version", versionId), ("$after", after),
                    ("$split", splitIds.FirstOrDefault() ?? ""), ("$splits", JsonSerializer.Serialize(splitIds)),
                    ("$splitsField", SplitsField), ("$limit", batchSize));
                using var reader = cmd.ExecuteReader();
                while (reader.Read())
                {
                    after = reader.GetInt64(0);
                    batch.Add(Parse(reader.GetString(1)));
                }
            }
            if (batch.Count > 0) yield return batch;
            if (batch.Count < batchSize) yield break;
        }
    }

    /// <summary>True when an annotation of the version has a box (non-empty coordinates).</summary>
    public bool HasBoxAnnotations(string versionId)
    {
        lock (_gate)
        {
            var cmd = Command("""
                SELECT EXISTS (SELECT 1 FROM docs WHERE kind = $kind AND parent_id = $version AND json_extract(json, '$.coordinates') <> '')
                """, ("$kind", Kinds.Annotation), ("$version", versionId));
            return Convert.ToInt64(cmd.ExecuteScalar()) != 0;
        }
    }

    /// <summary>
    /// One page of a version's items in creation order. The offset is skipped in the index (the
    /// documents of the page alone are read); a split filter walks that split's refs in order, the
    /// label and unlabelled filters probe each candidate's annotation refs. (CROSS JOIN fixes the
    /// join order: SQLite would otherwise start from every document of the kind.)
    /// </summary>
    public List<JsonObject> PageItems(string versionId, ItemFilter filter, long offset, int limit)
    {
        var sql = new StringBuilder();
        var args = new List<(string, object?)> { ("$limit", limit), ("$offset", offset), ("$item", ItemField) };
        if (filter.SplitId.Length > 0)
        {
            sql.Append("SELECT s.doc_seq AS seq FROM refs s CROSS JOIN docs d WHERE s.target = $split AND s.field = $splits AND d.seq = s.doc_seq AND d.parent_id = $version");
            args.Add(("$split", filter.SplitId));
            args.Add(("$splits", SplitsField));
        }
        else sql.Append("SELECT d.seq AS seq FROM docs d WHERE d.kind = $kind AND d.parent_id = $version");
        args.Add(("$version", versionId));
        args.Add(("$kind", Kinds.Item));
        if (filter.LabelId.Length > 0)
        {
            sql.Append("""
                 AND EXISTS (SELECT 1 FROM refs a JOIN refs l ON l.doc_seq = a.doc_seq
                             WHERE a.target = d.id AND a.field = $item AND l.field = $labelField AND l.target = $label)
                """);
            args.Add(("$label", filter.LabelId));
            args.Add(("$labelField", LabelField));
        }
        if (filter.OnlyUnlabelled) sql.Append(" AND NOT EXISTS (SELECT 1 FROM refs a WHERE a.target = d.id AND a.field = $item)");
        sql.Append(" ORDER BY seq LIMIT $limit OFFSET $offset");
        return ReadDocs(() => Command($"SELECT json FROM docs WHERE seq IN ({sql}) ORDER BY seq", [.. args]));
    }

    /// <summary>The label statistics of one split, counted in SQL.</summary>
    public SplitCounts CountSplit(string splitId)
    {
        lock (_gate)
        {
            (string, object?)[] args = [("$split", splitId), ("$splits", SplitsField), ("$item", ItemField), ("$labelField", LabelField)];
            var items = Command("SELECT COUNT(*) FROM refs WHERE target = $split AND field = $splits", args);
            var unlabelled = Command("""
                SELECT COUNT(*) FROM refs s CROSS JOIN docs i
                WHERE s.target = $split AND s.field = $splits AND i.seq = s.doc_seq AND NOT EXISTS (SELECT 1 FROM refs a WHERE a.target = i.id AND a.field = $item)
                """, args);
            var byLabel = Command("""
                SELECT l.target, COUNT(*), COUNT(DISTINCT a.target)
                FROM refs s CROSS JOIN docs i CROSS JOIN refs a CROSS JOIN refs l
                WHERE s.target = $split AND s.field = $splits AND i.seq = s.doc_seq
                  AND a.target = i.id AND a.field = $item AND l.doc_seq = a.doc_seq AND l.field = $labelField
                GROUP BY l.target
                """, args);
            var counts = new Dictionary<string, (int, int)>();
            using (var reader = byLabel.ExecuteReader())
                while (reader.Read()) counts[reader.GetString(0)] = (reader.GetInt32(1), reader.GetInt32(2));
            return new SplitCounts(Convert.ToInt32(items.ExecuteScalar()), Convert.ToInt32(unlabelled.ExecuteScalar()), counts);
        }
    }
}

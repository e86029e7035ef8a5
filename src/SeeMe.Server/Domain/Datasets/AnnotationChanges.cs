using System.Globalization;
using System.Text.Json.Nodes;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain.Datasets;

/// <summary>
/// Creating, updating and deleting annotations, and checking them (label, item and split must be of this version;
/// coordinates "" for a classification label or "x_center y_center width height" in 0..1 for a box),
/// and reconciling an item's annotation list sent with a PUT of the whole item.
/// </summary>
public static class AnnotationChanges
{
    public static readonly string[] ServerOwned = ["item_id"];

    /// <summary>A new annotation from a client's body naming its <c>item_id</c> (saved).</summary>
    public static JsonObject Create(VersionScope scope, JsonObject body)
    {
        var itemId = DatasetWire.BodyString(body, "item_id");
        if (itemId.Length == 0) throw DomainException.Invalid("An annotation needs an item_id.");
        return scope.Store.InTransaction(() => Create(scope, ItemOf(scope, itemId), body));
    }

    /// <summary>Applies a client's fields to the annotation with that id (saved).</summary>
    public static JsonObject Update(VersionScope scope, string id, JsonObject body) => scope.Store.InTransaction(() =>
    {
        var current = scope.Annotation(id);
        return UpdateIfChanged(scope, scope.Item(current.Str("item_id")), current, body);
    });

    /// <summary>Deletes the annotation with that id; returns it.</summary>
    public static JsonObject Delete(VersionScope scope, string id)
    {
        var annotation = scope.Annotation(id);
        scope.Store.Delete(Kinds.Annotation, id);
        return annotation;
    }

    /// <summary>A new annotation of <paramref name="item"/> from the client's fields (saved).</summary>
    public static JsonObject Create(VersionScope scope, JsonObject item, JsonObject body)
    {
        var annotation = scope.NewChild(Kinds.Annotation);
        DatasetWire.Apply(Kinds.Annotation, annotation, body, ServerOwned);
        annotation["item_id"] = item.Str("id");
        Complete(scope, annotation, item);
        scope.Put(Kinds.Annotation, annotation);
        return annotation;
    }

    /// <summary>Checks references and coordinates; fills a missing split_id with the item's first split.</summary>
    public static void Complete(VersionScope scope, JsonObject annotation, JsonObject item)
    {
        var labelId = annotation.Str("label_id");
        if (labelId.Length == 0) throw DomainException.Invalid("An annotation needs a label_id.");
        Require(() => scope.Label(labelId), $"Label '{labelId}' is not in this dataset version.");
        var splitId = annotation.Str("split_id");
        if (splitId.Length == 0) annotation["split_id"] = ItemSplits.First(item);
        else Require(() => scope.Split(splitId), $"Split '{splitId}' is not in this dataset version.");
        annotation["coordinates"] = CheckCoordinates(annotation.Str("coordinates"));
    }

    /// <summary>"" or four numbers in 0..1 separated by spaces (normalised to single spaces); 400 otherwise.</summary>
    public static string CheckCoordinates(string coordinates)
    {
        var parts = coordinates.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return "";
        var valid = parts.Length == 4 && parts.All(p =>
            double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is >= 0 and <= 1);
        return valid
            ? string.Join(' ', parts)
            : throw DomainException.Invalid($"coordinates must be \"\" or four numbers from 0 to 1 (\"x_center y_center width height\"), not '{coordinates}'.");
    }

    /// <summary>
    /// Makes the item's annotations match <paramref name="wanted"/>: entries without id are created,
    /// entries with the id of one of its annotations update it, its annotations not listed are deleted.
    /// </summary>
    public static void Reconcile(VersionScope scope, JsonObject item, JsonArray wanted)
    {
        var existing = scope.AnnotationsOf(item.Str("id")).ToDictionary(a => a.Str("id"));
        var kept = new HashSet<string>();
        foreach (var node in wanted)
        {
            var entry = node as JsonObject ?? throw DomainException.Invalid("Each entry of 'annotations' must be an object.");
            var id = DatasetWire.BodyString(entry, "id");
            if (id.Length == 0) { Create(scope, item, entry); continue; }
            if (!existing.TryGetValue(id, out var current)) throw DomainException.Invalid($"Annotation '{id}' does not belong to this item.");
            kept.Add(id);
            UpdateIfChanged(scope, item, current, entry);
        }
        foreach (var (id, _) in existing.Where(e => !kept.Contains(e.Key))) scope.Store.Delete(Kinds.Annotation, id);
    }

    /// <summary>Applies the client's fields to an annotation and saves it (touched only when something changed).</summary>
    public static JsonObject UpdateIfChanged(VersionScope scope, JsonObject item, JsonObject current, JsonObject body)
    {
        var before = current.ToJsonString();
        DatasetWire.Apply(Kinds.Annotation, current, body, ServerOwned);
        Complete(scope, current, item);
        if (current.ToJsonString() != before) scope.Put(Kinds.Annotation, Entities.Touch(current));
        return current;
    }

    // A body reference that is not in this version is a 400 (the path was fine, the body was not).
    private static JsonObject ItemOf(VersionScope scope, string itemId)
    {
        try { return scope.Item(itemId); }
        catch (DomainException e) when (e.Error == DomainError.NotFound) { throw DomainException.Invalid($"Item '{itemId}' is not in this dataset version."); }
    }

    private static void Require(Func<JsonObject> lookup, string message)
    {
        try { lookup(); }
        catch (DomainException e) when (e.Error == DomainError.NotFound) { throw DomainException.Invalid(message); }
    }
}

using SeeMe.Server.Domain;
using SeeMe.Server.Domain.Datasets;
using SeeMe.Server.Images;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Zip;

/// <summary>
/// Applies an <see cref="ImportPlan"/> to a version, all or nothing: images are first extracted to
/// temp files and checked, then splits, labels, items and annotations are written in one
/// transaction, and the images are moved into place once it commits (<see cref="FileStore.Place"/>);
/// on any failure, or a crash, nothing stays behind.
/// Existing splits and labels are reused by name; items are always added.
/// </summary>
public sealed class ImportWriter(VersionScope scope)
{
    private readonly Dictionary<PlannedItem, string> _images = [];
    private readonly List<string> _temps = [];

    public void Apply(ImportPlan plan)
    {
        try
        {
            foreach (var item in plan.Items.Where(i => i.Image is not null)) _images[item] = Extract(item.Image!);
            scope.Store.InTransaction(() => Write(plan));
        }
        finally
        {
            foreach (var temp in _temps) File.Delete(temp);
        }
    }

    private string Extract(ZipItem entry)
    {
        var temp = scope.Files.NewTempPath();
        _temps.Add(temp);
        using (var source = entry.Open())
        using (var target = File.Create(temp))
            source.CopyTo(target);
        if (!Thumbnails.LooksLikeImage(temp)) throw DomainException.Invalid($"The zip entry '{entry.Path}' is not an image.");
        return temp;
    }

    private void Write(ImportPlan plan)
    {
        var splits = scope.Splits().ToDictionary(s => s.Str("name"), s => s.Str("id"));
        foreach (var name in plan.Splits.Where(n => !splits.ContainsKey(n))) splits[name] = DatasetChanges.NewSplit(scope, name).Str("id");
        var labels = WriteLabels(plan.Labels);
        if (plan.Config is not null) WriteConfig(plan.Config);
        var fallback = plan.IntoDefaultSplit && plan.Items.Count > 0 ? DefaultSplit(splits) : null;
        foreach (var planned in plan.Items)
        {
            if (fallback is not null && planned.Splits.Count == 0) planned.Splits.Add(fallback);
            WriteItem(planned, splits, labels);
        }
    }

    /// <summary>The name of the version's default_split, else of its first split, else of a new split "train".</summary>
    private string DefaultSplit(Dictionary<string, string> splits)
    {
        var named = splits.FirstOrDefault(s => s.Value == scope.Version.Str("default_split")).Key ?? scope.Splits().FirstOrDefault()?.Str("name");
        if (named is not null) return named;
        splits["train"] = DatasetChanges.NewSplit(scope, "train").Str("id");
        return "train";
    }

    private Dictionary<string, string> WriteLabels(List<PlannedLabel> planned)
    {
        var existing = scope.Labels();
        var labels = existing.ToDictionary(l => l.Str("name"), l => l.Str("id"));
        var index = existing.Count;
        foreach (var label in planned.Where(l => !labels.ContainsKey(l.Name)))
        {
            var doc = scope.NewChild(Kinds.Label);
            doc["name"] = label.Name;
            doc["index"] = index;
            doc["color"] = LabelColors.Check(label.Color, index++);
            scope.Put(Kinds.Label, doc);
            labels[label.Name] = doc.Str("id");
        }
        return labels;
    }

    private void WriteConfig(string config)
    {
        var current = CsvFormat.Columns(scope.Version.Str("config")).Columns;
        var incoming = CsvFormat.Columns(config).Columns;
        if (current.Count > 0 && !current.SequenceEqual(incoming) && scope.Store.Any(Kinds.Item, scope.DatasetVersionId))
            throw DomainException.Invalid($"The csv columns ({string.Join(", ", incoming)}) differ from this version's ({string.Join(", ", current)}).");
        scope.Version["config"] = config;
        DatasetChanges.SaveVersion(scope.Store, Entities.Touch(scope.Version));
    }

    private void WriteItem(PlannedItem planned, Dictionary<string, string> splits, Dictionary<string, string> labels)
    {
        var item = scope.NewChild(Kinds.Item);
        item["name"] = planned.Name;
        item["text"] = planned.Text;
        item["extension"] = planned.Extension;
        ItemSplits.Set(item, planned.Splits.Select(s => splits[s]));
        scope.Put(Kinds.Item, item);
        foreach (var annotation in planned.Annotations)
        {
            var doc = scope.NewChild(Kinds.Annotation);
            doc["item_id"] = item.Str("id");
            doc["label_id"] = labels[annotation.Label];
            doc["split_id"] = annotation.Split.Length > 0 ? splits[annotation.Split] : ItemSplits.First(item);
            doc["coordinates"] = AnnotationChanges.CheckCoordinates(annotation.Coordinates);
            scope.Put(Kinds.Annotation, doc);
        }
        if (!_images.TryGetValue(planned, out var temp)) return;
        scope.Files.Place(temp, ItemFiles.Image(scope, item));
    }
}

using System;
using System.Linq;
using SeeMe.Core.Clients;
using SeeMe.Core.Sync.Layouts;

namespace SeeMe.Core.Sync
{
    /// <summary>Which layout a sync reads and writes.</summary>
    public static class SyncLayouts
    {
        public static ISyncLayout Of(DatasetFormat format)
        {
            switch (format)
            {
                case DatasetFormat.Yolo: return new YoloLayout();
                case DatasetFormat.Csv: return new CsvLayout();
                default: return new FoldersLayout();
            }
        }

        /// <summary>
        /// -Format when given; else the folder's, as an import detects it (a .csv at its root: csv; a .names file at its
        /// root: yolo; else folders); an empty folder being downloaded into gets the service's choice for the version
        /// (csv for columns, yolo when it has boxes, else folders).
        /// </summary>
        public static ISyncLayout Choose(SyncOptions options, SyncFolder folder, RemoteListing remote)
        {
            if (options.Format is DatasetFormat format) return Of(format);
            var root = folder.Files.Where(f => f.Segments.Length == 1).ToList();
            if (root.Any(f => f.Extension == "csv")) return Of(DatasetFormat.Csv);
            if (root.Any(f => f.Extension == "names")) return Of(DatasetFormat.Yolo);
            if (options.Direction == SyncDirection.Upload || folder.Files.Count > 0) return Of(DatasetFormat.Folders);
            if (CsvColumns.FromConfig(remote.Version.Config) != null) return Of(DatasetFormat.Csv);
            return Of(remote.Items.Any(i => i.Annotations.Any(a => a.IsBox)) ? DatasetFormat.Yolo : DatasetFormat.Folders);
        }
    }
}

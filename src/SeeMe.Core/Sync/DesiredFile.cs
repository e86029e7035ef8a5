namespace SeeMe.Core.Sync
{
    /// <summary>A file a download wants in the folder: an item's image, or a text (a text item, a YOLO list or boxes, the csv).</summary>
    public sealed class DesiredFile
    {
        private DesiredFile(string path, RemoteItem? item, string? text)
        {
            Path = path;
            Item = item;
            Text = text;
        }

        public static DesiredFile ImageOf(string path, RemoteItem item) => new DesiredFile(path, item, null);

        /// <summary>A text file; <paramref name="item"/> when it is that item's content (a text item), for the state.</summary>
        public static DesiredFile TextFile(string path, string text, RemoteItem? item = null) => new DesiredFile(path, item, text);

        /// <summary>Relative to the folder, '/' separated.</summary>
        public string Path { get; }
        /// <summary>The item whose image (or text) this is; null for a file of the layout (a YOLO list, the csv).</summary>
        public RemoteItem? Item { get; }
        /// <summary>The file's text; null for an image.</summary>
        public string? Text { get; }
        public bool IsImage => Text == null;
    }
}

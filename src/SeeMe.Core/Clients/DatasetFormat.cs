namespace SeeMe.Core.Clients
{
    /// <summary>The zip layouts of dataset export and import.</summary>
    public enum DatasetFormat
    {
        /// <summary>One folder per split, one sub-folder per label (image and text classification).</summary>
        Folders,
        /// <summary>YOLO text files per image, a .names file and config.json (object detection).</summary>
        Yolo,
        /// <summary>One CSV file (structured data).</summary>
        Csv,
    }
}

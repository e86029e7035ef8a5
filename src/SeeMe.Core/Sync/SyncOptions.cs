using SeeMe.Core.Clients;

namespace SeeMe.Core.Sync
{
    /// <summary>Which side a sync makes follow the other.</summary>
    public enum SyncDirection
    {
        /// <summary>The dataset version follows the folder.</summary>
        Upload,
        /// <summary>The folder follows the dataset version.</summary>
        Download,
    }

    /// <summary>How a sync compares and what it may do.</summary>
    public sealed class SyncOptions
    {
        public SyncDirection Direction { get; set; } = SyncDirection.Upload;

        /// <summary>The folder's layout; null: detected (a .csv at the root: csv; a .names file: yolo; else folders), for a download the service's choice for the version.</summary>
        public DatasetFormat? Format { get; set; }

        /// <summary>Also remove what the other side no longer has (items, or with a download local files).</summary>
        public bool Delete { get; set; }

        /// <summary>Compare image contents with the service's bytes (downloaded) instead of trusting the state file.</summary>
        public bool Checksum { get; set; }

        /// <summary>Requests in flight at most (the listing's pages, the checksum downloads).</summary>
        public int ThrottleLimit { get; set; } = 4;
    }
}

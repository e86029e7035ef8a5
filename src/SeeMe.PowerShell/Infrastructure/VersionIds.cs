namespace SeeMe.PowerShell
{
    /// <summary>The dataset and version ids a command works in.</summary>
    public readonly struct VersionIds
    {
        public VersionIds(string datasetId, string datasetVersionId)
        {
            DatasetId = datasetId;
            DatasetVersionId = datasetVersionId;
        }

        public string DatasetId { get; }
        public string DatasetVersionId { get; }
    }
}

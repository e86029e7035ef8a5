using SeeMe.Core.Http;

namespace SeeMe.Core.Clients
{
    /// <summary>The paths under datasets/{ds}/versions/{dv}.</summary>
    internal static class DatasetPaths
    {
        public static string Versions(string datasetId) =>
            ApiPath.Of("datasets", Ensure.NotNullOrEmpty(datasetId, nameof(datasetId)), "versions");

        public static string Version(string datasetId, string versionId) =>
            Versions(datasetId) + "/" + ApiPath.Of(Ensure.NotNullOrEmpty(versionId, "datasetVersionId"));

        public static string Child(string datasetId, string versionId, string collection, string? id = null) =>
            Version(datasetId, versionId) + "/" + collection + (id == null ? "" : "/" + ApiPath.Of(Ensure.NotNullOrEmpty(id, "id")));
    }
}

using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace SeeMe.Core.Http
{
    /// <summary>
    /// Typed calls over <see cref="SeeMeConnection"/>: JSON get/post/put/delete, streaming multipart
    /// uploads and streaming downloads to a file. Resource clients use only this. GET, PUT and DELETE
    /// are <see cref="Idempotency.Repeatable"/>; a POST or an upload says at its call site whether it
    /// creates something (<see cref="Idempotency.Create"/>, the default when it does not say).
    /// </summary>
    public sealed class ApiConnection
    {
        private const int BufferSize = 81920;

        public ApiConnection(SeeMeConnection connection) => Connection = connection;

        public SeeMeConnection Connection { get; }

        public Task<T> GetAsync<T>(string path, CancellationToken ct) => Connection.SendJsonAsync<T>(HttpMethod.Get, path, null, Idempotency.Repeatable, ct);
        public Task<T> PostAsync<T>(string path, object body, CancellationToken ct) => PostAsync<T>(path, body, Idempotency.Create, ct);
        public Task<T> PostAsync<T>(string path, object body, Idempotency idempotency, CancellationToken ct) => Connection.SendJsonAsync<T>(HttpMethod.Post, path, body, idempotency, ct);
        public Task<T> PutAsync<T>(string path, object body, CancellationToken ct) => Connection.SendJsonAsync<T>(HttpMethod.Put, path, body, Idempotency.Repeatable, ct);
        public Task<T> DeleteAsync<T>(string path, CancellationToken ct) => Connection.SendJsonAsync<T>(HttpMethod.Delete, path, null, Idempotency.Repeatable, ct);

        public Task<T> UploadAsync<T>(string path, string filePath, string contentType, IProgress<TransferProgress>? progress, CancellationToken ct) =>
            UploadAsync<T>(path, filePath, contentType, Idempotency.Create, progress, ct);

        /// <summary>
        /// Uploads a file as the single multipart part <c>file</c>, streamed from disk (constant
        /// memory whatever its size), reporting bytes sent. Each attempt re-opens the file.
        /// </summary>
        public async Task<T> UploadAsync<T>(string path, string filePath, string contentType, Idempotency idempotency,
            IProgress<TransferProgress>? progress, CancellationToken ct)
        {
            var request = new SeeMeRequest(HttpMethod.Post, path, idempotency) { Content = timer => FilePart(filePath, contentType, progress, timer) };
            var text = await Connection.SendAsync(request, SeeMeConnection.ReadTextAsync, ct).ConfigureAwait(false);
            return SeeMeJson.Deserialize<T>(text);
        }

        private static HttpContent FilePart(string filePath, string contentType, IProgress<TransferProgress>? progress, InactivityTimer timer)
        {
            var fileName = Path.GetFileName(filePath);
            var file = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
            var part = new StreamContent(new ProgressStream(file, fileName, file.Length, progress, timer), BufferSize);
            part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            part.Headers.ContentLength = file.Length;
            return new MultipartFormDataContent { { part, "file", fileName } }; // disposing the form disposes the part and the file
        }

        /// <summary>
        /// Downloads to <paramref name="destinationFile"/> through a temporary file in the same folder,
        /// renamed when complete: a failed or cancelled download leaves nothing behind. A download that
        /// breaks off is retried into the same temporary file (resumed where the server offers ranges).
        /// </summary>
        public async Task<FileInfo> DownloadAsync(string path, string destinationFile, bool overwrite, IProgress<TransferProgress>? progress, CancellationToken ct)
        {
            var target = new FileInfo(Path.GetFullPath(destinationFile));
            if (target.Exists && !overwrite)
                throw new IOException($"The file '{target.FullName}' already exists and overwriting was not asked for.");
            Directory.CreateDirectory(target.DirectoryName!);
            var temp = new PartialDownload(Path.Combine(target.DirectoryName!, "." + target.Name + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial"), target.Name, progress);
            try
            {
                var request = new SeeMeRequest(HttpMethod.Get, path, Idempotency.Repeatable) { IsDownload = true, Prepare = temp.AskForRest };
                await Connection.SendAsync(request, temp.WriteAsync, ct).ConfigureAwait(false);
                if (target.Exists) target.Delete();
                File.Move(temp.Path, target.FullName);
                target.Refresh();
                return target;
            }
            finally
            {
                if (File.Exists(temp.Path)) File.Delete(temp.Path);
            }
        }
    }
}

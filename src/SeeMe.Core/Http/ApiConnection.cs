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

        /// <summary>
        /// Uploads bytes held in memory (an item's image on its way to a prediction) as the single multipart part
        /// <c>file</c> named <paramref name="fileName"/>; each attempt sends them again.
        /// </summary>
        public async Task<T> UploadAsync<T>(string path, string fileName, byte[] content, string contentType, Idempotency idempotency, CancellationToken ct)
        {
            var request = new SeeMeRequest(HttpMethod.Post, path, idempotency)
            {
                Content = timer => FormWith(new MemoryStream(content, writable: false), fileName, contentType, null, timer),
            };
            var text = await Connection.SendAsync(request, SeeMeConnection.ReadTextAsync, ct).ConfigureAwait(false);
            return SeeMeJson.Deserialize<T>(text);
        }

        private static HttpContent FilePart(string filePath, string contentType, IProgress<TransferProgress>? progress, InactivityTimer timer)
        {
            var file = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
            return FormWith(file, Path.GetFileName(filePath), contentType, progress, timer);
        }

        /// <summary>The multipart form with the one part <c>file</c>; disposing the form disposes the part and the stream.</summary>
        private static HttpContent FormWith(Stream content, string fileName, string contentType, IProgress<TransferProgress>? progress, InactivityTimer timer)
        {
            var part = new StreamContent(new ProgressStream(content, fileName, content.Length, progress, timer), BufferSize);
            part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            part.Headers.ContentLength = content.Length;
            return new MultipartFormDataContent { { part, "file", fileName } };
        }

        /// <summary>
        /// Downloads a small file (an item's image) into memory, retried like every download; a body that ends
        /// short of its Content-Length is a broken transfer, retried too.
        /// </summary>
        public Task<DownloadedContent> DownloadContentAsync(string path, CancellationToken ct) =>
            Connection.SendAsync(new SeeMeRequest(HttpMethod.Get, path, Idempotency.Repeatable) { IsDownload = true }, ReadContentAsync, ct);

        private static async Task<DownloadedContent> ReadContentAsync(HttpResponseMessage response, InactivityTimer timer)
        {
            var expected = response.Content.Headers.ContentLength;
            using var body = new ProgressStream(await response.Content.ReadAsStreamAsync().ConfigureAwait(false), "", expected, null, timer);
            using var buffer = new MemoryStream();
            await body.CopyToAsync(buffer, BufferSize, timer.Token).ConfigureAwait(false);
            if (expected is long length && buffer.Length != length)
                throw new TransferBrokenException(new IOException($"The download ended after {buffer.Length} of {length} bytes."));
            return new DownloadedContent(buffer.ToArray(), response.Content.Headers.ContentType?.MediaType ?? "");
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

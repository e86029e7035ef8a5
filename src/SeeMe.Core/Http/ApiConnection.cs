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
    /// uploads and streaming downloads to a file. Resource clients use only this.
    /// </summary>
    public sealed class ApiConnection
    {
        private const int BufferSize = 81920;

        public ApiConnection(SeeMeConnection connection) => Connection = connection;

        public SeeMeConnection Connection { get; }

        public Task<T> GetAsync<T>(string path, CancellationToken ct) => Connection.SendJsonAsync<T>(HttpMethod.Get, path, null, ct);
        public Task<T> PostAsync<T>(string path, object body, CancellationToken ct) => Connection.SendJsonAsync<T>(HttpMethod.Post, path, body, ct);
        public Task<T> PutAsync<T>(string path, object body, CancellationToken ct) => Connection.SendJsonAsync<T>(HttpMethod.Put, path, body, ct);
        public Task<T> DeleteAsync<T>(string path, CancellationToken ct) => Connection.SendJsonAsync<T>(HttpMethod.Delete, path, null, ct);

        /// <summary>
        /// Uploads a file as the single multipart part <c>file</c>, streamed from disk (constant
        /// memory whatever its size), reporting bytes sent.
        /// </summary>
        public async Task<T> UploadAsync<T>(string path, string filePath, string contentType, IProgress<TransferProgress>? progress, CancellationToken ct)
        {
            var fileName = Path.GetFileName(filePath);
            using var file = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
            using var part = new StreamContent(new ProgressStream(file, fileName, file.Length, progress), BufferSize);
            part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            part.Headers.ContentLength = file.Length;
            using var form = new MultipartFormDataContent();
            form.Add(part, "file", fileName);
            using var response = await Connection.SendAsync(HttpMethod.Post, path, form, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return SeeMeJson.Deserialize<T>(text);
        }

        /// <summary>
        /// Downloads to <paramref name="destinationFile"/> through a temporary file in the same folder,
        /// renamed when complete: a failed or cancelled download leaves nothing behind.
        /// </summary>
        public async Task<FileInfo> DownloadAsync(string path, string destinationFile, bool overwrite, IProgress<TransferProgress>? progress, CancellationToken ct)
        {
            var target = new FileInfo(Path.GetFullPath(destinationFile));
            if (target.Exists && !overwrite)
                throw new IOException($"The file '{target.FullName}' already exists. Use -Force (or overwrite) to replace it.");
            Directory.CreateDirectory(target.DirectoryName!);
            var temp = Path.Combine(target.DirectoryName!, "." + target.Name + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");
            try
            {
                using (var response = await Connection.SendAsync(HttpMethod.Get, path, null, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false))
                using (var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                using (var source = new ProgressStream(body, target.Name, response.Content.Headers.ContentLength, progress))
                using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
                {
                    await source.CopyToAsync(output, BufferSize, ct).ConfigureAwait(false);
                }
                if (target.Exists) target.Delete();
                File.Move(temp, target.FullName);
                target.Refresh();
                return target;
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }
    }
}

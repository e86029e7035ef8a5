using System;
using System.Collections;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using SeeMe.Core.Files;
using SeeMe.Core.Http;
using SeeMe.Core.Entities;

namespace SeeMe.Core.Clients
{
    /// <summary>inferences: predict from a file, a text or structured features; update (report wrong).</summary>
    public sealed class PredictionsClient : ApiClient
    {
        public PredictionsClient(ApiConnection api) : base(api) { }

        /// <summary>Image classification, object detection, OCR: the file as multipart <c>file</c>.</summary>
        public Task<Prediction> PredictFileAsync(string modelId, string? versionId, string filePath,
            IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
            MadeFrom(Path.GetFullPath(LocalFiles.RequireFile(filePath)),
                Api.UploadAsync<Prediction>(Target(modelId, versionId), filePath, "application/octet-stream", Idempotency.Repeatable, progress, cancellationToken));

        /// <summary>As <see cref="PredictFileAsync"/>, for an image held in memory (a dataset item's) and sent under <paramref name="fileName"/>.</summary>
        public Task<Prediction> PredictImageAsync(string modelId, string? versionId, string fileName, byte[] image, CancellationToken cancellationToken = default) =>
            MadeFrom(Ensure.NotNullOrEmpty(fileName, nameof(fileName)),
                Api.UploadAsync<Prediction>(Target(modelId, versionId), fileName, Ensure.NotNull(image, nameof(image)), "application/octet-stream", Idempotency.Repeatable, cancellationToken));

        /// <summary>Text classification, NER, language models: JSON {"input_text": text}.</summary>
        public Task<Prediction> PredictTextAsync(string modelId, string? versionId, string text, CancellationToken cancellationToken = default) =>
            MadeFrom(text, Api.PostAsync<Prediction>(Target(modelId, versionId), new JObject { ["input_text"] = text ?? throw new ArgumentNullException(nameof(text)) }, Idempotency.Repeatable, cancellationToken));

        /// <summary>Structured (tabular): the features serialised as a JSON string inside {"input_text": "..."}.</summary>
        public Task<Prediction> PredictStructuredAsync(string modelId, string? versionId, IDictionary features, CancellationToken cancellationToken = default)
        {
            Ensure.NotNull(features, nameof(features));
            var row = new JObject();
            foreach (DictionaryEntry feature in features) row[Convert.ToString(feature.Key)!] = feature.Value == null ? JValue.CreateNull() : JToken.FromObject(feature.Value);
            var body = new JObject { ["input_text"] = row.ToString(Newtonsoft.Json.Formatting.None) };
            return MadeFrom(features, Api.PostAsync<Prediction>(Target(modelId, versionId), body, Idempotency.Repeatable, cancellationToken));
        }

        /// <summary>PUT the full prediction, e.g. with <c>ErrorReported = true</c> and an <c>Error</c> text.</summary>
        public Task<Prediction> UpdateAsync(Prediction prediction, CancellationToken cancellationToken = default) =>
            Api.PutAsync<Prediction>(ApiPath.Of("inferences", Ensure.NotNullOrEmpty(Ensure.NotNull(prediction, nameof(prediction)).Id, "prediction.Id")), prediction, cancellationToken);

        /// <summary>The prediction, with <see cref="Prediction.Input"/> naming what it was made from.</summary>
        private static async Task<Prediction> MadeFrom(object input, Task<Prediction> predicting)
        {
            var prediction = await predicting.ConfigureAwait(false);
            prediction.Input = input;
            return prediction;
        }

        private static string Target(string modelId, string? versionId) =>
            string.IsNullOrEmpty(versionId)
                ? ApiPath.Of("inferences", Ensure.NotNullOrEmpty(modelId, nameof(modelId)))
                : ApiPath.Of("inferences", Ensure.NotNullOrEmpty(modelId, nameof(modelId)), "versions", versionId!);
    }
}

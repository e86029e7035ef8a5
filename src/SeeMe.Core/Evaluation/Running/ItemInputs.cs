using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Clients;
using SeeMe.Core.Entities;
using SeeMe.Core.Http;

namespace SeeMe.Core.Evaluation
{
    /// <summary>What a dataset item gives a prediction: its image, its text or its row. Read once, predicted on every version.</summary>
    internal abstract class ItemInput
    {
        /// <summary>What the outcome names as its input: the image's file name, the text, the CSV line.</summary>
        public abstract string Description { get; }

        /// <summary>The image (image items only), kept for the HTML report's pictures.</summary>
        public virtual DownloadedContent? Image => null;

        public abstract Task<Prediction> PredictAsync(PredictionsClient predictions, ModelVersion version, CancellationToken cancellationToken);

        /// <summary>How the items of an application type are read: image, text or structured row.</summary>
        public static Func<SeeMeClient, DatasetItem, CancellationToken, Task<ItemInput>> ReaderFor(string applicationType, DatasetVersion datasetVersion)
        {
            switch (applicationType)
            {
                case ApplicationTypes.ImageClassification:
                case ApplicationTypes.ObjectDetection:
                    return ImageInput.ReadAsync;
                case ApplicationTypes.TextClassification:
                    return (client, item, ct) => Task.FromResult<ItemInput>(new TextInput(item.Text));
                case ApplicationTypes.Structured:
                    var columns = StructuredRow.ColumnsOf(datasetVersion);
                    return (client, item, ct) => Task.FromResult<ItemInput>(new RowInput(item.Text, StructuredRow.Parse(item, columns)));
                default:
                    throw new NotSupportedException($"Evaluation covers image_classification, text_classification, structured and object_detection models, not '{applicationType}'.");
            }
        }

        private sealed class ImageInput : ItemInput
        {
            private readonly string _fileName;
            private readonly DownloadedContent _image;

            public ImageInput(string fileName, DownloadedContent image)
            {
                _fileName = fileName;
                _image = image;
            }

            public override string Description => _fileName;
            public override DownloadedContent Image => _image;

            /// <summary>The item's image as its download gives it, sent under the name an export gives its file.</summary>
            public static async Task<ItemInput> ReadAsync(SeeMeClient client, DatasetItem item, CancellationToken cancellationToken)
            {
                if (string.IsNullOrEmpty(item.Extension))
                    throw new InvalidDataException($"The item {EvaluationItem.Describe(item)} has no image to predict on: upload its image first.");
                var image = await client.Items.GetImageAsync(item, cancellationToken: cancellationToken).ConfigureAwait(false);
                return new ImageInput(ItemsClient.ImageFileName(item), image);
            }

            public override Task<Prediction> PredictAsync(PredictionsClient predictions, ModelVersion version, CancellationToken cancellationToken) =>
                predictions.PredictImageAsync(version.ModelId, version.Id, _fileName, _image.Bytes, cancellationToken);
        }

        private sealed class TextInput : ItemInput
        {
            private readonly string _text;

            public TextInput(string text) => _text = text;

            public override string Description => _text;

            public override Task<Prediction> PredictAsync(PredictionsClient predictions, ModelVersion version, CancellationToken cancellationToken) =>
                predictions.PredictTextAsync(version.ModelId, version.Id, _text, cancellationToken);
        }

        private sealed class RowInput : ItemInput
        {
            private readonly string _line;
            private readonly Dictionary<string, string> _row;

            public RowInput(string line, Dictionary<string, string> row)
            {
                _line = line;
                _row = row;
            }

            public override string Description => _line;

            public override Task<Prediction> PredictAsync(PredictionsClient predictions, ModelVersion version, CancellationToken cancellationToken) =>
                predictions.PredictStructuredAsync(version.ModelId, version.Id, _row, cancellationToken);
        }
    }
}

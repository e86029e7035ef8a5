using System.Collections.Generic;
using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.DatasetItems
{
    /// <summary>
    /// <para type="synopsis">Creates items in a dataset version: text items, or image items from files.</para>
    /// <para type="description">Without -Path creates one item from -Name, -Description and -Text. With -Path (wildcards) or -LiteralPath (binds from Get-ChildItem) creates one item per image file, named after the file unless -Name is given, and uploads the image (Write-Progress shows the upload). -Split puts the item in a split and -Label gives it a classification label (an annotation without coordinates); both take an object, an id or a name. Up to -ThrottleLimit items are created at once (default: the session's, 6); they are output in input order. Outputs the created items.</para>
    /// <example><code>New-SeeMeDatasetItem -DatasetId $ds -DatasetVersionId $dv -Text 'What a lovely day' -Split train -Label positive</code><para>Creates a labelled text item in the split train.</para></example>
    /// <example><code>Get-ChildItem ./robins/*.jpg | New-SeeMeDatasetItem -DatasetVersion $version -Split train -Label robin</code><para>Creates an item per image, each labelled robin.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "SeeMeDatasetItem", SupportsShouldProcess = true, DefaultParameterSetName = TextSet)]
    [OutputType(typeof(DatasetItem))]
    public sealed class NewSeeMeDatasetItemCommand : DatasetVersionCmdlet, IThrottledCmdlet
    {
        // Its own sets (Text, Path, LiteralPath), each with the version as an object or by -DatasetId and -DatasetVersionId.
        private const string TextSet = "Text";
        private const string TextByIdsSet = TextSet + IdsSet;

        /// <inheritdoc/>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = TextSet)]
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PathSet)]
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = LiteralPathSet)]
        [EntityFromId(typeof(DatasetVersion))]
        [ArgumentCompleter(typeof(DatasetVersionNameCompleter))]
        [ValidateNotNull]
        public override DatasetVersion? DatasetVersion { get; set; }

        /// <inheritdoc/>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = TextByIdsSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = PathByIdsSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathByIdsSet)]
        [ValidateNotNullOrEmpty]
        public override string? DatasetId { get; set; }

        /// <inheritdoc/>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = TextByIdsSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = PathByIdsSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathByIdsSet)]
        [Alias("VersionId")]
        [ValidateNotNullOrEmpty]
        public override string? DatasetVersionId { get; set; }

        /// <summary><para type="description">The item's name (default for images: the file name without extension).</para></summary>
        [Parameter]
        public string? Name { get; set; }

        /// <summary><para type="description">What the item shows.</para></summary>
        [Parameter]
        public string Description { get; set; } = "";

        /// <summary><para type="description">The text of a text item (or one CSV line of a tabular item).</para></summary>
        [Parameter(ParameterSetName = TextSet)]
        [Parameter(ParameterSetName = TextByIdsSet)]
        public string Text { get; set; } = "";

        /// <summary><para type="description">Image files (.jpg, .jpeg, .png); wildcards allowed.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathByIdsSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        /// <summary><para type="description">Image files taken exactly as written; binds from Get-ChildItem.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathByIdsSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "FullName", "LP")]
        [ValidateNotNullOrEmpty]
        public string[]? LiteralPath { get; set; }

        /// <summary><para type="description">The split to put the item in: a split object, its id or its name.</para></summary>
        [Parameter]
        [IdFromEntity]
        public string? Split { get; set; }

        /// <summary><para type="description">A classification label for the item: a label object, its id or its name.</para></summary>
        [Parameter]
        [IdFromEntity]
        public string? Label { get; set; }

        /// <summary><para type="description">How many requests may be in flight at once; 1 sends one at a time. Default: the session's (Connect-SeeMe -ThrottleLimit; 6). Output keeps input order.</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; }

        protected override void ProcessRecord()
        {
            var version = LocateVersion();
            var split = ResolveSplit(version, Split);
            var labelId = ResolveLabelId(version, Label);
            if (Path == null && LiteralPath == null)
            {
                Create(version, Build(Name ?? "", split, labelId, version), null);
                return;
            }
            var literal = LiteralPath != null;
            foreach (var path in (literal ? LiteralPath : Path)!)
            foreach (var file in ResolvePaths(path, literal))
                Create(version, Build(Name ?? System.IO.Path.GetFileNameWithoutExtension(file), split, labelId, version), file);
        }

        // The split goes as the whole object the server sent (as the SDK sends it), a copy per item.
        private DatasetItem Build(string name, DatasetSplit? split, string? labelId, VersionIds version) => new DatasetItem
        {
            Name = name,
            Description = Description,
            Text = Text,
            DatasetId = version.DatasetId,
            DatasetVersionId = version.DatasetVersionId,
            Splits = split == null ? new List<DatasetSplit>() : new List<DatasetSplit> { split.DeepCopy() },
            Annotations = labelId == null ? new List<Annotation>() : new List<Annotation> { new Annotation { LabelId = labelId, SplitId = split?.Id ?? "" } },
        };

        /// <summary>Creates the item, then uploads its image (two calls: the API has no create-with-file).</summary>
        private void Create(VersionIds version, DatasetItem item, string? imageFile)
        {
            var what = imageFile == null ? "Create" : $"Create from '{imageFile}'";
            if (!ShouldProcess($"{Describe("DatasetItem", item)} in dataset version {version.DatasetVersionId}", what)) return;
            if (imageFile == null)
            {
                RunInput(ct => Client.Items.CreateAsync(version.DatasetId, version.DatasetVersionId, item, ct), item.Name, WriteObject);
                return;
            }
            RunTransferInput($"Uploading {System.IO.Path.GetFileName(imageFile)}",
                (progress, ct) => Client.Items.CreateWithImageAsync(version.DatasetId, version.DatasetVersionId, item, imageFile, progress, ct),
                imageFile, WriteObject);
        }
    }
}

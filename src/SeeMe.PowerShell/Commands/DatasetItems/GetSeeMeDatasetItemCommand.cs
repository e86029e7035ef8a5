using System.Management.Automation;
using SeeMe.Core.Clients;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.DatasetItems
{
    /// <summary>
    /// <para type="synopsis">Gets the items of a dataset version, streamed page by page.</para>
    /// <para type="description">Writes every item of the version piped in (-DatasetVersion) or given by -DatasetId with -DatasetVersionId, each page as it arrives, so the next command starts at once. -First and -Skip page through the items (the listing starts at the page that holds the first wanted item, up to -ThrottleLimit pages are requested at once while one is written, none past the first short page or the last one -First needs, and the items come out in order); -Split, -Label (objects, ids or names) and -Unlabelled filter on the server; -Id gets given items.</para>
    /// <example><code>Get-SeeMeDatasetItem -DatasetId $ds -DatasetVersionId $dv -Split train -Label robin -First 20</code><para>Gets the first 20 items of the split train labelled robin.</para></example>
    /// <example><code>Get-SeeMeDataset -Name Birds | Get-SeeMeDatasetVersion -Latest | Get-SeeMeDatasetItem -First 100 | Save-SeeMeDatasetItemImage -Destination ./sample</code><para>Saves the images of the first 100 items.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SeeMeDatasetItem", SupportsPaging = true, DefaultParameterSetName = ListSet)]
    [OutputType(typeof(DatasetItem))]
    public sealed class GetSeeMeDatasetItemCommand : DatasetVersionCmdlet, IThrottledCmdlet
    {
        // Its own sets (List, Id), each with the version as an object or by -DatasetId and -DatasetVersionId.
        private const string ListSet = "List";
        private const string ListByIdsSet = ListSet + IdsSet;
        private const string IdSet = "Id";
        private const string IdByIdsSet = IdSet + IdsSet;

        /// <inheritdoc/>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ListSet)]
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = IdSet)]
        [EntityFromId(typeof(DatasetVersion))]
        [ArgumentCompleter(typeof(DatasetVersionNameCompleter))]
        [ValidateNotNull]
        public override DatasetVersion? DatasetVersion { get; set; }

        /// <inheritdoc/>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ListByIdsSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdByIdsSet)]
        [ValidateNotNullOrEmpty]
        public override string? DatasetId { get; set; }

        /// <inheritdoc/>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ListByIdsSet)]
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdByIdsSet)]
        [Alias("VersionId")]
        [ValidateNotNullOrEmpty]
        public override string? DatasetVersionId { get; set; }

        /// <summary><para type="description">Only items in this split: a split object, its id or its name.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = ListByIdsSet)]
        [IdFromEntity]
        public string? Split { get; set; }

        /// <summary><para type="description">Only items with this label: a label object, its id or its name.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = ListByIdsSet)]
        [IdFromEntity]
        public string? Label { get; set; }

        /// <summary><para type="description">Only items without any annotation.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = ListByIdsSet)]
        public SwitchParameter Unlabelled { get; set; }

        /// <summary><para type="description">The items' ids.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = IdSet)]
        [Parameter(Mandatory = true, ParameterSetName = IdByIdsSet)]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary><para type="description">How many pages may be requested at once; 1 asks for one page at a time. Default: the session's (Connect-SeeMe -ThrottleLimit; 6). Items are written in order.</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; }

        protected override void ProcessRecord()
        {
            var version = LocateVersion();
            if (IsBound(nameof(Id)))
            {
                foreach (var id in Id)
                    if (TryRun(ct => Client.Items.GetAsync(version.DatasetId, version.DatasetVersionId, id, ct), id, out var item)) WriteObject(item);
                return;
            }
            var query = new ItemQuery
            {
                SplitId = ResolveSplitId(version, Split),
                LabelId = ResolveLabelId(version, Label),
                OnlyUnlabelled = Unlabelled,
            };
            WritePages(Client.Items.GetAll(version.DatasetId, version.DatasetVersionId, Paged(query, ItemQuery.DefaultPageSize)), version.DatasetVersionId);
        }
    }
}

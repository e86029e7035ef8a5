using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Models
{
    /// <summary>
    /// <para type="synopsis">Gets SeeMe models: yours, public ones and those shared with you.</para>
    /// <para type="description">Without parameters lists every model you can see. -Name filters by name (wildcards); -Owned, -Public and -SharedWithMe narrow the list; -Id gets one model (ids bind from the pipeline by property name).</para>
    /// <example><code>Get-SeeMeModel | Where-Object Public</code><para>Lists the public models.</para></example>
    /// <example><code>Get-SeeMeModel -Name 'Cats*' | Get-SeeMeModelVersion</code><para>Lists the versions of every model whose name starts with Cats.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SeeMeModel", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Model))]
    public sealed class GetSeeMeModelCommand : GetOwnedEntityCmdlet<Model>
    {
        /// <summary><para type="description">The model's name; wildcards allowed.</para></summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public string? Name { get; set; }

        /// <summary><para type="description">The model's id.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ModelId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        protected override string? NamePattern => Name;
        protected override string[] Ids => Id;
        protected override string Noun => "model";

        protected override Task<List<Model>> GetAllAsync(CancellationToken cancellationToken) => Client.Models.GetAllAsync(cancellationToken);

        protected override Task<Model> GetAsync(string id, CancellationToken cancellationToken) => Client.Models.GetAsync(id, cancellationToken);
    }
}

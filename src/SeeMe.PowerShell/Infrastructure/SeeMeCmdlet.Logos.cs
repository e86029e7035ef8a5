using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Entities;
using SeeMe.Core.Files;

namespace SeeMe.PowerShell
{
    /// <summary>What Set- and Save-SeeMeModelLogo and Set- and Save-SeeMeDatasetLogo share once they have the entity.</summary>
    public abstract partial class SeeMeCmdlet
    {
        /// <summary>The Set-*Logo flow: confirms, uploads the image (checked by ResolveImage) and writes the updated entity with -PassThru.</summary>
        protected void UploadLogo<T>(string kind, T entity, string image, Func<CancellationToken, Task<T>> upload, bool passThru) where T : SeeMeEntity
        {
            if (ShouldChange(kind, entity, $"Upload logo '{image}'") && TryRun(upload, image, out var updated) && passThru) WriteObject(updated);
        }

        /// <summary>
        /// The Save-*Logo flow: the file is the entity's logo name reduced to a bare name (so the server cannot choose the
        /// folder) in <paramref name="folder"/>; confirmed (see <see cref="ShouldSave"/>), downloaded and written.
        /// </summary>
        protected void SaveLogo<T>(string kind, T entity, string logo, string folder, bool force, Func<CancellationToken, Task<FileInfo>> download)
            where T : SeeMeEntity
        {
            var file = Path.Combine(folder, LocalFiles.SafeFileName(logo, "logo.png"));
            if (ShouldSave(Describe(kind, entity), "logo", file, force) && TryRun(download, entity, out var saved)) WriteObject(saved);
        }
    }
}

using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// Lets a string id parameter (-Split, -Label, ...) also take the entity itself: a piped or
    /// passed object is reduced to its Id; strings pass through unchanged (ids, or names that the
    /// cmdlet resolves).
    /// </summary>
    public sealed class IdFromEntityAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value is SeeMeEntity entity ? entity.Id : inputData;
        }
    }
}

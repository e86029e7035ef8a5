namespace SeeMe.PowerShell.Commands.Annotations
{
    /// <summary>The shape of a box's coordinates: four relative numbers, or nothing.</summary>
    internal static class AnnotationCoordinates
    {
        public const string Pattern = @"^\s*$|^\s*(\d*\.?\d+([eE][-+]?\d+)?\s+){3}\d*\.?\d+([eE][-+]?\d+)?\s*$";
    }
}

#Requires -Version 5.1
<#
.SYNOPSIS
    Exports a dataset version to a folder and a zip beside it, ready to upload as a build artifact.
.DESCRIPTION
    Connects with SEEME_USERNAME, SEEME_API_KEY and SEEME_BACKEND (the CI secrets), finds the dataset -DatasetName and its
    version -VersionName (default: the latest), and exports it into -Destination (replacing what an earlier run left),
    keeping the zip as <Destination>.zip. -Format picks the layout (Folders, Yolo, Csv; default the server's choice).
    Outputs the folder and the zip. Any failure stops the script with a non-zero exit code.
.EXAMPLE
    ./Export-SeeMeDatasetArtifact.ps1 -DatasetName Birds -Destination ./artifacts/birds
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)] [string] $DatasetName,
    [string] $VersionName,
    [Parameter(Mandatory = $true)] [string] $Destination,
    [ValidateSet('Folders', 'Yolo', 'Csv')] [string] $Format
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

Connect-SeeMe | Out-Null
$dataset = Get-SeeMeDataset -Name $DatasetName
$version = if ($VersionName) { $dataset | Get-SeeMeDatasetVersion -Name $VersionName } else { $dataset | Get-SeeMeDatasetVersion -Latest }
if (@($version).Count -ne 1) { throw "Dataset '$DatasetName' has $(@($version).Count) versions named '$VersionName'; name one." }

$export = @{ Destination = $Destination; KeepZip = $true; Force = $true }
if ($Format) { $export.Format = $Format }
$version | Export-SeeMeDatasetVersion @export

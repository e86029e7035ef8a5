#Requires -Version 5.1
<#
.SYNOPSIS
    Makes a dataset version follow a folder of the repository: sends only what changed, and deletes the items whose files are gone.
.DESCRIPTION
    Connects with SEEME_USERNAME, SEEME_API_KEY and SEEME_BACKEND (the CI secrets), finds the dataset -DatasetName and its
    version -VersionName (default: the latest), and syncs the folder -Path into it (Sync-SeeMeDatasetVersion -Delete
    -Confirm:$false): new files become items, changed ones replace their images, moved ones are relabelled or move split,
    and the items whose files were removed are deleted. The folder's sync state (.seeme/sync.json) tells what changed since
    the last run; keep it between runs with the CI's cache. Without it (a fresh checkout, a cache miss) the images are
    compared with the service's bytes (-Checksum), so no change is missed. Appends a Markdown line of counts to -SummaryPath
    (by default $env:GITHUB_STEP_SUMMARY). Outputs the sync's summary. Any failure stops the script with a non-zero exit code.
    Uses only the engine's own commands and .NET besides SeeMe, so it runs wherever the module does.
.EXAMPLE
    ./Sync-SeeMeDatasetFolder.ps1 -DatasetName 'Cats and dogs' -Path ./data
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)] [string] $DatasetName,
    [string] $VersionName,
    [Parameter(Mandatory = $true)] [string] $Path,
    [string] $SummaryPath = $env:GITHUB_STEP_SUMMARY
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

function Get-FullPath([string] $Path) { $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path) }

Connect-SeeMe | Out-Null
$dataset = Get-SeeMeDataset -Name $DatasetName
$version = if ($VersionName) { $dataset | Get-SeeMeDatasetVersion -Name $VersionName } else { $dataset | Get-SeeMeDatasetVersion -Latest }
if (@($version).Count -ne 1) { throw "Dataset '$DatasetName' has $(@($version).Count) versions named '$VersionName'; name one." }

$folder = Get-FullPath $Path
$sync = @{ Path = $folder; Delete = $true; Confirm = $false }
if (-not [System.IO.File]::Exists([System.IO.Path]::Combine($folder, '.seeme', 'sync.json'))) { $sync.Checksum = $true }
$summary = $version | Sync-SeeMeDatasetVersion @sync

if ($SummaryPath) {
    $line = "### SeeMe: '$DatasetName' follows $Path`n`n| created | updated | deleted | unchanged |`n|---:|---:|---:|---:|`n" +
        "| $($summary.Created) | $($summary.Updated) | $($summary.Deleted) | $($summary.Unchanged) |`n"
    [System.IO.File]::AppendAllText((Get-FullPath $SummaryPath), $line)
}

$summary

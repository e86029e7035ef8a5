#Requires -Version 5.1
<#
.SYNOPSIS
    Classifies every image in a folder with a SeeMe model: a CSV of the predictions and a Markdown job summary.
.DESCRIPTION
    Connects with SEEME_USERNAME, SEEME_API_KEY and SEEME_BACKEND (the CI secrets), predicts each image in -ImagesPath
    with the active version of the model -ModelName, writes -CsvPath (File, Label, Confidence, PredictionId) and appends
    a Markdown table to -SummaryPath: by default $env:GITHUB_STEP_SUMMARY, the GitHub Actions job summary; Azure
    Pipelines passes a file and uploads it with ##vso[task.uploadsummary]. Outputs the predictions. Any failure stops
    the script with a non-zero exit code.
    Uses only the engine's own commands and .NET besides SeeMe (no Export-Csv), so it runs wherever the module does.
.EXAMPLE
    ./Invoke-SeeMeClassification.ps1 -ModelName 'Cats and dogs' -ImagesPath ./photos -CsvPath ./out/predictions.csv
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)] [string] $ModelName,
    [Parameter(Mandatory = $true)] [string] $ImagesPath,
    [string] $CsvPath = 'predictions.csv',
    [string] $SummaryPath = $env:GITHUB_STEP_SUMMARY
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$imageExtensions = '.jpg', '.jpeg', '.png', '.bmp', '.gif', '.webp'

function Get-FullPath([string] $Path) { $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path) }

function ConvertTo-CsvLine([object[]] $Fields) {
    ($Fields | ForEach-Object { '"' + ([string]$_).Replace('"', '""') + '"' }) -join ','
}

Connect-SeeMe | Out-Null
$model = Get-SeeMeModel -Name $ModelName
$images = [System.IO.Directory]::GetFiles((Get-FullPath $ImagesPath)) | Where-Object { $imageExtensions -contains [System.IO.Path]::GetExtension($_).ToLowerInvariant() }
if (-not $images) { throw "No images (*$($imageExtensions -join ', *')) in '$ImagesPath'." }
[Array]::Sort($images)
$predictions = @($images | Invoke-SeeMePrediction -Model $model)

$invariant = [System.Globalization.CultureInfo]::InvariantCulture
$csv = Get-FullPath $CsvPath
[System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName($csv)) | Out-Null
$lines = @(ConvertTo-CsvLine 'File', 'Label', 'Confidence', 'PredictionId') +
    @($predictions | ForEach-Object { ConvertTo-CsvLine $_.Name, $_.Label, $_.Confidence.ToString('0.0000', $invariant), $_.Id })
[System.IO.File]::WriteAllLines($csv, [string[]]$lines)

if ($SummaryPath) {
    $perLabel = [ordered]@{}
    foreach ($prediction in $predictions) { $perLabel[$prediction.Label] = 1 + [int]$perLabel[$prediction.Label] }
    $summary = @("### SeeMe: '$($model.Name)' classified $($predictions.Count) images", '', '| Label | Images |', '|---|---|') +
        @($perLabel.Keys | ForEach-Object { "| $_ | $($perLabel[$_]) |" }) + @('', "The predictions are in $([System.IO.Path]::GetFileName($csv)).", '')
    [System.IO.File]::AppendAllText((Get-FullPath $SummaryPath), ($summary -join "`n") + "`n")
}

$predictions

#Requires -Version 5.1
<#
.SYNOPSIS
    Publishes a trained model file as a new version of a SeeMe model, evaluates it against the active version, and makes
    it the active one only when it passes.
.DESCRIPTION
    Checks that every -Path file exists, connects with SEEME_USERNAME, SEEME_API_KEY and SEEME_BACKEND (the CI secrets),
    creates the version -VersionName of the model -ModelName (or, run again, reuses the one of that name) and uploads -Path
    to it (the model file, and e.g. labels.txt). Then it evaluates the new version on
    the -Split items (default: test) of the latest version of the dataset -DatasetName, against the active version on the
    same items when that one can predict: its headline metric (accuracy, or mAP50 for object detection) may drop at most
    -MaximumRegression (default 0: no worse), and reach -MinimumAccuracy, -MinimumF1 and -MinimumMeanAveragePrecision when
    given. The reports go to -ReportFolder (junit.xml, summary.md, report.html, evaluation.json) and the summary is
    appended to -SummaryPath (by default $env:GITHUB_STEP_SUMMARY, the GitHub Actions job summary) whatever the outcome.
    The new version records its headline metric as its Accuracy. Only when every gate passes does the model switch its
    active version to it. Outputs the evaluation and the model. A failed gate, like any failure, stops the script with a
    non-zero exit code, and the active version stays as it was.
    Uses only the engine's own commands and .NET besides SeeMe, so it runs wherever the module does.
.EXAMPLE
    ./Publish-SeeMeModelVersion.ps1 -ModelName Birds -VersionName "build $env:GITHUB_RUN_NUMBER" -Path ./out/birds.onnx, ./out/labels.txt -DatasetName Birds -MinimumAccuracy 0.9
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)] [string] $ModelName,
    [Parameter(Mandatory = $true)] [string] $VersionName,
    [Parameter(Mandatory = $true)] [string[]] $Path,
    [Parameter(Mandatory = $true)] [string] $DatasetName,
    [string[]] $Split = 'test',
    [double] $MaximumRegression = 0,
    [double] $MinimumAccuracy,
    [double] $MinimumF1,
    [double] $MinimumMeanAveragePrecision,
    [string] $ReportFolder = 'seeme-evaluation',
    [string] $SummaryPath = $env:GITHUB_STEP_SUMMARY,
    [string] $Description = ''
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

function Get-FullPath([string] $Path) { $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path) }

# Every input checked before anything is created: a missing file must not leave an empty version behind.
$missing = @($Path | Where-Object { -not [System.IO.File]::Exists((Get-FullPath $_)) })
if ($missing) { throw "No such model file: $($missing -join ', '). Nothing was created; check -Path." }


Connect-SeeMe | Out-Null
$model = Get-SeeMeModel -Name $ModelName
$datasetVersion = Get-SeeMeDataset -Name $DatasetName | Get-SeeMeDatasetVersion -Latest
# Safe to run again (a retried CI job): a version of this name is reused, its files replaced, never made twice.
$version = $null
foreach ($existing in Get-SeeMeModelVersion -Model $model) { if ($existing.Name -eq $VersionName) { $version = $existing; break } }
if (-not $version) { $version = New-SeeMeModelVersion -Model $model -Name $VersionName -Description $Description }
Publish-SeeMeModel -Model $model -Version $version -LiteralPath $Path | Out-Null

# The gates given, and the active version as the baseline unless it cannot predict (a model's first publish).
$gates = @{}
foreach ($name in 'MinimumAccuracy', 'MinimumF1', 'MinimumMeanAveragePrecision') {
    if ($PSBoundParameters.ContainsKey($name)) { $gates[$name] = $PSBoundParameters[$name] }
}
$active = Get-SeeMeModelVersion -Model $model -Id $model.ActiveVersionId
if ($active.CanInference) {
    $gates.Baseline = $active
    $gates.MaximumRegression = $MaximumRegression
}

$folder = Get-FullPath $ReportFolder
$reports = 'junit.xml', 'summary.md', 'report.html', 'evaluation.json' | ForEach-Object { [System.IO.Path]::Combine($folder, $_) }
try {
    $datasetVersion | Test-SeeMeModel -Model $model -Version $version -Split $Split @gates -ReportPath $reports -UpdateModelVersion
}
finally {
    # The summary of a failed evaluation matters most: appended before the failure ends the script.
    if ($SummaryPath -and [System.IO.File]::Exists($reports[1])) {
        [System.IO.File]::AppendAllText((Get-FullPath $SummaryPath), [System.IO.File]::ReadAllText($reports[1]))
    }
}
Set-SeeMeModel -Model $model -ActiveVersion $version -PassThru

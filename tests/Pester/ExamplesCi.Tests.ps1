#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# examples/ci/*.ps1 as a CI job runs them (SEEME_* variables set), against a local server with the sample content.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-StagedSeeMe
    $script:server = Start-SeeMeLocalServer -SampleData
    $script:examples = Join-Path $PSScriptRoot '../../examples/ci'
    $script:work = Join-Path ([System.IO.Path]::GetTempPath()) (New-UniqueName 'seeme-ci-')
    New-Item -ItemType Directory -Path $script:work | Out-Null
    Set-SeeMeEnvironment $script:server
}

AfterAll {
    Clear-SeeMeEnvironment
    Stop-TestSeeMeServer $script:server
    Remove-Item -LiteralPath $script:work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Invoke-SeeMeClassification.ps1' {
    It 'writes a CSV that Import-Csv reads, one right prediction per image, and appends the job summary' {
        $env:GITHUB_STEP_SUMMARY = Join-Path $script:work 'summary.md'
        Set-Content -Path $env:GITHUB_STEP_SUMMARY -Value 'earlier step'
        $csv = Join-Path $script:work 'out/predictions.csv'

        $predictions = & (Join-Path $script:examples 'Invoke-SeeMeClassification.ps1') -ModelName 'Sample colours' -ImagesPath $script:server.SampleImagesPath -CsvPath $csv

        @($predictions).Count | Should -Be 18
        $rows = Import-Csv -Path $csv
        @($rows).Count | Should -Be 18
        foreach ($row in $rows) { $row.File | Should -BeLike "$($row.Label)-*" }
        $summary = Get-Content -Path $env:GITHUB_STEP_SUMMARY -Raw
        $summary | Should -Match '^earlier step'
        $summary | Should -Match ([regex]::Escape('| green | 6 |'))
    }
}

Describe 'Export-SeeMeDatasetArtifact.ps1' {
    It 'exports the latest version to a folder and a zip, twice without asking' {
        $destination = Join-Path $script:work 'dataset'
        foreach ($run in 1, 2) {
            $out = & (Join-Path $script:examples 'Export-SeeMeDatasetArtifact.ps1') -DatasetName 'Sample colours' -Destination $destination
            @($out | Where-Object { $_ -is [System.IO.FileInfo] }).Count | Should -Be 1
        }
        Test-Path -LiteralPath (Join-Path $destination 'train/red/red-1.png') | Should -BeTrue
        Test-Path -LiteralPath "$destination.zip" | Should -BeTrue
    }
}

Describe 'Publish-SeeMeModelVersion.ps1' {
    It 'evaluates the uploaded file on the test split and makes it the active version' {
        $source = Get-SeeMeModel -Name 'Sample colours'
        $onnx = Save-SeeMeModel -Model $source -AssetType Onnx -Destination (Join-Path $script:work 'model')
        $labels = Join-Path $script:work 'model/labels.txt'
        Set-Content -Path $labels -Value 'red', 'green', 'blue'
        $name = New-UniqueName 'ci-model'
        $app = Get-SeeMeApplication -Framework onnx -ApplicationType image_classification
        $first = New-SeeMeModel -Name $name -ApplicationId $app.Id

        $reports = Join-Path $script:work 'evaluation'

        $output = & (Join-Path $script:examples 'Publish-SeeMeModelVersion.ps1') -ModelName $name -VersionName 'build 7' -Path $onnx.FullName, $labels `
            -DatasetName 'Sample colours' -MinimumAccuracy 0.9 -ReportFolder $reports

        $evaluation, $model = $output
        $evaluation.Accuracy | Should -Be 1
        Test-Path -LiteralPath (Join-Path $reports 'junit.xml') | Should -BeTrue
        $model.ActiveVersionId | Should -Not -Be $first.ActiveVersionId
        (Get-SeeMeModelVersion -Model $model | Where-Object Id -EQ $model.ActiveVersionId).Name | Should -Be 'build 7'
        (Invoke-SeeMePrediction -Model $model -Path (Join-Path $script:server.SampleImagesPath 'blue-2.png')).Label | Should -Be 'blue'
    }
}

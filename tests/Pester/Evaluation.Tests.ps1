#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:server = Start-TestSeeMeServer
}

AfterAll {
    Stop-TestSeeMeServer $script:server
}

Describe 'Test-SeeMeModel' {
    BeforeAll {
        # The colour classifier (written by the xunit builder, PesterModelFilesTests keeps it identical) and a dataset
        # whose test split holds a red, a green and a blue picture labelled by their colour, and a red one labelled green.
        $script:models = Join-Path $PSScriptRoot 'TestModels'
        $app = Get-SeeMeApplication -Framework onnx -ApplicationType image_classification
        $script:model = New-SeeMeModel -Name (New-UniqueName 'Evaluate') -ApplicationId $app.Id
        Publish-SeeMeModel -Model $script:model -LiteralPath (Join-Path $script:models 'colours.onnx'), (Join-Path $script:models 'colours.txt') | Out-Null
        $script:version = New-SeeMeDataset -Name (New-UniqueName 'Evaluate') -DefaultSplits | Get-SeeMeDatasetVersion -Latest
        'red', 'green', 'blue' | ForEach-Object { $script:version | New-SeeMeDatasetLabel -Name $_ | Out-Null }
        foreach ($item in @(('red', 'red'), ('green', 'green'), ('blue', 'blue'), ('red', 'green'))) {
            $script:version | New-SeeMeDatasetItem -LiteralPath (Join-Path $script:models "$($item[0]).png") -Split test -Label $item[1] | Out-Null
        }
    }

    It 'evaluates the active version on the test split, with every item on the result' {
        $result = $script:version | Test-SeeMeModel -Model $script:model
        $result.ItemsEvaluated | Should -Be 4
        $result.Accuracy | Should -Be 0.75
        @($result.Items | Where-Object { -not $_.Correct }).Count | Should -Be 1
        ($result.Labels | Where-Object Label -eq 'green').Recall | Should -Be 0.5
    }

    It 'stops before predicting when the labels differ, naming both sides' {
        { $script:version | Test-SeeMeModel -Model $script:model -LabelMap @{ red = 'crimson' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'EvaluationLabelMismatch*'
    }

    It 'writes the reports, then fails a gate with EvaluationBelowThreshold' {
        $junit = Join-Path $TestDrive 'junit.xml'
        { $script:version | Test-SeeMeModel -Model $script:model -MinimumAccuracy 0.9 -ReportPath $junit -ErrorAction Stop } |
            Should -Throw -ErrorId 'EvaluationBelowThreshold*'
        Get-Content -LiteralPath $junit -Raw | Should -Match '<failure'
    }

    It 'answers only $true or $false with -Quiet' {
        $script:version | Test-SeeMeModel -Model $script:model -MinimumAccuracy 0.7 -Quiet | Should -BeTrue
        $script:version | Test-SeeMeModel -Model $script:model -MinimumAccuracy 0.9 -Quiet | Should -BeFalse
    }
}

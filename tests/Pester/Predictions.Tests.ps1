#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:server = Start-TestSeeMeServer
}

AfterAll {
    Stop-TestSeeMeServer $script:server
}

Describe 'Invoke-SeeMePrediction' {
    BeforeAll {
        # A model without a file: the server refuses to predict, which is what these tests look at
        # (the per-item error handling); the xunit tests cover real ONNX predictions.
        $script:model = New-SeeMeModel -Name (New-UniqueName 'Predict')
        $script:photos = Join-Path $TestDrive 'photos'
        New-Item -ItemType Directory -Path $script:photos | Out-Null
        1..3 | ForEach-Object { Set-Content -LiteralPath (Join-Path $script:photos "photo$_.jpg") -Value 'not really a photo' }
    }

    It 'writes one non-terminating error per failing file and goes on' {
        $errors = $null
        $output = Get-ChildItem -LiteralPath $script:photos -File | Invoke-SeeMePrediction -Model $script:model -ErrorVariable errors -ErrorAction SilentlyContinue
        @($output).Count | Should -Be 0
        @($errors).Count | Should -Be 3
        $errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'Prediction*' }
    }

    It 'fails with PredictionFileNotFound for a missing file' {
        { Invoke-SeeMePrediction -Model $script:model -LiteralPath (Join-Path $TestDrive 'missing.jpg') -ErrorAction Stop } |
            Should -Throw -ErrorId 'PredictionFileNotFound*'
    }

    It 'sends piped strings as texts to a text model' {
        $errors = $null
        'good', 'bad' | Invoke-SeeMePrediction -Model $script:model -ApplicationType text_classification -ErrorVariable errors -ErrorAction SilentlyContinue
        @($errors).Count | Should -Be 2
        $errors[0].TargetObject | Should -Be 'good'
    }

    It 'lists the history of a model' {
        @(Get-SeeMePrediction -Model $script:model -First 10).Count | Should -BeLessOrEqual 10
    }
}

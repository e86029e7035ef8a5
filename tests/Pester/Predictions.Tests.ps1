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

Describe 'Real predictions from ONNX models' {
    BeforeAll {
        # Small real models, written by the xunit builder (PesterModelFilesTests keeps them identical).
        $script:models = Join-Path $PSScriptRoot 'TestModels'
        function Publish-TestModel([string] $Type, [string] $Onnx, [string] $Labels) {
            $app = Get-SeeMeApplication -Framework onnx -ApplicationType $Type
            $model = New-SeeMeModel -Name (New-UniqueName $Type) -ApplicationId $app.Id
            Publish-SeeMeModel -Model $model -LiteralPath (Join-Path $script:models $Onnx), (Join-Path $script:models $Labels) | Out-Null
            $model
        }
        # softmax of logit 4 against two logits 0: the confidence of a pure colour
        $script:pureColour = [math]::Exp(4) / ([math]::Exp(4) + 2)
    }

    It 'classifies piped image files' {
        $model = Publish-TestModel image_classification colours.onnx colours.txt
        $files = Get-Item -LiteralPath (Join-Path $script:models 'red.png'), (Join-Path $script:models 'blue.png')
        $predictions = @($files | Invoke-SeeMePrediction -Model $model)
        ($predictions.Label -join ',') | Should -Be 'red,blue'
        [math]::Abs($predictions[0].Confidence - $script:pureColour) | Should -BeLessThan 1e-4
    }

    It 'classifies piped texts' {
        $model = Publish-TestModel text_classification sentiment.onnx sentiment.txt
        $predictions = @('lovely', 'awful', 'meh' | Invoke-SeeMePrediction -Model $model)
        ($predictions.Label -join ',') | Should -Be 'positive,negative,neutral'
    }

    It 'classifies hashtables as structured rows' {
        $model = Publish-TestModel structured yesno.onnx yesno.txt
        Get-SeeMeModelVersion -Model $model | Set-SeeMeModelVersion -Config '{"column_names":"a,b,c"}'
        $prediction = @{ a = 1; b = 2; c = 3 } | Invoke-SeeMePrediction -Model $model
        $prediction.Label | Should -Be 'yes'
        # logits no = -0.9, yes = 3.1
        [math]::Abs($prediction.Confidence - 1 / (1 + [math]::Exp(-4))) | Should -BeLessThan 1e-4
    }

    It 'keeps input order with 8 requests in flight, each prediction naming its file, as the sequential run does' {
        $model = Publish-TestModel image_classification colours.onnx colours.txt
        $colours = 'red', 'green', 'blue'
        $files = 0..23 | ForEach-Object {
            $colour = $colours[($_ * 7) % 3]
            $copy = Join-Path $TestDrive ('{0:00}-{1}.png' -f $_, $colour)
            Copy-Item -LiteralPath (Join-Path $script:models "$colour.png") -Destination $copy
            Get-Item -LiteralPath $copy
        }

        $parallel = @($files | Invoke-SeeMePrediction -Model $model -ThrottleLimit 8)
        $sequential = @($files | Invoke-SeeMePrediction -Model $model -ThrottleLimit 1)

        ($parallel.Input -join '|') | Should -Be ($files.FullName -join '|')
        ($parallel.Label -join ',') | Should -Be (($files | ForEach-Object { $_.BaseName.Split('-')[1] }) -join ',')
        ($parallel | ForEach-Object { "$($_.Input) $($_.Label) $($_.Confidence)" }) -join '|' |
            Should -Be (($sequential | ForEach-Object { "$($_.Input) $($_.Label) $($_.Confidence)" }) -join '|')
    }

    It 'writes one error for the one bad file among many and the others in order' {
        $model = Publish-TestModel image_classification colours.onnx colours.txt
        $files = 0..9 | ForEach-Object {
            $copy = Join-Path $TestDrive "mixed$_.png"
            if ($_ -eq 4) { Set-Content -LiteralPath $copy -Value 'not an image' }
            else { Copy-Item -LiteralPath (Join-Path $script:models 'green.png') -Destination $copy }
            Get-Item -LiteralPath $copy
        }
        $errors = $null
        $predictions = @($files | Invoke-SeeMePrediction -Model $model -ThrottleLimit 4 -ErrorVariable errors -ErrorAction SilentlyContinue)
        @($errors).Count | Should -Be 1
        $errors[0].TargetObject | Should -Be $files[4].FullName
        ($predictions.Input -join '|') | Should -Be ((@($files[0..3]) + @($files[5..9])).FullName -join '|')
    }

    It 'predicts with a given version and reports a prediction wrong' {
        $model = Publish-TestModel image_classification colours.onnx colours.txt
        $v2 = New-SeeMeModelVersion -Model $model -Name v2
        Publish-SeeMeModel -Model $model -Version $v2 -LiteralPath (Join-Path $script:models 'colours-rotated.onnx'), (Join-Path $script:models 'colours.txt') | Out-Null
        $red = Get-Item -LiteralPath (Join-Path $script:models 'red.png')

        ($red | Invoke-SeeMePrediction -Model $model).Label | Should -Be 'red'
        $wrong = $red | Invoke-SeeMePrediction -Model $model -Version $v2
        $wrong.Label | Should -Be 'green'
        $reported = $wrong | Set-SeeMePrediction -ErrorReported -ErrorMessage 'v2 says green for red' -PassThru
        $reported.ErrorReported | Should -BeTrue
        $reported.Error | Should -Be 'v2 says green for red'
    }
}

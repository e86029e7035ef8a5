#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:server = Start-TestSeeMeServer
}

AfterAll {
    Stop-TestSeeMeServer $script:server
}

Describe 'Models' {
    It 'creates, changes and deletes a model' {
        $model = New-SeeMeModel -Name (New-UniqueName 'Crud') -Description 'first'
        $model.AutoConvert | Should -BeTrue
        $changed = Set-SeeMeModel -Model $model -Description 'second' -Public -PassThru
        $changed.Description | Should -Be 'second'
        $changed.Public | Should -BeTrue
        Remove-SeeMeModel -Model $model -Confirm:$false
        { Get-SeeMeModel -Id $model.Id -ErrorAction Stop } | Should -Throw -ErrorId 'ModelNotFound*'
    }

    It 'filters public models with Where-Object' {
        $name = New-UniqueName 'Pub'
        New-SeeMeModel -Name $name -Public | Out-Null
        $public = Get-SeeMeModel | Where-Object Public
        $public.Name | Should -Contain $name
        $public | ForEach-Object { $_.Public | Should -BeTrue }
    }

    It 'removes every model matching a wildcard' {
        $prefix = New-UniqueName 'Old'
        New-SeeMeModel -Name "$prefix-a" | Out-Null
        New-SeeMeModel -Name "$prefix-b" | Out-Null
        Get-SeeMeModel -Name "$prefix*" | Remove-SeeMeModel -Confirm:$false
        @(Get-SeeMeModel -Name "$prefix*").Count | Should -Be 0
    }

    It 'changes nothing with -WhatIf' {
        $model = New-SeeMeModel -Name (New-UniqueName 'WhatIf') -Description 'before'
        Set-SeeMeModel -Model $model -Description 'after' -WhatIf
        Remove-SeeMeModel -Model $model -WhatIf
        (Get-SeeMeModel -Id $model.Id).Description | Should -Be 'before'
    }

    It 'pipes models by wildcard into their versions' {
        $prefix = New-UniqueName 'Cats'
        New-SeeMeModel -Name "$prefix one" | Out-Null
        New-SeeMeModel -Name "$prefix two" | Out-Null
        @(Get-SeeMeModel -Name "$prefix*" | Get-SeeMeModelVersion).Count | Should -Be 2
    }

    It 'manages versions' {
        $model = New-SeeMeModel -Name (New-UniqueName 'Versions')
        $v2 = $model | New-SeeMeModelVersion -Name 'v2'
        $v2.ModelId | Should -Be $model.Id
        (Set-SeeMeModel -Model $model -ActiveVersion $v2 -PassThru).ActiveVersionId | Should -Be $v2.Id
        $v2 | Set-SeeMeModelVersion -Description 'best' -PassThru | ForEach-Object Description | Should -Be 'best'
        Get-SeeMeModelVersion -Model $model -Id $model.ActiveVersionId | Remove-SeeMeModelVersion -Confirm:$false
        @(Get-SeeMeModelVersion -Model $model).Count | Should -Be 1
    }

    It 'uploads a file with progress and downloads it again' {
        $model = New-SeeMeModel -Name (New-UniqueName 'Files')
        $file = Join-Path $TestDrive 'labels.txt'
        Set-Content -LiteralPath $file -Value "red`ngreen`nblue"
        $version = Get-Item -LiteralPath $file | Publish-SeeMeModel -Model $model
        $version.HasLabelsFile | Should -BeTrue
        $out = Join-Path $TestDrive 'out'
        Save-SeeMeModel -Model $model -AssetType Labels -Destination $out -WhatIf | Should -BeNullOrEmpty
        Test-Path -LiteralPath $out | Should -BeFalse
        $saved = Save-SeeMeModel -Model $model -AssetType Labels -Destination $out
        $saved.Name | Should -Be "$($model.Name)-v$($version.VersionNumber).txt"
        Get-Content -LiteralPath $saved.FullName | Should -Be @('red', 'green', 'blue')
        # Replacing a file asks (ShouldContinue) unless -Force; a test must never wait for an answer.
        Set-Content -LiteralPath $saved.FullName -Value 'stale'
        $again = Save-SeeMeModel -Model $model -AssetType Labels -Destination $out -Force
        $again.FullName | Should -Be $saved.FullName
        Get-Content -LiteralPath $again.FullName | Should -Be @('red', 'green', 'blue')
    }

    It 'fails with ModelFileNotFound before uploading a missing file' {
        $model = New-SeeMeModel -Name (New-UniqueName 'Missing')
        { Publish-SeeMeModel -Model $model -LiteralPath (Join-Path $TestDrive 'nope.onnx') -ErrorAction Stop } |
            Should -Throw -ErrorId 'ModelFileNotFound*'
    }
}

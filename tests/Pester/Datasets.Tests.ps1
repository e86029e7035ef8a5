#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The dataset cmdlets as a user writes them, against a local SeeMe server.
# Run with ./build.ps1 -Test (it stages the module in out/SeeMe/<version>/ first).

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:server = Start-TestSeeMeServer

    # A tiny valid PNG (1x1), written as many times as needed.
    $script:png = [Convert]::FromBase64String('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==')
    function New-TestImage([string] $Folder, [string] $Name) {
        $path = Join-Path $Folder $Name
        [IO.File]::WriteAllBytes($path, $script:png)
        Get-Item -LiteralPath $path
    }

    # A dataset "Birds-…" with default splits, labels robin and sparrow, and $Count robin images in train.
    function New-BirdsDataset([int] $Count = 3) {
        $dataset = New-SeeMeDataset -Name (New-UniqueName 'Birds') -ContentType images -DefaultSplits
        $version = $dataset | Get-SeeMeDatasetVersion -Latest
        $null = $version | New-SeeMeDatasetLabel -Name robin, sparrow
        $images = New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName 'img'))
        1..$Count | ForEach-Object { New-TestImage $images.FullName "bird$_.png" } |
            New-SeeMeDatasetItem -DatasetVersion $version -Split train -Label robin | Out-Null
        $dataset
    }
}

AfterAll {
    Stop-TestSeeMeServer $script:server
}

Describe 'Datasets' {
    It 'creates a dataset whose first version has train, valid and test' {
        $dataset = New-SeeMeDataset -Name (New-UniqueName 'new') -DefaultSplits
        $splits = $dataset | Get-SeeMeDatasetVersion | Get-SeeMeDatasetSplit
        ($splits.Name | Sort-Object) -join ',' | Should -Be 'test,train,valid'
    }

    It 'finds datasets by wildcard and changes them' {
        $dataset = New-SeeMeDataset -Name (New-UniqueName 'find')
        (Get-SeeMeDataset -Name "$($dataset.Name.Substring(0, 6))*").Id | Should -Contain $dataset.Id
        ($dataset | Set-SeeMeDataset -Description 'changed' -PassThru).Description | Should -Be 'changed'
    }

    It 'changes nothing with -WhatIf' {
        $dataset = New-SeeMeDataset -Name (New-UniqueName 'whatif')
        $dataset | Remove-SeeMeDataset -WhatIf
        $dataset | Set-SeeMeDataset -Name 'renamed' -WhatIf
        (Get-SeeMeDataset -Id $dataset.Id).Name | Should -Be $dataset.Name
    }

    It 'writes DatasetNotFound for a missing id and goes on' {
        $dataset = New-SeeMeDataset -Name (New-UniqueName 'missing')
        $found = [guid]::NewGuid().ToString(), $dataset.Id |
            ForEach-Object { [pscustomobject]@{ Id = $_ } } |
            Get-SeeMeDataset -ErrorVariable problems -ErrorAction SilentlyContinue
        $found.Id | Should -Be $dataset.Id
        $problems[0].FullyQualifiedErrorId | Should -Be 'DatasetNotFound,SeeMe.PowerShell.Commands.Datasets.GetSeeMeDatasetCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'removes a dataset with -Confirm:$false' {
        $dataset = New-SeeMeDataset -Name (New-UniqueName 'gone')
        $dataset | Remove-SeeMeDataset -Confirm:$false
        Get-SeeMeDataset -Id $dataset.Id -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Labels and splits' {
    It 'adds a label to a new dataset through the pipeline' {
        $label = New-SeeMeDataset -Name (New-UniqueName 'pets') | Get-SeeMeDatasetVersion | New-SeeMeDatasetLabel -Name cat
        $label.Name | Should -Be 'cat'
        $label | Set-SeeMeDatasetLabel -Color '#ff0000' -PassThru | ForEach-Object Color | Should -Be '#ff0000'
    }

    It 'keeps the short and alpha colour forms as written and refuses what is no colour' {
        $version = New-SeeMeDataset -Name (New-UniqueName 'colours') | Get-SeeMeDatasetVersion
        ($version | New-SeeMeDatasetLabel -Name white -Color '#fff').Color | Should -Be '#fff'
        ($version | New-SeeMeDatasetLabel -Name glass -Color '#D2691E80').Color | Should -Be '#D2691E80'
        { $version | New-SeeMeDatasetLabel -Name bad -Color '#ff' } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }

    It 'counts items per label' {
        $version = New-BirdsDataset -Count 2 | Get-SeeMeDatasetVersion -Latest
        $robin = $version | Get-SeeMeDatasetLabel -Name robin
        $stat = $version | Get-SeeMeDatasetLabelStatistic -Split train | Where-Object LabelId -eq $robin.Id
        $stat.ItemCount | Should -Be 2
    }
}

Describe 'What a command needs' {
    It 'shows the version object or both ids as required in Get-Command -Syntax' {
        $syntax = (Get-Command Get-SeeMeDatasetItem -Syntax) -split "`n" | Where-Object { $_.Trim() }
        $syntax | Should -HaveCount 4
        $syntax | Where-Object { $_ -match '^Get-SeeMeDatasetItem -DatasetVersion <DatasetVersion> ' } | Should -HaveCount 2
        $syntax | Where-Object { $_ -match '^Get-SeeMeDatasetItem -DatasetId <string> -DatasetVersionId <string> ' } | Should -HaveCount 2
        (Get-Help Set-SeeMeDatasetLabel -Parameter DatasetVersionId).required | Should -Be 'true'
    }

    It 'refuses a call without the version before it runs' {
        { Get-SeeMeDatasetLabel -DatasetId x -ErrorAction Stop } | Should -Throw -ErrorId 'MissingMandatoryParameter,SeeMe.PowerShell.Commands.DatasetLabels.GetSeeMeDatasetLabelCommand'
        { Set-SeeMeDatasetLabel -Id x -Name y -ErrorAction Stop } | Should -Throw -ErrorId 'MissingMandatoryParameter,SeeMe.PowerShell.Commands.DatasetLabels.SetSeeMeDatasetLabelCommand'
    }

    It 'binds files from Get-ChildItem with the version given by its ids' {
        $version = New-BirdsDataset -Count 1 | Get-SeeMeDatasetVersion -Latest
        $images = New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName 'img'))
        $null = New-TestImage $images.FullName 'extra.png'
        $item = Get-ChildItem $images.FullName -Filter *.png | New-SeeMeDatasetItem -DatasetId $version.DatasetId -DatasetVersionId $version.Id -Split train
        $item.Name | Should -Be 'extra'
        Get-SeeMeDatasetSplit -DatasetVersion $version -Name train | Get-SeeMeDatasetItem | Should -HaveCount 2
    }
}

Describe 'Items and annotations' {
    It 'saves the images of the first items of Birds' {
        $dataset = New-BirdsDataset -Count 3
        $destination = Join-Path $TestDrive 'sample'
        $files = Get-SeeMeDataset -Name $dataset.Name | Get-SeeMeDatasetVersion | Get-SeeMeDatasetItem -First 100 |
            Save-SeeMeDatasetItemImage -Destination $destination
        @($files).Count | Should -Be 3
        @(Get-ChildItem -LiteralPath $destination).Count | Should -Be 3
    }

    It 'pages with -First and -Skip' {
        $version = New-BirdsDataset -Count 5 | Get-SeeMeDatasetVersion -Latest
        @($version | Get-SeeMeDatasetItem -First 2).Count | Should -Be 2
        @($version | Get-SeeMeDatasetItem -Skip 4).Count | Should -Be 1
    }

    It 'removes nothing with -WhatIf' {
        $version = New-BirdsDataset -Count 3 | Get-SeeMeDatasetVersion -Latest
        $version | Get-SeeMeDatasetItem | Remove-SeeMeDatasetItem -WhatIf
        @($version | Get-SeeMeDatasetItem).Count | Should -Be 3
    }

    It 'creates, saves and removes many items with -ThrottleLimit, in input order' {
        $version = New-SeeMeDataset -Name (New-UniqueName 'Many') -ContentType images -DefaultSplits | Get-SeeMeDatasetVersion -Latest
        $null = $version | New-SeeMeDatasetLabel -Name robin
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName 'many'))
        $images = 1..12 | ForEach-Object { New-TestImage $folder.FullName ('bird{0:00}.png' -f $_) }

        $created = @($images | New-SeeMeDatasetItem -DatasetVersion $version -Split train -Label robin -ThrottleLimit 4)
        ($created.Name -join ',') | Should -Be (($images.BaseName) -join ',')

        $saved = @($created | Save-SeeMeDatasetItemImage -Destination (Join-Path $TestDrive (New-UniqueName 'saved')) -ThrottleLimit 4)
        ($saved.Name -join ',') | Should -Be (($images.Name) -join ',')

        $removed = @($created | Remove-SeeMeDatasetItem -ThrottleLimit 4 -Confirm:$false -PassThru)
        ($removed.Id -join ',') | Should -Be (($created.Id) -join ',')
        @($version | Get-SeeMeDatasetItem).Count | Should -Be 0
    }

    It 'creates nothing with -WhatIf, whatever the -ThrottleLimit' {
        $version = New-SeeMeDataset -Name (New-UniqueName 'WhatIf') -ContentType images | Get-SeeMeDatasetVersion -Latest
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName 'whatif'))
        1..6 | ForEach-Object { New-TestImage $folder.FullName "w$_.png" } | New-SeeMeDatasetItem -DatasetVersion $version -ThrottleLimit 4 -WhatIf
        @($version | Get-SeeMeDatasetItem).Count | Should -Be 0
    }

    It 'adds, moves and removes a box' {
        $version = New-BirdsDataset -Count 1 | Get-SeeMeDatasetVersion -Latest
        $item = $version | Get-SeeMeDatasetItem -First 1
        $box = $item | Add-SeeMeAnnotation -Label sparrow -Coordinates '0.5 0.5 0.2 0.2'
        $box.Coordinates | Should -Be '0.5 0.5 0.2 0.2'
        ($box | Set-SeeMeAnnotation -Coordinates '0.4 0.4 0.1 0.1' -PassThru).Coordinates | Should -Be '0.4 0.4 0.1 0.1'
        $box | Remove-SeeMeAnnotation -Confirm:$false
        @($version | Get-SeeMeDatasetItem -Id $item.Id | Get-SeeMeAnnotation).Count | Should -Be 1
    }
}

Describe 'Export and import' {
    It 'creates the folder and warns when the export holds no files' {
        $version = New-SeeMeDataset -Name (New-UniqueName 'nosplit') | Get-SeeMeDatasetVersion
        $data = Join-Path $TestDrive 'empty'
        $folder = $version | Export-SeeMeDatasetVersion -Destination $data -Format Folders -WarningVariable warned -WarningAction SilentlyContinue
        $folder.Exists | Should -BeTrue
        "$warned" | Should -BeLike '*empty*'
    }

    It 'exports the latest version and imports the folder into a new version with the same items' {
        $dataset = New-BirdsDataset -Count 3
        $data = Join-Path $TestDrive 'data'
        $folder = Get-SeeMeDataset -Name $dataset.Name | Get-SeeMeDatasetVersion -Latest | Export-SeeMeDatasetVersion -Destination $data
        $folder.FullName | Should -Be (Get-Item -LiteralPath $data).FullName
        Test-Path -LiteralPath (Join-Path (Join-Path (Join-Path $data 'train') 'robin') 'bird1.png') | Should -BeTrue
        Test-Path -LiteralPath "$data.zip" | Should -BeFalse

        $copy = $dataset | New-SeeMeDatasetVersion -Name copy | Import-SeeMeDatasetVersion -Path $data
        $names = { param($v) ($v | Get-SeeMeDatasetItem | ForEach-Object Name | Sort-Object) -join ',' }
        & $names $copy | Should -Be (& $names ($dataset | Get-SeeMeDatasetVersion | Where-Object Id -ne $copy.Id))
    }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-StagedSeeMe
    $cmdletNames = @((Get-Module SeeMe).ExportedCmdlets.Keys)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-StagedSeeMe
    $script:server = Start-SeeMeLocalServer
}

AfterAll {
    Stop-TestSeeMeServer $script:server
}

Describe 'Connect-SeeMe' {
    It 'connects to a local server piped from Start-SeeMeLocalServer' {
        $session = $script:server | Connect-SeeMe
        $session.Username | Should -Be $script:server.Username
        $session.BaseUri | Should -Be $script:server.BaseUri
    }

    It 'never shows the API key, even with -Verbose' {
        $key = [System.Net.NetworkCredential]::new('', $script:server.ApiKey).Password
        $text = $script:server | Connect-SeeMe -Verbose 4>&1 | Out-String
        $text | Should -Not -Match ([regex]::Escape($key))
        ($script:server | Format-List * | Out-String) | Should -Not -Match ([regex]::Escape($key))
    }

    It 'fails with SessionAuthenticationFailed for a wrong key' {
        $wrong = ConvertTo-SecureString 'not-the-key' -AsPlainText -Force
        { Connect-SeeMe -BaseUri $script:server.BaseUri -Username $script:server.Username -ApiKey $wrong -ErrorAction Stop } |
            Should -Throw -ErrorId 'SessionAuthenticationFailed*'
    }

    It 'makes commands without a session stop with SessionNotFound' {
        $script:server | Connect-SeeMe | Out-Null
        Disconnect-SeeMe
        { Get-SeeMeModel -ErrorAction Stop } | Should -Throw -ErrorId 'SessionNotFound*'
    }
}

Describe 'Start-SeeMeLocalServer and Stop-SeeMeLocalServer' {
    It 'starts nothing with -WhatIf' {
        Start-SeeMeLocalServer -WhatIf | Should -BeNullOrEmpty
    }

    It 'starts one with the sample content: a dataset, a model that predicts the sample images' {
        $sample = Start-SeeMeLocalServer -SampleData
        try {
            $sample | Connect-SeeMe | Out-Null
            $images = Get-ChildItem -Path $sample.SampleImagesPath -Filter *.png
            @($images).Count | Should -Be 18
            $predictions = $images | Invoke-SeeMePrediction -Model (Get-SeeMeModel -Name 'Sample colours')
            foreach ($p in $predictions) { $p.Name | Should -BeLike "$($p.Label)-*" }
            @(Get-SeeMeDataset -Name 'Sample colours' | Get-SeeMeDatasetVersion -Latest | Get-SeeMeDatasetItem).Count | Should -Be 18
        }
        finally {
            $sample | Stop-SeeMeLocalServer
            $script:server | Connect-SeeMe | Out-Null
        }
    }

    It 'names $env:SEEME_LOCAL_SERVER when it does not point at a server' {
        $env:SEEME_LOCAL_SERVER = Join-Path ([System.IO.Path]::GetTempPath()) (New-UniqueName 'nowhere')
        try {
            { Start-SeeMeLocalServer -ErrorAction Stop } | Should -Throw -ExpectedMessage '*$env:SEEME_LOCAL_SERVER*'
        }
        finally { Remove-Item -Path Env:SEEME_LOCAL_SERVER }
    }

    It 'says at once that a server which exited is gone, silently with -ErrorAction SilentlyContinue, and Stop removes the data folder it created' {
        $other = Start-SeeMeLocalServer
        try {
            $other | Connect-SeeMe -RetryIntervalSec 30 | Out-Null
            $other.DataIsTemporary | Should -BeTrue
            Stop-Process -Id $other.ProcessId     # killed: it cannot remove its data folder itself
            Wait-Process -Id $other.ProcessId
            $watch = [Diagnostics.Stopwatch]::StartNew()
            Get-SeeMeModel -ErrorAction SilentlyContinue -ErrorVariable gone | Should -BeNullOrEmpty
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 20      # retrying the refused connection waits 30 s
            $gone[0].FullyQualifiedErrorId | Should -BeLike 'LocalServerStopped,*'
            $gone[0].ErrorDetails.RecommendedAction | Should -BeLike '*Start-SeeMeLocalServer | Connect-SeeMe*'
            $other | Stop-SeeMeLocalServer
            Test-Path -LiteralPath $other.DataPath | Should -BeFalse
        }
        finally { $script:server | Connect-SeeMe | Out-Null }
    }

    It 'stops a server it started, which then refuses connections' {
        $other = Start-SeeMeLocalServer
        $other.IsRunning | Should -BeTrue
        $other | Stop-SeeMeLocalServer
        $other.IsRunning | Should -BeFalse
        { $other | Connect-SeeMe -ErrorAction Stop } | Should -Throw -ErrorId 'SessionConnectionFailed*'
    }
}

Describe 'Register-SeeMeUser' {
    It 'registers a user that can then log in' {
        $name = New-UniqueName 'user'
        $password = ConvertTo-SecureString 'correct horse battery' -AsPlainText -Force
        $user = Register-SeeMeUser -Username $name -Email "$name@example.test" -Password $password -BaseUri $script:server.BaseUri
        $user.Username | Should -Be $name
        $session = Connect-SeeMe -Credential ([pscredential]::new($name, $password)) -BaseUri $script:server.BaseUri
        $session.Username | Should -Be $name
    }
}

Describe 'Help' {
    It 'has a synopsis and an example for <_>' -ForEach $cmdletNames {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
    }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# Faults as a user meets them: a service that answers 503/429, resets connections or hangs. The fault
# proxy is the xunit one (tests/SeeMe.FaultProxy): real sockets in front of the local server, misbehaving
# on purpose. Its netstandard2.0 assembly loads in PowerShell 7 and in Windows PowerShell 5.1; it is built
# with the solution (build.ps1 -Test), or here with dotnet when it has not been built yet.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:server = Start-TestSeeMeServer
    $script:direct = Connect-SeeMe -BaseUri $script:server.BaseUri -Username $script:server.Username -ApiKey $script:server.ApiKey
    if (-not ('SeeMe.Tests.Infrastructure.FaultProxy' -as [type])) {
        $project = Join-Path $PSScriptRoot '../SeeMe.FaultProxy'
        $built = { Get-ChildItem -Path (Join-Path $project 'bin/*/netstandard2.0/SeeMe.FaultProxy.dll') -ErrorAction Ignore |
            Sort-Object LastWriteTime -Descending | Select-Object -First 1 }
        if (-not (& $built)) {
            dotnet build $project --nologo --verbosity quiet | Out-Host
            if ($LASTEXITCODE -ne 0) { throw "Building the fault proxy ($project) failed; run: dotnet build $project" }
        }
        Add-Type -LiteralPath (& $built).FullName
    }
    $script:FaultProxy = [SeeMe.Tests.Infrastructure.FaultProxy]
    $script:proxies = [System.Collections.Generic.List[object]]::new()

    # A proxy in front of the test server; $Decide is a FaultProxy rule (C#: it runs on socket threads).
    function New-FaultProxy($Decide) {
        $proxy = $script:FaultProxy::new($script:server.BaseUri, $Decide, 0)
        $script:proxies.Add($proxy)
        $proxy
    }

    # A session through $Proxy; retry waits kept short (Retry-After is capped at 50 ms).
    function Connect-Through($Proxy, [hashtable] $Settings = @{}) {
        $fast = @{ RetryIntervalSec = 0.01; MaximumRetryDelaySec = 0.05 }
        foreach ($key in $Settings.Keys) { $fast[$key] = $Settings[$key] }
        Connect-SeeMe -BaseUri $Proxy.BaseUri -Username $script:server.Username -ApiKey $script:server.ApiKey @fast
    }

    $script:apiKey = [System.Net.NetworkCredential]::new('', $script:server.ApiKey).Password
}

AfterAll {
    foreach ($proxy in $script:proxies) { $proxy.Dispose() }
    Stop-TestSeeMeServer $script:server
}

Describe 'Retries through a failing service' {
    It 'delivers 100 piped predictions through a proxy failing every 7th, 13th and 11th photo, each once' {
        $models = Join-Path $PSScriptRoot 'TestModels'
        $app = Get-SeeMeApplication -Framework onnx -ApplicationType image_classification -Session $script:direct
        $model = New-SeeMeModel -Name (New-UniqueName 'Hundred') -ApplicationId $app.Id -Session $script:direct
        Publish-SeeMeModel -Model $model -LiteralPath (Join-Path $models 'colours.onnx'), (Join-Path $models 'colours.txt') -Session $script:direct | Out-Null
        $photos = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'photos')
        # Faults keyed by the photo, not by arrival order (eight are in flight at once): 77 and 91 meet two, which
        # two retries just cover.
        $schedule = [System.Collections.Generic.Dictionary[string, SeeMe.Tests.Infrastructure.Fault[]]]::new()
        foreach ($n in 1..100) {
            $name = 'photo{0:000}.png' -f $n
            Copy-Item -LiteralPath (Join-Path $models 'red.png') -Destination (Join-Path $photos $name)
            $schedule[$name] = $FaultProxy::EverySeventhThirteenthAndEleventh($n)
        }
        $proxy = New-FaultProxy ($FaultProxy::PerUploadedFile($schedule))
        $session = Connect-Through $proxy @{ MaximumRetryCount = 2 }

        $errors = $null
        $output = @(Get-ChildItem -LiteralPath $photos -File | Invoke-SeeMePrediction -Model $model -Session $session -ThrottleLimit 8 -ErrorVariable errors -Verbose 4>&1)

        @($errors).Count | Should -Be 0
        @($output | Where-Object Label -eq 'red').Count | Should -Be 100
        $faults = @($schedule.Values | ForEach-Object { $_ }).Count
        $faults | Should -Be 30
        @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '*retrying in*' }).Count | Should -Be $faults
        @($proxy.Requests | Where-Object FileName).Count | Should -Be (100 + $faults) -Because 'each photo is sent once more than its faults'
        foreach ($name in $schedule.Keys) {
            $attempts = @($proxy.Requests | Where-Object FileName -eq $name | Sort-Object Attempt | ForEach-Object { "$($_.Fault)" })
            $attempts -join ',' | Should -Be ((@($schedule[$name]) + 'None') -join ',') -Because "$name meets its scheduled faults, then goes through"
        }
        $stored = @(Get-SeeMePrediction -Model $model -Session $script:direct | ForEach-Object Name | Sort-Object)
        $stored -join ',' | Should -Be (@($schedule.Keys | Sort-Object) -join ',')
    }

    It 'keeps the retry and timeout settings in the session' {
        $session = Connect-SeeMe -BaseUri $script:server.BaseUri -Username $script:server.Username -ApiKey $script:server.ApiKey -MaximumRetryCount 7 -RetryIntervalSec 2 -TimeoutSec 30
        $session.MaximumRetryCount | Should -Be 7
        $session.RetryIntervalSec | Should -Be 2
        $session.TimeoutSec | Should -Be 30
    }

    It 'says how many attempts were made when the last one fails' {
        $proxy = New-FaultProxy ($FaultProxy::Always('None'))
        $session = Connect-Through $proxy @{ MaximumRetryCount = 2 }
        $proxy.Decide = $FaultProxy::Always('ServiceUnavailable')

        $failure = { Get-SeeMeModel -Session $session -ErrorAction Stop } | Should -Throw -ErrorId 'ModelServerError*' -PassThru
        $failure.Exception.Message | Should -BeLike '*after 3 attempts*'
    }

    It 'never repeats a create whose answer was lost' {
        $proxy = New-FaultProxy ($FaultProxy::Always('None'))
        $session = Connect-Through $proxy
        $proxy.Decide = $FaultProxy::Always('ResetAfterProcessing')
        $name = New-UniqueName 'Lost'

        { New-SeeMeModel -Name $name -Session $session -ErrorAction Stop } | Should -Throw -ErrorId 'ModelConnectionFailed*'
        @(Get-SeeMeModel -Session $script:direct | Where-Object Name -eq $name).Count | Should -Be 1
    }
}

Describe 'Timeouts and Ctrl+C' {
    It 'fails a call to a hung service within -TimeoutSec' {
        $proxy = New-FaultProxy ($FaultProxy::Always('None'))
        $session = Connect-Through $proxy @{ TimeoutSec = 1; MaximumRetryCount = 0 }
        $proxy.Decide = $FaultProxy::Always('Hang')

        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $failure = { Get-SeeMeModel -Session $session -ErrorAction Stop } | Should -Throw -ErrorId 'ModelConnectionFailed*' -PassThru
        $watch.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 0.98 -Because 'it waits the second asked for (less a coarse timer tick)'
        $failure.Exception.Message | Should -BeLike '*No bytes moved for 1 s*'
    }

    It 'stops at once when stopped during a back-off' {
        $proxy = New-FaultProxy ($FaultProxy::Always('None'))
        $session = Connect-Through $proxy @{ MaximumRetryDelaySec = 120 }
        $proxy.Decide = $FaultProxy::Always('ServiceUnavailable')
        $proxy.RetryAfter = '120'

        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript('param($manifest, $session) Import-Module $manifest; Get-SeeMeModel -Session $session -Verbose').
                AddArgument((Join-Path (Get-Module SeeMe).ModuleBase 'SeeMe.psd1')).AddArgument($session)
            $running = $ps.BeginInvoke()
            $deadline = [datetime]::UtcNow.AddSeconds(30)
            while ($ps.Streams.Verbose.Count -eq 0 -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 } # until the first retry
            $ps.Streams.Verbose.Count | Should -BeGreaterThan 0

            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 30 -Because 'the stop ends the 120 s back-off at once'
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $running.IsCompleted | Should -BeTrue
        }
        finally { $ps.Dispose() }
    }
}

Describe 'Nothing secret in any stream' {
    It 'shows retries in -Verbose and requests in -Debug, never the API key' {
        $proxy = New-FaultProxy ($FaultProxy::First('ServiceUnavailable'))
        $DebugPreference = 'Continue'
        $VerbosePreference = 'Continue'
        $all = & {
            $session = Connect-Through $proxy
            Get-SeeMeModel -Session $session -Verbose -Debug
        } *>&1 | Out-String -Width 500

        $all | Should -BeLike '*GET applications: 503 (ServiceUnavailable) on attempt 1 of 4; retrying in*'
        $all | Should -BeLike '*GET models -> 200 (OK) in*'
        $all | Should -Not -BeLike "*$($script:apiKey)*"
    }
}

<#
Silent install and uninstall of the RiskDesk Windows bundle for all users of a workstation: run as
administrator, e.g. from a GPO computer startup script, SCCM/PDQ, or by hand.

  install / upgrade:
    powershell -NoProfile -ExecutionPolicy Bypass -File deploy-riskdesk.ps1 -Zip \\server\share\riskdesk-0.1.0-windows-x64.zip
  uninstall:
    powershell -NoProfile -ExecutionPolicy Bypass -File deploy-riskdesk.ps1 -Uninstall

Installs the bundle (verified against the .sha256 file beside the zip) to %ProgramFiles%\RiskDesk,
replacing an older version (the same version already there: nothing to do, so a startup script may
run it at every boot), and puts 立审执风险防控 in the all-users Start menu. Users' databases and
backups in %LOCALAPPDATA%\RiskDesk are never touched, by install, upgrade or uninstall.
This file is saved as UTF-8 with a BOM so that Windows PowerShell 5.1 reads the Chinese name right.

NOT TESTED: RiskDesk's CI and developers run Linux. See README, 部署 / Deployment.
#>
param(
    [string]$Zip,
    [switch]$Uninstall,
    [string]$Target = (Join-Path $env:ProgramFiles 'RiskDesk')
)
$ErrorActionPreference = 'Stop'
$shortcut = Join-Path $env:ProgramData 'Microsoft\Windows\Start Menu\Programs\立审执风险防控.lnk'

function Stop-IfRunning {
    $running = Get-Process -Name 'riskdesk', 'riskdesk-gui' -ErrorAction SilentlyContinue |
        Where-Object { $_.Path -and $_.Path.StartsWith($Target, [StringComparison]::OrdinalIgnoreCase) }
    if ($running) { throw "RiskDesk is running from $Target; it must be closed first (every answer is already saved)." }
}

if ($Uninstall) {
    Stop-IfRunning
    if (Test-Path $shortcut) { Remove-Item -Force $shortcut }
    if (Test-Path $Target) { Remove-Item -Recurse -Force $Target }
    Write-Host "RiskDesk removed from $Target; users' data in %LOCALAPPDATA%\RiskDesk is kept."
    exit 0
}

if (-not $Zip) { throw '-Zip <path of riskdesk-<version>-windows-x64.zip> is required (or -Uninstall)' }
$exe = Join-Path $Target 'riskdesk.exe'
if ((Split-Path -Leaf $Zip) -match '^riskdesk-(.+)-windows-x64\.zip$' -and (Test-Path $exe)) {
    $installed = (& $exe --version 2>$null | Out-String).Trim()
    if ($installed -eq "RiskDesk $($Matches[1])") { Write-Host "$installed is already installed in $Target"; exit 0 }
}
$sumFile = "$Zip.sha256"
if (-not (Test-Path $sumFile)) { throw "$sumFile is missing: the zip cannot be verified" }
$expected = ((Get-Content $sumFile -TotalCount 1) -split '\s+')[0].ToLower()
$actual = (Get-FileHash -Algorithm SHA256 $Zip).Hash.ToLower()
if ($expected -ne $actual) { throw "SHA-256 of $Zip does not match $sumFile" }

Stop-IfRunning
$staging = Join-Path $env:TEMP ('riskdesk-' + [guid]::NewGuid())
Copy-Item $Zip "$staging.zip"
Unblock-File "$staging.zip"  # no 'downloaded from the internet' mark on the installed files
Expand-Archive -Path "$staging.zip" -DestinationPath $staging
if (-not (Test-Path (Join-Path $staging 'riskdesk\riskdesk-gui.exe'))) { throw "$Zip is not a RiskDesk bundle" }
if (Test-Path $Target) { Remove-Item -Recurse -Force $Target }
Move-Item (Join-Path $staging 'riskdesk') $Target
Remove-Item -Recurse -Force $staging, "$staging.zip"

$shell = New-Object -ComObject WScript.Shell
$link = $shell.CreateShortcut($shortcut)
$link.TargetPath = Join-Path $Target 'riskdesk-gui.exe'
$link.WorkingDirectory = $Target
$link.IconLocation = (Join-Path $Target 'riskdesk-gui.exe') + ',0'
$link.Description = 'RiskDesk 立审执风险防控清单'
$link.Save()
& (Join-Path $Target 'riskdesk.exe') --version
Write-Host "RiskDesk installed in $Target; Start menu: 立审执风险防控"

# Build RiskDesk's offline one-folder bundle on Windows (issue #17), from the same spec as Linux
# (packaging/riskdesk.spec):
#   dist\riskdesk\                                riskdesk.exe (command line) and riskdesk-gui.exe (the window,
#                                                 no console), Python, Qt, the font, catalog and migrations
#   dist\riskdesk-<version>-windows-x64.zip       the same folder, zipped (unzips to riskdesk\)
#   dist\riskdesk-<version>-windows-x64.zip.sha256
#
# In PowerShell, from a checkout, with 64-bit CPython 3.11 or 3.12 from python.org:
#   py -3.11 -m venv .venv
#   .venv\Scripts\python.exe -m pip install -e '.[bundle]'
#   powershell -ExecutionPolicy Bypass -File scripts\build-bundle.ps1
# Optional code signing (recommended: unsigned PyInstaller executables are what antivirus tools flag):
#   $env:RISKDESK_SIGN_THUMBPRINT = '<certificate thumbprint in the CurrentUser\My store>'
#   $env:RISKDESK_SIGN_TIMESTAMP  = '<RFC 3161 timestamp URL of your CA>'   (optional)
# signtool.exe (Windows SDK) must then be on PATH.
#
# NOT TESTED by CI or by the developers: CI runs on Debian. See README, 部署 / Deployment.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
$py = if ($env:PY) { $env:PY } else { '.venv\Scripts\python.exe' }

& $py -c 'import PyInstaller'
if ($LASTEXITCODE -ne 0) { throw "PyInstaller is not installed for $py; run: $py -m pip install -e '.[bundle]'" }
$version = (& $py -c 'import riskdesk; print(riskdesk.__version__)').Trim()
$name = "riskdesk-$version-windows-x64"

foreach ($old in @('dist\riskdesk', 'build\pyinstaller', "dist\$name.zip", "dist\$name.zip.sha256")) {
    if (Test-Path $old) { Remove-Item -Recurse -Force $old }
}
$clock = [Diagnostics.Stopwatch]::StartNew()
& $py -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller packaging\riskdesk.spec
if ($LASTEXITCODE -ne 0) { throw 'PyInstaller failed' }

# The bundle must answer before it is packed.
& dist\riskdesk\riskdesk.exe --version
if ($LASTEXITCODE -ne 0) { throw 'the bundle does not start' }

if ($env:RISKDESK_SIGN_THUMBPRINT) {
    $sign = @('sign', '/fd', 'SHA256', '/sha1', $env:RISKDESK_SIGN_THUMBPRINT)
    if ($env:RISKDESK_SIGN_TIMESTAMP) { $sign += @('/tr', $env:RISKDESK_SIGN_TIMESTAMP, '/td', 'SHA256') }
    & signtool.exe @sign 'dist\riskdesk\riskdesk.exe' 'dist\riskdesk\riskdesk-gui.exe'
    if ($LASTEXITCODE -ne 0) { throw 'signtool failed' }
}

Compress-Archive -Path 'dist\riskdesk' -DestinationPath "dist\$name.zip" -CompressionLevel Optimal
$hash = (Get-FileHash -Algorithm SHA256 "dist\$name.zip").Hash.ToLower()
# The same format as sha256sum: "<hash>  <file>".
"$hash  $name.zip" | Set-Content -Encoding Ascii "dist\$name.zip.sha256"

$mb = [math]::Round(((Get-ChildItem -Recurse -File 'dist\riskdesk' | Measure-Object -Sum Length).Sum) / 1MB)
$zipMb = [math]::Round((Get-Item "dist\$name.zip").Length / 1MB)
Write-Host "build-bundle: dist\riskdesk\ $mb MB unpacked, dist\$name.zip $zipMb MB; $([int]$clock.Elapsed.TotalSeconds) s"
Get-Content "dist\$name.zip.sha256"

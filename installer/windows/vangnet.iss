; Inno Setup script: wraps the PyInstaller folder dist\Vangnet into a per-machine installer.
; Build on Windows after `python build_installer.py`:   iscc installer\windows\vangnet.iss
; The uninstaller removes the program folder only: user profiles (in %APPDATA%\Vangnet) stay in place,
; so an upgrade or a reinstall keeps every consultant's data; the first start migrates it after a backup.

#define AppName "Vangnet"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6A0F5B1E-3C2D-4E8F-9A7B-5D1C0E2F4A6B}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Vangnet
DefaultDirName={autopf}\Vangnet
DefaultGroupName=Vangnet
PrivilegesRequired=admin
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=vangnet-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayName=Vangnet {#AppVersion}
CloseApplications=yes

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"

[Files]
Source: "..\..\dist\Vangnet\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Vangnet"; Filename: "{app}\vangnet.exe"; Parameters: "gui"
Name: "{group}\Vangnet-server (beheer)"; Filename: "{app}\vangnet-server.exe"; Parameters: "--help"
Name: "{group}\Vangnet verwijderen"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\vangnet.exe"; Parameters: "--version"; Flags: runhidden waituntilterminated

[UninstallDelete]
; Only what the installer put in the program folder; profiles under %APPDATA% are never touched.
Type: filesandordirs; Name: "{app}\_internal"

; Inno Setup script: a per-user installer of the PyInstaller bundle (no administrator rights needed).
;
;   iscc /DAppVersion=0.1.0 /DBundleDir=C:\src\mpn-desktop\dist\mpn-desktop /OC:\src\mpn-desktop\dist packaging\windows\mpn-desktop.iss
;
; packaging/build passes these under Git Bash when iscc is on PATH; see packaging/README.md.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (it is mpn_desktop.__version__)
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\mpn-desktop"
#endif

[Setup]
; A fixed AppId keeps upgrades and the uninstaller tied to one program: never change it.
AppId={{6B0E2C1D-3A57-4E0B-9C4F-8D2A51E7B3C9}
AppName=MPN Competency Tracker
AppVersion={#AppVersion}
AppVerName=MPN Competency Tracker {#AppVersion}
AppPublisher=The mpn-desktop developers
AppPublisherURL=https://github.com/mpn-desktop/mpn-desktop
AppSupportURL=https://github.com/mpn-desktop/mpn-desktop/issues
DefaultDirName={autopf}\MPN Competency Tracker
DefaultGroupName=MPN Competency Tracker
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=mpn-desktop-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\mpn-desktop.ico
UninstallDisplayIcon={app}\mpn-desktop.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The user's database lives in %LOCALAPPDATA%\mpn-desktop and is left alone by the uninstaller.

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\MPN Competency Tracker"; Filename: "{app}\mpn-desktop.exe"; AppUserModelID: "io.github.mpn_desktop.MpnDesktop"
Name: "{autodesktop}\MPN Competency Tracker"; Filename: "{app}\mpn-desktop.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\mpn-desktop.exe"; Description: "{cm:LaunchProgram,MPN Competency Tracker}"; Flags: nowait postinstall skipifsilent

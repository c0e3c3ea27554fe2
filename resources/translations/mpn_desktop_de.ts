<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <source>The checklist was not made.</source>
        <translation>Die Checkliste wurde nicht erstellt.</translation>
    </message>
    <message>
        <source>The checklist was not printed.</source>
        <translation>Die Checkliste wurde nicht gedruckt.</translation>
    </message>
    <message>
        <source>PDF document, A4 paper (*.pdf)</source>
        <translation>PDF-Dokument, Papier A4 (*.pdf)</translation>
    </message>
    <message>
        <source>PDF document, Letter paper (*.pdf)</source>
        <translation>PDF-Dokument, Papier Letter (*.pdf)</translation>
    </message>
    <message>
        <source>Export checklist as PDF</source>
        <translation>Checkliste als PDF exportieren</translation>
    </message>
    <message>
        <source>The checklist was not saved.</source>
        <translation>Die Checkliste wurde nicht geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>%n subscription(s)</source>
        <translation>
            <numerusform>%Ln Abonnement</numerusform>
            <numerusform>%Ln Abonnements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) of usage</source>
        <translation>
            <numerusform>%Ln Monat Nutzung</numerusform>
            <numerusform>%Ln Monate Nutzung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reference(s)</source>
        <translation>
            <numerusform>%Ln Kundenreferenz</numerusform>
            <numerusform>%Ln Kundenreferenzen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n exam result(s)</source>
        <translation>
            <numerusform>%Ln Prüfungsergebnis</numerusform>
            <numerusform>%Ln Prüfungsergebnisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other record(s)</source>
        <translation>
            <numerusform>%Ln weiterer Datensatz</numerusform>
            <numerusform>%Ln weitere Datensätze</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete {what}?</source>
        <translation>{what} löschen?</translation>
    </message>
    <message>
        <source>their</source>
        <translation>ihre</translation>
    </message>
    <message>
        <source>its</source>
        <translation>seine</translation>
    </message>
    <message>
        <source>Delete {what}, {possessive} {listed}?</source>
        <translation>{what} löschen, dazu {listed}?</translation>
    </message>
    <message>
        <source>Deleted {what}.</source>
        <translation>{what} gelöscht.</translation>
    </message>
    <message>
        <source>Deleted {what}, {possessive} {listed}.</source>
        <translation>{what} gelöscht, dazu {listed}.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Edit ▸ Undo (Ctrl+Z) puts everything back.</source>
        <translation>Bearbeiten ▸ Rückgängig (Strg+Z) stellt alles wieder her.</translation>
    </message>
    <message>
        <source>its parts&apos; points added up</source>
        <translation>Punkte der Teile addiert</translation>
    </message>
    <message>
        <source>{have} of {most} pts</source>
        <translation>{have} von {most} Pkt.</translation>
    </message>
    <message>
        <source>Choose from a calendar (Alt+Down)</source>
        <translation>Aus einem Kalender wählen (Alt+Pfeil nach unten)</translation>
    </message>
    <message>
        <source>1. Sales performance — tab Sales performance</source>
        <translation>1. Vertriebsleistung – Registerkarte Vertriebsleistung</translation>
    </message>
    <message>
        <source>Add each customer, its subscriptions (workload, how it is associated with you and since when) and their monthly usage: Azure consumption in US$, or paid active users for Office 365, EMS and Dynamics. File ▸ Import sales data… reads Partner Center&apos;s files instead of typing: the reconciliation files (Billing ▸ invoice ▸ reconciliation file), the daily rated usage file, or Insights ▸ Download reports (Azure usage, licence usage).</source>
        <translation>Erfassen Sie jeden Kunden, seine Abonnements (Workload, wie es Ihnen zugeordnet ist und seit wann) und deren monatliche Nutzung: Azure-Verbrauch in US$ oder zahlende aktive Benutzer für Office 365, EMS und Dynamics. Datei ▸ Verkaufsdaten importieren… liest die Dateien aus Partner Center, statt sie abzutippen: die Abstimmungsdateien (Abrechnung ▸ Rechnung ▸ Abstimmungsdatei), die Datei der täglich bewerteten Nutzung oder Insights ▸ Berichte herunterladen (Azure-Nutzung, Lizenznutzung).</translation>
    </message>
    <message>
        <source>2. Technical exams — tab Exams and people</source>
        <translation>2. Technische Prüfungen – Registerkarte Prüfungen und Personen</translation>
    </message>
    <message>
        <source>Add the people of your organisation with their MCP ID, and the exams, assessments and certifications they passed. File ▸ Import exam records… (Ctrl+I) reads Partner Center&apos;s Insights ▸ Download reports ▸ Training details, the older Competencies ▸ Download skills report, or any sheet with MCP ID, exam and date columns. Only people who associated their MCP ID with your MPN ID count.</source>
        <translation>Erfassen Sie die Personen Ihrer Organisation mit ihrer MCP-ID und die Prüfungen, Assessments und Zertifizierungen, die sie bestanden haben. Datei ▸ Prüfungsergebnisse importieren… (Strg+I) liest aus Partner Center Insights ▸ Berichte herunterladen ▸ Trainingsdetails, den älteren Kompetenzen ▸ Skills-Bericht herunterladen oder jedes Tabellenblatt mit Spalten für MCP-ID, Prüfung und Datum. Es zählen nur Personen, die ihre MCP-ID mit Ihrer MPN-ID verknüpft haben.</translation>
    </message>
    <message>
        <source>3. Customer references — tab Customer references</source>
        <translation>3. Kundenreferenzen – Registerkarte Kundenreferenzen</translation>
    </message>
    <message>
        <source>Add each reference you submitted, its competency, status and the days it was submitted and approved. Partner Center has no export of references: copy them from its reference list. An approved reference counts for two years.</source>
        <translation>Erfassen Sie jede eingereichte Kundenreferenz mit Kompetenz, Status und den Tagen, an denen sie eingereicht und genehmigt wurde. Partner Center bietet keinen Export der Kundenreferenzen: Übernehmen Sie sie aus der dortigen Referenzliste. Eine genehmigte Kundenreferenz zählt zwei Jahre lang.</translation>
    </message>
    <message>
        <source>4. The yearly fee — tab Fee</source>
        <translation>4. Die Jahresgebühr – Registerkarte Gebühr</translation>
    </message>
    <message>
        <source>Enter your membership anniversary (Edit ▸ Organisation and targets…) and each fee payment. The status panel says what this year&apos;s fee still needs and what the next renewal will cost.</source>
        <translation>Geben Sie das Jubiläumsdatum Ihrer Mitgliedschaft (Bearbeiten ▸ Organisation und Ziele…) und jede Gebührenzahlung ein. Der Statusbereich zeigt, was für die Gebühr dieses Jahres noch fehlt und was die nächste Verlängerung kostet.</translation>
    </message>
    <message>
        <source>1. Performance and customer success — tab Performance and customer success</source>
        <translation>1. Leistung und Kundenerfolg – Registerkarte Leistung und Kundenerfolg</translation>
    </message>
    <message>
        <source>Add each customer with its tenant ID, its subscriptions (workload, how it is associated with you: CSP, DPOR, Partner Admin Link or CPOR, and since when) and their monthly usage, by service where the score counts services. File ▸ Import sales data… reads Partner Center&apos;s files instead of typing. Net customer adds, usage growth and deployments are worked out from them.</source>
        <translation>Erfassen Sie jeden Kunden mit seiner Mandanten-ID, seine Abonnements (Workload, wie es mit Ihnen verknüpft ist: CSP, DPOR, Partner Admin Link oder CPOR, und seit wann) und ihre monatliche Nutzung, nach Dienst, wo die Bewertung Dienste zählt. Datei ▸ Verkaufsdaten importieren… liest die Dateien von Partner Center, statt sie abzutippen. Nettokundenzugänge, Nutzungswachstum und Bereitstellungen werden daraus berechnet.</translation>
    </message>
    <message>
        <source>2. Skilling — tab Skilling: people and certifications</source>
        <translation>2. Qualifikation – Registerkarte Qualifikation: Personen und Zertifizierungen</translation>
    </message>
    <message>
        <source>Add the people of your organisation with their MCP ID, and the exams and certifications they passed. File ▸ Import exam records… (Ctrl+I) reads Partner Center&apos;s Training details. The catalogue knows which exams earn which certification; the column Counts for says which designation and metric each person counts toward. Only people who associated their MCP ID with your partner ID count.</source>
        <translation>Erfassen Sie die Personen Ihrer Organisation mit ihrer MCP-ID und die Prüfungen und Zertifizierungen, die sie bestanden haben. Datei ▸ Prüfungsergebnisse importieren… (Strg+I) liest die Trainingsdetails von Partner Center. Der Katalog weiß, welche Prüfungen zu welcher Zertifizierung führen; die Spalte „Zählt für“ zeigt, für welche Designation und Kennzahl jede Person zählt. Es zählen nur Personen, die ihre MCP-ID mit Ihrer Partner-ID verknüpft haben.</translation>
    </message>
    <message>
        <source>Customer references do not count toward the designations: the tab keeps them for the 2017-2018 competencies and your own records.</source>
        <translation>Kundenreferenzen zählen nicht für die Designations: Die Registerkarte bewahrt sie für die Kompetenzen von 2017-2018 und Ihre eigenen Unterlagen auf.</translation>
    </message>
    <message>
        <source>Enter your membership anniversary (Edit ▸ Organisation and targets…) and each fee payment: one yearly fee however many designations.</source>
        <translation>Geben Sie das Jubiläumsdatum Ihrer Mitgliedschaft (Bearbeiten ▸ Organisation und Ziele…) und jede Gebührenzahlung ein: eine jährliche Gebühr für beliebig viele Designations.</translation>
    </message>
    <message>
        <source>A cloud competency is attained at silver or gold when all four steps below are met. Start with Edit ▸ Organisation and targets… (the competencies and levels you aim for); then fill the four tabs. The status panel on the right says at once what is still missing; a click on a missing item opens the form that adds it.</source>
        <translation>Eine Cloud-Kompetenz wird in Silber oder Gold erreicht, wenn alle vier Schritte unten erfüllt sind. Beginnen Sie mit Bearbeiten ▸ Organisation und Ziele… (die angestrebten Kompetenzen und Stufen); füllen Sie dann die vier Registerkarten aus. Der Statusbereich rechts zeigt sofort, was noch fehlt; ein Klick auf einen fehlenden Punkt öffnet das Formular, mit dem Sie ihn hinzufügen.</translation>
    </message>
    <message>
        <source>Status as of (at the top) moves the day everything is worked out on: plan ahead, or look back. File ▸ Print checklist… makes a page to take to a meeting. Help ▸ Requirements lists every figure and where it comes from.</source>
        <translation>„Stand am“ (oben) verschiebt den Tag, für den alles berechnet wird: Planen Sie voraus oder blicken Sie zurück. Datei ▸ Checkliste drucken… erstellt eine Seite für eine Besprechung. Hilfe ▸ Anforderungen listet jede Kennzahl und ihre Herkunft auf.</translation>
    </message>
    <message>
        <source>A Solutions Partner designation is earned with a partner capability score of at least 70 of 100 points over performance, skilling and customer success, every metric above zero. Start with Edit ▸ Organisation and targets… (the designations you aim for); then fill the tabs. The status panel on the right says at once each designation&apos;s score and what is still missing; a click on a missing item opens the form that adds it.</source>
        <translation>Eine Solutions Partner-Designation wird mit einer Partnerfunktionsbewertung von mindestens 70 von 100 Punkten aus Leistung, Qualifikation und Kundenerfolg erreicht, jede Kennzahl über null. Beginnen Sie mit Bearbeiten ▸ Organisation und Ziele… (die angestrebten Designations); füllen Sie dann die Registerkarten aus. Der Statusbereich rechts zeigt sofort die Punktzahl jeder Designation und was noch fehlt; ein Klick auf einen fehlenden Punkt öffnet das Formular, mit dem Sie ihn hinzufügen.</translation>
    </message>
    <message>
        <source>Open the calendar of a date field</source>
        <translation>Kalender eines Datumsfelds öffnen</translation>
    </message>
    <message>
        <source>Take a typed date</source>
        <translation>Ein eingetipptes Datum übernehmen</translation>
    </message>
    <message>
        <source>Edit the selected cell</source>
        <translation>Die ausgewählte Zelle bearbeiten</translation>
    </message>
    <message>
        <source>Explain the field under the mouse</source>
        <translation>Das Feld unter dem Mauszeiger erklären</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>Erste Schritte</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Tracks your organisation&apos;s way to a silver or gold cloud competency (2017-2018) and to the Solutions Partner designations (from October 2022).</source>
        <translation>Verfolgt den Weg Ihrer Organisation zu einer Cloud-Kompetenz in Silber oder Gold (2017-2018) und zu den Solutions Partner-Designations (ab Oktober 2022).</translation>
    </message>
    <message>
        <source>Database: {where}</source>
        <translation>Datenbank: {where}</translation>
    </message>
    <message>
        <source>Requirements catalogue: {name} {version}</source>
        <translation>Anforderungskatalog: {name} {version}</translation>
    </message>
    <message>
        <source>Catalogue in force on {day}: {name} {version}</source>
        <translation>Am {day} geltender Katalog: {name} {version}</translation>
    </message>
    <message>
        <source>Settings: {file}</source>
        <translation>Einstellungen: {file}</translation>
    </message>
    <message>
        <source>Log: {file}</source>
        <translation>Protokoll: {file}</translation>
    </message>
    <message>
        <source>Log: none yet (written to {file} when there is something to record)</source>
        <translation>Protokoll: noch keines (wird nach {file} geschrieben, sobald es etwas festzuhalten gibt)</translation>
    </message>
    <message>
        <source>About MPN Competency Tracker</source>
        <translation>Über MPN Competency Tracker</translation>
    </message>
    <message>
        <source>{count} added</source>
        <translation>{count} hinzugefügt</translation>
    </message>
    <message>
        <source>{count} to add</source>
        <translation>{count} hinzuzufügen</translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s)</source>
        <translation>
            <numerusform>%Ln Duplikat</numerusform>
            <numerusform>%Ln Duplikate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%Ln Fehler</numerusform>
            <numerusform>%Ln Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unknown code(s)</source>
        <translation>
            <numerusform>%Ln unbekannter Code</numerusform>
            <numerusform>%Ln unbekannte Codes</numerusform>
        </translation>
    </message>
    <message>
        <source>Columns ignored: {columns}</source>
        <translation>Ignorierte Spalten: {columns}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>&amp;Neue Datenbank…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>Datenbank ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;team database…</source>
        <translation>&amp;Teamdatenbank öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Import exam records…</source>
        <translation>Prüfungsergebnisse &amp;importieren…</translation>
    </message>
    <message>
        <source>Import s&amp;ales data…</source>
        <translation>&amp;Verkaufsdaten importieren…</translation>
    </message>
    <message>
        <source>Pa&amp;st imports…</source>
        <translation>Frühere I&amp;mporte…</translation>
    </message>
    <message>
        <source>&amp;Print checklist…</source>
        <translation>Checkliste &amp;drucken…</translation>
    </message>
    <message>
        <source>Export checklist as P&amp;DF…</source>
        <translation>Checkliste als &amp;PDF exportieren…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;JSON document…</source>
        <translation>&amp;JSON-Dokument…</translation>
    </message>
    <message>
        <source>&amp;Spreadsheet (.xlsx)…</source>
        <translation>&amp;Arbeitsmappe (.xlsx)…</translation>
    </message>
    <message>
        <source>This &amp;table as CSV…</source>
        <translation>Diese &amp;Tabelle als CSV…</translation>
    </message>
    <message>
        <source>&amp;Load JSON or spreadsheet…</source>
        <translation>JSON oder Arbeitsmappe &amp;laden…</translation>
    </message>
    <message>
        <source>&amp;Backup…</source>
        <translation>&amp;Sicherung…</translation>
    </message>
    <message>
        <source>Res&amp;tore from backup…</source>
        <translation>Aus Sicherung &amp;wiederherstellen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Organisation and targets…</source>
        <translation>&amp;Organisation und Ziele…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>S&amp;prache</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>S&amp;ystemsprache</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Verlauf…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Read the database again and work out the status anew</source>
        <translation>Die Datenbank neu lesen und den Status neu berechnen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Getting started…</source>
        <translation>&amp;Erste Schritte…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>&amp;Tastenkürzel…</translation>
    </message>
    <message>
        <source>&amp;Requirements…</source>
        <translation>&amp;Anforderungen…</translation>
    </message>
    <message>
        <source>&amp;About MPN Competency Tracker</source>
        <translation>Ü&amp;ber MPN Competency Tracker</translation>
    </message>
    <message>
        <source>DPOR</source>
        <translation>DPOR</translation>
    </message>
    <message>
        <source>Delegated admin</source>
        <translation>Delegierter Administrator</translation>
    </message>
    <message>
        <source>Transacting</source>
        <translation>Transaktionspartner</translation>
    </message>
    <message>
        <source>FastTrack</source>
        <translation>FastTrack</translation>
    </message>
    <message>
        <source>CPOR</source>
        <translation>CPOR</translation>
    </message>
    <message>
        <source>Partner Admin Link</source>
        <translation>Partner Admin Link</translation>
    </message>
    <message>
        <source>Azure</source>
        <translation>Azure</translation>
    </message>
    <message>
        <source>Office 365</source>
        <translation>Office 365</translation>
    </message>
    <message>
        <source>Dynamics CRM</source>
        <translation>Dynamics CRM</translation>
    </message>
    <message>
        <source>EMS</source>
        <translation>EMS</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <source>Customer approved</source>
        <translation>Vom Kunden genehmigt</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Auto-approved</source>
        <translation>Automatisch genehmigt</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>Certification</source>
        <translation>Zertifizierung</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Silber</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <source>Developed market</source>
        <translation>Entwickelter Markt</translation>
    </message>
    <message>
        <source>Developing market</source>
        <translation>Entwicklungsmarkt</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label} ist erforderlich.</translation>
    </message>
    <message>
        <source>{label}: the text holds a control character at character {column}; type or paste plain text.</source>
        <translation>{label}: Der Text enthält ein Steuerzeichen an Zeichen {column}; geben Sie reinen Text ein oder fügen Sie ihn ein.</translation>
    </message>
    <message>
        <source>{label}: the text holds the invisible character {name} at character {column}, which changes how the text reads; type or paste plain text.</source>
        <translation>{label}: Der Text enthält das unsichtbare Zeichen {name} an Zeichen {column}, das ändert, wie der Text gelesen wird; geben Sie reinen Text ein oder fügen Sie ihn ein.</translation>
    </message>
    <message>
        <source>{label}: “{text}” is not an e-mail address (name@example.com).</source>
        <translation>{label}: „{text}“ ist keine E-Mail-Adresse (name@example.com).</translation>
    </message>
    <message>
        <source>{label}: “{text}” is not an MCP ID (digits only, such as 1234567).</source>
        <translation>{label}: „{text}“ ist keine MCP-ID (nur Ziffern, etwa 1234567).</translation>
    </message>
    <message>
        <source>{label}: “{text}” is not a date: {month} {year} has {days} days.</source>
        <translation>{label}: „{text}“ ist kein Datum: {month} {year} hat {days} Tage.</translation>
    </message>
    <message>
        <source>{label}: “{text}” is not a date (YYYY-MM-DD, such as 2018-03-01, or {short}).</source>
        <translation>{label}: „{text}“ ist kein Datum (JJJJ-MM-TT, etwa 2018-03-01, oder {short}).</translation>
    </message>
    <message>
        <source>{label}: “{text}” is not a month (YYYY-MM, such as 2017-12).</source>
        <translation>{label}: „{text}“ ist kein Monat (JJJJ-MM, etwa 2017-12).</translation>
    </message>
    <message>
        <source>{label}: “{text}” is not an amount in US$ (such as 1250.00).</source>
        <translation>{label}: „{text}“ ist kein Betrag in US$ (etwa 1250.00).</translation>
    </message>
    <message>
        <source>{label}: an amount must be zero or more.</source>
        <translation>{label}: Ein Betrag muss null oder größer sein.</translation>
    </message>
    <message>
        <source>{label}: at most {amount}.</source>
        <translation>{label}: höchstens {amount}.</translation>
    </message>
    <message>
        <source>{label}: at most two decimals (cents).</source>
        <translation>{label}: höchstens zwei Nachkommastellen (Cent).</translation>
    </message>
    <message>
        <source>{label}: “{text}” is not a whole number of zero or more.</source>
        <translation>{label}: „{text}“ ist keine ganze Zahl von null oder mehr.</translation>
    </message>
    <message>
        <source>{label}: at most {count}.</source>
        <translation>{label}: höchstens {count}.</translation>
    </message>
    <message>
        <source>{label}: answer yes or no.</source>
        <translation>{label}: Antworten Sie mit Ja oder Nein.</translation>
    </message>
    <message>
        <source>{label}: “{text}” is not one of: {allowed}.</source>
        <translation>{label}: „{text}“ ist keiner dieser Werte: {allowed}.</translation>
    </message>
    <message>
        <source>{label}: “{text}” is not one of the known values.</source>
        <translation>{label}: „{text}“ ist keiner der bekannten Werte.</translation>
    </message>
    <message>
        <source>line {line}: {reason}</source>
        <translation>Zeile {line}: {reason}</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… und {count} weitere</translation>
    </message>
    <message>
        <source>Consumption (US$)</source>
        <translation>Verbrauch (US$)</translation>
    </message>
    <message>
        <source>Revenue (US$)</source>
        <translation>Umsatz (US$)</translation>
    </message>
    <message>
        <source>Active users</source>
        <translation>Aktive Benutzer</translation>
    </message>
    <message>
        <source>Paid seats</source>
        <translation>Bezahlte Lizenzen</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Credited</source>
        <translation>Angerechnet</translation>
    </message>
    <message>
        <source>{level} needs</source>
        <translation>{level} benötigt</translation>
    </message>
    <message>
        <source>12 months</source>
        <translation>12 Monate</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%Ln Monat</numerusform>
            <numerusform>%Ln Monate</numerusform>
        </translation>
    </message>
    <message>
        <source>What the rules count: subscriptions of an accepted workload and association, in the months the association was in force, no trials.</source>
        <translation>Was die Regeln zählen: Abonnements eines anerkannten Workloads und einer anerkannten Zuordnung, in den Monaten, in denen die Zuordnung bestand, ohne Testversionen.</translation>
    </message>
    <message>
        <source>The sum of this month&apos;s services or imported rows: change them in the months of usage (Customers and subscriptions), or import the file again.</source>
        <translation>Die Summe der Dienste oder importierten Zeilen dieses Monats: Ändern Sie sie in den Nutzungsmonaten (Kunden und Abonnements) oder importieren Sie die Datei erneut.</translation>
    </message>
    <message>
        <source>A trial subscription: its usage never counts.</source>
        <translation>Ein Testabonnement: Seine Nutzung zählt nie.</translation>
    </message>
    <message>
        <source>Not counted for the competency shown: its workload or association is not one the rules accept, or it was not associated in these months.</source>
        <translation>Zählt nicht für die angezeigte Kompetenz: Workload oder Zuordnung werden von den Regeln nicht anerkannt, oder das Abonnement war in diesen Monaten nicht zugeordnet.</translation>
    </message>
    <message>
        <source>{months}: outside the window ({first} to {last}); not pasted</source>
        <translation>{months}: außerhalb des Zeitraums ({first} bis {last}); nicht eingefügt</translation>
    </message>
    <message>
        <source>line {line}: no subscription {name}</source>
        <translation>Zeile {line}: kein Abonnement {name}</translation>
    </message>
    <message>
        <source>line {line}: below the last subscription</source>
        <translation>Zeile {line}: unterhalb des letzten Abonnements</translation>
    </message>
    <message>
        <source>line {line}, {month}: split by service or imported; not changed</source>
        <translation>Zeile {line}, {month}: nach Dienst aufgeteilt oder importiert; nicht geändert</translation>
    </message>
    <message>
        <source>line {line}, {month}: {problem}</source>
        <translation>Zeile {line}, {month}: {problem}</translation>
    </message>
    <message>
        <source>Paste {label}</source>
        <translation>{label} einfügen</translation>
    </message>
    <message>
        <source>Nothing was pasted.</source>
        <translation>Es wurde nichts eingefügt.</translation>
    </message>
    <message>
        <source>The paste was not taken back.</source>
        <translation>Das Einfügen wurde nicht zurückgenommen.</translation>
    </message>
    <message>
        <source>Edit {label}</source>
        <translation>{label} bearbeiten</translation>
    </message>
    <message>
        <source>The usage was not put back.</source>
        <translation>Die Nutzung wurde nicht wiederhergestellt.</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>Die Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The database cannot be opened.</source>
        <translation>Die Datenbank kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Restore the latest backup ({backup}) to go on from it; the refused file is kept aside, byte for byte.</source>
        <translation>Stellen Sie die letzte Sicherung ({backup}) wieder her, um damit weiterzuarbeiten; die abgelehnte Datei wird Byte für Byte beiseitegelegt.</translation>
    </message>
    <message>
        <source>&amp;Restore the latest backup</source>
        <translation>Letzte Sicherung &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Open another database…</source>
        <translation>&amp;Andere Datenbank öffnen…</translation>
    </message>
    <message>
        <source>The team database cannot be opened</source>
        <translation>Die Teamdatenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The team database cannot be opened.</source>
        <translation>Die Teamdatenbank kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Try again once the server is running or the password in your ~/.pgpass file is put right; or change the host, database or user.</source>
        <translation>Versuchen Sie es erneut, sobald der Server läuft oder das Passwort in Ihrer Datei ~/.pgpass berichtigt ist; oder ändern Sie Host, Datenbank oder Benutzer.</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Change the team database…</source>
        <translation>Teamdatenbank ä&amp;ndern…</translation>
    </message>
    <message>
        <source>Open a database &amp;file…</source>
        <translation>Datenbank&amp;datei öffnen…</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Datenbank öffnen</translation>
    </message>
    <message>
        <source>Tracker databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Tracker-Datenbanken (*.sqlite3 *.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>JSON documents (*.json);;All files (*)</source>
        <translation>JSON-Dokumente (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-Arbeitsmappen (*.xlsx)</translation>
    </message>
    <message>
        <source>JSON documents and workbooks (*.json *.xlsx *.xlsm);;JSON documents (*.json);;Excel workbooks (*.xlsx *.xlsm);;All files (*)</source>
        <translation>JSON-Dokumente und Arbeitsmappen (*.json *.xlsx *.xlsm);;JSON-Dokumente (*.json);;Excel-Arbeitsmappen (*.xlsx *.xlsm);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>{file} was restored from {backup}; the refused file is kept in {kept}.</source>
        <translation>{file} wurde aus {backup} wiederhergestellt; die abgelehnte Datei liegt in {kept}.</translation>
    </message>
    <message>
        <source>The backup was not restored</source>
        <translation>Die Sicherung wurde nicht wiederhergestellt</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Sales performance</source>
        <translation>Vertriebsleistung</translation>
    </message>
    <message>
        <source>Exams</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Kundenreferenzen</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Gebühr</translation>
    </message>
    <message>
        <source>target: {level}</source>
        <translation>Ziel: {level}</translation>
    </message>
    <message>
        <source>No competency to measure yet: choose the competencies to aim for.</source>
        <translation>Noch keine Kompetenz zu messen: Wählen Sie die angestrebten Kompetenzen.</translation>
    </message>
    <message>
        <source>{competency}, {level}: {description}</source>
        <translation>{competency}, {level}: {description}</translation>
    </message>
    <message>
        <source>Customer references do not count toward the Solutions Partner designations (some specializations ask for them): they are kept here for the competencies and your own records.</source>
        <translation>Kundenreferenzen zählen nicht für die Solutions Partner-Designations (einige Spezialisierungen verlangen sie): Sie werden hier für die Kompetenzen und Ihre eigenen Unterlagen aufbewahrt.</translation>
    </message>
    <message>
        <source>The Solutions Partner fee is one yearly fee however many designations (the catalogue in force gives no amount); the payments recorded here are kept as they are.</source>
        <translation>Die Solutions Partner-Gebühr ist eine Jahresgebühr für beliebig viele Designations (der geltende Katalog nennt keinen Betrag); die hier erfassten Zahlungen bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>The Solutions Partner fee is one yearly fee however many designations: {amount} in the catalogue in force on this day; the payments recorded here are kept as they are.</source>
        <translation>Die Solutions Partner-Gebühr ist eine Jahresgebühr für beliebig viele Designations: {amount} laut dem an diesem Tag geltenden Katalog; die hier erfassten Zahlungen bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>{points}, prerequisite steps met: {met} of {count}</source>
        <translation>{points}, Voraussetzungen erfüllt: {met} von {count}</translation>
    </message>
    <message>
        <source>No designation to measure yet.</source>
        <translation>Noch keine Designation zu messen.</translation>
    </message>
    <message>
        <source>Add {label}</source>
        <translation>{label} hinzufügen</translation>
    </message>
    <message>
        <source>It was not added.</source>
        <translation>Es wurde nicht hinzugefügt.</translation>
    </message>
    <message>
        <source>It was not added again.</source>
        <translation>Es wurde nicht erneut hinzugefügt.</translation>
    </message>
    <message>
        <source>It was not removed.</source>
        <translation>Es wurde nicht entfernt.</translation>
    </message>
    <message>
        <source>The change was not saved.</source>
        <translation>Die Änderung wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>The earlier value was not put back.</source>
        <translation>Der frühere Wert wurde nicht wiederhergestellt.</translation>
    </message>
    <message>
        <source>Delete {label}</source>
        <translation>{label} löschen</translation>
    </message>
    <message>
        <source>It was not deleted.</source>
        <translation>Es wurde nicht gelöscht.</translation>
    </message>
    <message>
        <source>It was not restored.</source>
        <translation>Es wurde nicht wiederhergestellt.</translation>
    </message>
    <message numerus="yes">
        <source>Import %n usage row(s) from {file}</source>
        <translation>
            <numerusform>%Ln Nutzungsdatensatz aus {file} importieren</numerusform>
            <numerusform>%Ln Nutzungsdatensätze aus {file} importieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n exam record(s) from {file}</source>
        <translation>
            <numerusform>%Ln Prüfungsergebnis aus {file} importieren</numerusform>
            <numerusform>%Ln Prüfungsergebnisse aus {file} importieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove the import of %n usage row(s) from {file}</source>
        <translation>
            <numerusform>Import von %Ln Nutzungsdatensatz aus {file} entfernen</numerusform>
            <numerusform>Import von %Ln Nutzungsdatensätzen aus {file} entfernen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove the import of %n exam record(s) from {file}</source>
        <translation>
            <numerusform>Import von %Ln Prüfungsergebnis aus {file} entfernen</numerusform>
            <numerusform>Import von %Ln Prüfungsergebnissen aus {file} entfernen</numerusform>
        </translation>
    </message>
    <message>
        <source>The import was not redone.</source>
        <translation>Der Import wurde nicht wiederholt.</translation>
    </message>
    <message>
        <source>The import was not removed.</source>
        <translation>Der Import wurde nicht entfernt.</translation>
    </message>
    <message>
        <source>The import was not put back.</source>
        <translation>Der Import wurde nicht wiederhergestellt.</translation>
    </message>
    <message>
        <source>The change was not undone.</source>
        <translation>Die Änderung wurde nicht rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Nothing was deleted.</source>
        <translation>Es wurde nichts gelöscht.</translation>
    </message>
    <message>
        <source>Nothing was put back.</source>
        <translation>Es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <source>Nothing to choose yet</source>
        <translation>Noch nichts zur Auswahl</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Tenant ID</source>
        <translation>Mandanten-ID</translation>
    </message>
    <message>
        <source>Add customer</source>
        <translation>Kunde hinzufügen</translation>
    </message>
    <message>
        <source>customer {name}</source>
        <translation>Kunde {name}</translation>
    </message>
    <message>
        <source>Import exam records</source>
        <translation>Prüfungsergebnisse importieren</translation>
    </message>
    <message numerus="yes">
        <source>%n usage row(s)</source>
        <translation>
            <numerusform>%Ln Nutzungsdatensatz</numerusform>
            <numerusform>%Ln Nutzungsdatensätze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n exam record(s)</source>
        <translation>
            <numerusform>%Ln Prüfungsergebnis</numerusform>
            <numerusform>%Ln Prüfungsergebnisse</numerusform>
        </translation>
    </message>
    <message>
        <source>What each column holds. An MCP ID, an exam code or title, and the date passed are needed; first and last name columns are joined.</source>
        <translation>Was jede Spalte enthält. Benötigt werden eine MCP-ID, ein Prüfungscode oder -titel und das Bestehensdatum; Spalten für Vor- und Nachname werden zusammengefügt.</translation>
    </message>
    <message>
        <source>A CSV file of exam records: Partner Center&apos;s Training details download, a spreadsheet saved as CSV, or Excel&apos;s Unicode text. You can also drop the file here.</source>
        <translation>Eine CSV-Datei mit Prüfungsergebnissen: der Download der Trainingsdetails aus Partner Center, ein als CSV gespeichertes Tabellenblatt oder Unicode-Text aus Excel. Sie können die Datei auch hier ablegen.</translation>
    </message>
    <message>
        <source>Import sales data</source>
        <translation>Verkaufsdaten importieren</translation>
    </message>
    <message>
        <source>What each column holds. A subscription, a month (or the day of a charge) and a figure (consumption, revenue, active users or paid seats) are needed; lines are added up per subscription, month and service.</source>
        <translation>Was jede Spalte enthält. Benötigt werden ein Abonnement, ein Monat (oder der Tag einer Abrechnung) und eine Kennzahl (Verbrauch, Umsatz, aktive Benutzer oder bezahlte Lizenzen); Zeilen werden je Abonnement, Monat und Dienst addiert.</translation>
    </message>
    <message>
        <source>A file of usage or licences from Partner Center (a reconciliation file, an Insights download) or a sheet saved as CSV, its header naming the columns. You can also drop the file here.</source>
        <translation>Eine Datei mit Nutzung oder Lizenzen aus Partner Center (eine Abstimmungsdatei, ein Insights-Download) oder ein als CSV gespeichertes Tabellenblatt, dessen Kopfzeile die Spalten benennt. Sie können die Datei auch hier ablegen.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>CSV and text files (*.csv *.txt *.tsv);;All files (*)</source>
        <translation>CSV- und Textdateien (*.csv *.txt *.tsv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>until {day}</source>
        <translation>bis {day}</translation>
    </message>
    <message>
        <source>from {day}</source>
        <translation>ab {day}</translation>
    </message>
    <message>
        <source>, worth {points} points</source>
        <translation>, {points} Punkte wert</translation>
    </message>
    <message>
        <source>, no points</source>
        <translation>, ohne Punkte</translation>
    </message>
    <message>
        <source>; {count} people from {day}</source>
        <translation>; {count} Personen ab {day}</translation>
    </message>
    <message>
        <source>Step {number}: {count} person with {names}{worth}{later}</source>
        <translation>Schritt {number}: {count} Person mit {names}{worth}{later}</translation>
    </message>
    <message>
        <source>Step {number}: {count} people with {names}{worth}{later}</source>
        <translation>Schritt {number}: {count} Personen mit {names}{worth}{later}</translation>
    </message>
    <message>
        <source>{points} points per person with: {names}</source>
        <translation>{points} Punkte je Person mit: {names}</translation>
    </message>
    <message>
        <source>{figure} for {points} points</source>
        <translation>{points} Punkte bei {figure}</translation>
    </message>
    <message>
        <source>{figure} for full points</source>
        <translation>volle Punktzahl bei {figure}</translation>
    </message>
    <message>
        <source>or</source>
        <translation>oder</translation>
    </message>
    <message>
        <source>US$ {amount}</source>
        <translation>US$ {amount}</translation>
    </message>
    <message>
        <source>{track} track</source>
        <translation>Track {track}</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>What earns them</source>
        <translation>Was sie bringt</translation>
    </message>
    <message>
        <source>A designation is earned per solution area with a partner capability score of 100 points: at least {points} points, and every metric above zero. A metric gives its points in full at its threshold and in part on the way there.</source>
        <translation>Eine Designation wird je Lösungsbereich mit einer Partnerfunktionsbewertung von 100 Punkten erreicht: mindestens {points} Punkte, und jede Kennzahl über null. Eine Kennzahl gibt ihre Punkte voll an ihrem Schwellenwert und anteilig auf dem Weg dorthin.</translation>
    </message>
    <message>
        <source>From {day}: {rule}</source>
        <translation>Ab {day}: {rule}</translation>
    </message>
    <message>
        <source>Qualification window</source>
        <translation>Qualifizierungsfenster</translation>
    </message>
    <message>
        <source>Readings the tracker takes</source>
        <translation>Wie das Programm offene Regeln liest</translation>
    </message>
    <message>
        <source>in the 12 full months before the month of the day checked</source>
        <translation>in den 12 vollen Monaten vor dem Monat des geprüften Tags</translation>
    </message>
    <message>
        <source>in the latest full month</source>
        <translation>im letzten vollen Monat</translation>
    </message>
    <message>
        <source>&lt;i&gt;Source:&lt;/i&gt; {source}</source>
        <translation>&lt;i&gt;Quelle:&lt;/i&gt; {source}</translation>
    </message>
    <message>
        <source>&lt;i&gt;Note:&lt;/i&gt; {note}</source>
        <translation>&lt;i&gt;Hinweis:&lt;/i&gt; {note}</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%Ln Person</numerusform>
            <numerusform>%Ln Personen</numerusform>
        </translation>
    </message>
    <message>
        <source>developing markets: {amount}</source>
        <translation>Entwicklungsmärkte: {amount}</translation>
    </message>
    <message>
        <source>{measure} {window}, credited through {through} association</source>
        <translation>{measure} {window}, angerechnet über die Zuordnung {through}</translation>
    </message>
    <message>
        <source>1. Sales performance</source>
        <translation>1. Vertriebsleistung</translation>
    </message>
    <message>
        <source>{role}: passed {credentials}, with the MCP ID associated with your MPN ID</source>
        <translation>{role}: bestanden mit {credentials}, die MCP-ID mit Ihrer MPN-ID verknüpft</translation>
    </message>
    <message>
        <source> (one person counts for one role only)</source>
        <translation> (eine Person zählt nur für eine Rolle)</translation>
    </message>
    <message>
        <source>2. Technical exams</source>
        <translation>2. Technische Prüfungen</translation>
    </message>
    <message>
        <source>3. Customer references</source>
        <translation>3. Kundenreferenzen</translation>
    </message>
    <message>
        <source>approved or auto-approved customer references, each valid {years} years from approval</source>
        <translation>genehmigte oder automatisch genehmigte Kundenreferenzen, jede {years} Jahre ab der Genehmigung gültig</translation>
    </message>
    <message>
        <source>4. Fee</source>
        <translation>4. Gebühr</translation>
    </message>
    <message>
        <source>paid once a year for the whole organisation, whatever the number of competencies (&lt;a href=&apos;#fee&apos;&gt;see the fee&lt;/a&gt;)</source>
        <translation>einmal im Jahr für die ganze Organisation zu zahlen, für beliebig viele Kompetenzen (&lt;a href=&apos;#fee&apos;&gt;siehe Gebühr&lt;/a&gt;)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>What counts</source>
        <translation>Was zählt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>before {day}</source>
        <translation>vor dem {day}</translation>
    </message>
    <message>
        <source>always</source>
        <translation>immer</translation>
    </message>
    <message>
        <source>Two ways to attain it: {names}.</source>
        <translation>Zwei Wege, sie zu erreichen: {names}.</translation>
    </message>
    <message>
        <source>{count} ways to attain it: {names}.</source>
        <translation>{count} Wege, sie zu erreichen: {names}.</translation>
    </message>
    <message>
        <source>A level is attained when every step of one option is met.</source>
        <translation>Eine Stufe ist erreicht, wenn jeder Schritt einer Option erfüllt ist.</translation>
    </message>
    <message>
        <source>Option: {option}</source>
        <translation>Option: {option}</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Gilt für</translation>
    </message>
    <message>
        <source>The yearly fee</source>
        <translation>Die Jahresgebühr</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Anerkannt</translation>
    </message>
    <message>
        <source>Exams, assessments and certifications</source>
        <translation>Prüfungen, Assessments und Zertifizierungen</translation>
    </message>
    <message>
        <source>The credentials the skill roles accept. A pass counts while the person&apos;s MCP ID is associated with your MPN ID and the credential is accepted.</source>
        <translation>Die Nachweise, die die Rollen anerkennen. Ein Bestehen zählt, solange die MCP-ID der Person mit Ihrer MPN-ID verknüpft ist und der Nachweis anerkannt wird.</translation>
    </message>
    <message>
        <source>Retired competencies</source>
        <translation>Eingestellte Kompetenzen</translation>
    </message>
    <message>
        <source>Closed to new enrolment and renewal: they cannot be attained.</source>
        <translation>Für neue Anmeldungen und Verlängerungen geschlossen: Sie können nicht erreicht werden.</translation>
    </message>
    <message>
        <source>Competency</source>
        <translation>Kompetenz</translation>
    </message>
    <message>
        <source>Retired on</source>
        <translation>Eingestellt am</translation>
    </message>
    <message>
        <source>What a cloud competency gives</source>
        <translation>Was eine Cloud-Kompetenz bringt</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>In force from {since}</source>
        <translation>Gültig ab {since}</translation>
    </message>
    <message>
        <source>In force from {since} to {until}</source>
        <translation>Gültig vom {since} bis {until}</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Eingestellt</translation>
    </message>
    <message>
        <source>A cloud competency is earned in four steps: (1) sales performance credited through an accepted association, (2) people with the required exams whose MCP ID is associated with your MPN ID, (3) approved customer references, and (4) the yearly fee.</source>
        <translation>Eine Cloud-Kompetenz wird in vier Schritten erreicht: (1) Vertriebsleistung, angerechnet über eine anerkannte Zuordnung, (2) Personen mit den geforderten Prüfungen, deren MCP-ID mit Ihrer MPN-ID verknüpft ist, (3) genehmigte Kundenreferenzen und (4) die Jahresgebühr.</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>MPN Competency Tracker</source>
        <translation>MPN Competency Tracker</translation>
    </message>
    <message>
        <source>That could not be done.</source>
        <translation>Das konnte nicht ausgeführt werden.</translation>
    </message>
    <message>
        <source>… and {count} more (Show Details…)</source>
        <translation>… und {count} weitere (Details einblenden…)</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Every record is checked as the import will read it. Nothing is written yet.</source>
        <translation>Jeder Datensatz wird so geprüft, wie der Import ihn lesen wird. Noch wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Problems in the file</source>
        <translation>Probleme in der Datei</translation>
    </message>
    <message>
        <source>&amp;Copy the list</source>
        <translation>Liste &amp;kopieren</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>Read the file again, e.g. after fixing it</source>
        <translation>Die Datei erneut lesen, z. B. nachdem Sie sie korrigiert haben</translation>
    </message>
    <message>
        <source>The bad records go to a CSV file, with what is wrong, to fix and import</source>
        <translation>Die fehlerhaften Datensätze kommen mit einer Fehlerangabe in eine CSV-Datei, um sie zu korrigieren und zu importieren</translation>
    </message>
    <message>
        <source>Import it &amp;anyway</source>
        <translation>&amp;Trotzdem importieren</translation>
    </message>
    <message>
        <source>Every record of {file} is checked as the import will read it. Nothing is written yet.</source>
        <translation>Jeder Datensatz von {file} wird so geprüft, wie der Import ihn lesen wird. Noch wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>Checking every record…</source>
        <translation>Jeder Datensatz wird geprüft…</translation>
    </message>
    <message>
        <source>Save the records that are not imported</source>
        <translation>Die nicht importierten Datensätze speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The records that are not imported cannot be saved there.</source>
        <translation>Die nicht importierten Datensätze können dort nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>This file is for MPN ID {ids}, and this organisation is MPN ID {own}. Nothing is imported unless you say the file is meant for it.</source>
        <translation>Diese Datei ist für die MPN-ID {ids}, und diese Organisation hat die MPN-ID {own}. Es wird nichts importiert, solange Sie nicht bestätigen, dass die Datei für sie bestimmt ist.</translation>
    </message>
    <message>
        <source>The amounts are in {currencies}: give the US$ rate above, and the file is checked again with it.</source>
        <translation>Die Beträge sind in {currencies}: Geben Sie oben den Kurs in US$ an, dann wird die Datei damit erneut geprüft.</translation>
    </message>
    <message numerus="yes">
        <source>Import the %n good row(s), skip {bad}</source>
        <translation>
            <numerusform>Die %Ln fehlerfreie Zeile importieren, {bad} überspringen</numerusform>
            <numerusform>Die %Ln fehlerfreien Zeilen importieren, {bad} überspringen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the %n other record(s) fine</source>
        <translation>
            <numerusform>der eine andere Datensatz in Ordnung ist</numerusform>
            <numerusform>die %Ln anderen Datensätze in Ordnung sind</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing can be imported: %n problem(s) in the file (listed below), though {others}. An import is all or nothing unless you skip the bad records: fix the file, then Check again, or import the good ones and keep the bad ones in a file to fix.</source>
        <translation>
            <numerusform>Nichts kann importiert werden: %Ln Problem in der Datei (unten aufgeführt), obwohl {others}. Ein Import gilt ganz oder gar nicht, es sei denn, Sie überspringen die fehlerhaften Datensätze: Korrigieren Sie die Datei und wählen Sie dann Erneut prüfen, oder importieren Sie die fehlerfreien und bewahren Sie die fehlerhaften zum Korrigieren in einer Datei auf.</numerusform>
            <numerusform>Nichts kann importiert werden: %Ln Probleme in der Datei (unten aufgeführt), obwohl {others}. Ein Import gilt ganz oder gar nicht, es sei denn, Sie überspringen die fehlerhaften Datensätze: Korrigieren Sie die Datei und wählen Sie dann Erneut prüfen, oder importieren Sie die fehlerfreien und bewahren Sie die fehlerhaften zum Korrigieren in einer Datei auf.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing new to import: %n record(s) already in the database.</source>
        <translation>
            <numerusform>Nichts Neues zu importieren: Der Datensatz ist schon in der Datenbank.</numerusform>
            <numerusform>Nichts Neues zu importieren: Alle %Ln Datensätze sind schon in der Datenbank.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ready: Import adds {records} (%n) in one step you can undo.</source>
        <translation>
            <numerusform>Bereit: Importieren fügt {records} hinzu, ein Schritt, den Sie rückgängig machen können.</numerusform>
            <numerusform>Bereit: Importieren fügt {records} in einem Schritt hinzu, den Sie rückgängig machen können.</numerusform>
        </translation>
    </message>
    <message>
        <source>The check was stopped. Check again to go on.</source>
        <translation>Die Prüfung wurde angehalten. Wählen Sie Erneut prüfen, um fortzufahren.</translation>
    </message>
    <message>
        <source>The file cannot be imported: {message}</source>
        <translation>Die Datei kann nicht importiert werden: {message}</translation>
    </message>
</context>
<context>
    <name>ChoiceComboBox</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label} ist erforderlich.</translation>
    </message>
</context>
<context>
    <name>CompetencyCard</name>
    <message>
        <source>{name} (retired)</source>
        <translation>{name} (ausgelaufen)</translation>
    </message>
    <message>
        <source>{day}: {what}</source>
        <translation>{day}: {what}</translation>
    </message>
    <message>
        <source>At risk before the next anniversary:</source>
        <translation>Gefährdet vor dem nächsten Jubiläumsdatum:</translation>
    </message>
    <message>
        <source>At risk: {items}</source>
        <translation>Gefährdet: {items}</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>mpn-desktop: unexpected error</source>
        <translation>mpn-desktop: unerwarteter Fehler</translation>
    </message>
    <message>
        <source>&lt;b&gt;Something unexpected went wrong.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Etwas Unerwartetes ist schiefgegangen.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The action you were doing did not finish. Your data is safe: every change is saved in one step, so a change that was being saved was either saved whole or not at all. You can go on working, or quit and start mpn-desktop again.</source>
        <translation>Die Aktion, die Sie gerade ausgeführt haben, wurde nicht abgeschlossen. Ihre Daten sind sicher: Jede Änderung wird in einem Schritt gespeichert, eine gerade gespeicherte Änderung wurde also entweder ganz oder gar nicht gespeichert. Sie können weiterarbeiten oder mpn-desktop beenden und neu starten.</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>Fehlerdetails</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>Details &amp;kopieren</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>The details are on the clipboard.</source>
        <translation>Die Details sind in der Zwischenablage.</translation>
    </message>
    <message>
        <source>The log file could not be written, so the details are only here.</source>
        <translation>Die Protokolldatei konnte nicht geschrieben werden, die Details stehen daher nur hier.</translation>
    </message>
    <message>
        <source>The details were written to the log file:
{path}</source>
        <translation>Die Details wurden in die Protokolldatei geschrieben:
{path}</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>YYYY-MM-DD or {short}</source>
        <translation>JJJJ-MM-TT oder {short}</translation>
    </message>
    <message>
        <source>Enter a day (YYYY-MM-DD, such as 2018-03-01).</source>
        <translation>Geben Sie einen Tag ein (JJJJ-MM-TT, etwa 2018-03-01).</translation>
    </message>
    <message>
        <source>“{text}” is not a day: type it as 2018-03-01 or {short}.</source>
        <translation>„{text}“ ist kein Tag: Geben Sie ihn als 2018-03-01 oder {short} ein.</translation>
    </message>
</context>
<context>
    <name>DesignationCard</name>
    <message>
        <source> (your target)</source>
        <translation> (Ihr Ziel)</translation>
    </message>
    <message>
        <source>✓ qualified</source>
        <translation>✓ qualifiziert</translation>
    </message>
    <message>
        <source>not qualified yet</source>
        <translation>noch nicht qualifiziert</translation>
    </message>
    <message>
        <source>, {track} track</source>
        <translation>, Track {track}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{score}&lt;/b&gt; of 100 points (70 qualifies{track}): </source>
        <translation>&lt;b&gt;{score}&lt;/b&gt; von 100 Punkten (ab 70 qualifiziert{track}): </translation>
    </message>
    <message>
        <source>{name}: {score} of 100 points, {state}</source>
        <translation>{name}: {score} von 100 Punkten, {state}</translation>
    </message>
    <message>
        <source>{score} of 100 points; 70 qualifies</source>
        <translation>{score} von 100 Punkten; ab 70 qualifiziert</translation>
    </message>
    <message>
        <source>{have} of {most} points</source>
        <translation>{have} von {most} Punkten</translation>
    </message>
    <message>
        <source>Still missing:</source>
        <translation>Es fehlt noch:</translation>
    </message>
    <message>
        <source>Still missing: {items}</source>
        <translation>Es fehlt noch: {items}</translation>
    </message>
    <message>
        <source>Cheapest way to {score}:</source>
        <translation>Günstigster Weg zu {score}:</translation>
    </message>
    <message>
        <source>{track} {score}</source>
        <translation>{track} {score}</translation>
    </message>
    <message>
        <source>Tracks: {scores}</source>
        <translation>Tracks: {scores}</translation>
    </message>
    <message>
        <source>Tracks: {scores} (the higher total counts)</source>
        <translation>Tracks: {scores} (die höhere Summe zählt)</translation>
    </message>
    <message>
        <source>Cheapest way to {score}: {steps}</source>
        <translation>Günstigster Weg zu {score}: {steps}</translation>
    </message>
</context>
<context>
    <name>ExamsTab</name>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>MCP ID</source>
        <translation>MCP-ID</translation>
    </message>
    <message>
        <source>The person&apos;s Microsoft Certified Professional ID, on their transcript and in Partner Center&apos;s Training details.</source>
        <translation>Die Microsoft Certified Professional-ID der Person, auf ihrem Transcript und in den Trainingsdetails von Partner Center.</translation>
    </message>
    <message>
        <source>Associated</source>
        <translation>Verknüpft</translation>
    </message>
    <message>
        <source>Whether the person associated their MCP ID with your MPN ID (in Partner Center or on their certification profile). Only the exams of associated people count, for the competencies and the designations alike.</source>
        <translation>Ob die Person ihre MCP-ID mit Ihrer MPN-ID verknüpft hat (in Partner Center oder in ihrem Zertifizierungsprofil). Nur die Prüfungen verknüpfter Personen zählen, für die Kompetenzen wie für die Designations.</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>Ausgeschieden am</translation>
    </message>
    <message>
        <source>Counts for</source>
        <translation>Zählt für</translation>
    </message>
    <message>
        <source>What the person&apos;s exams count toward on the Status as of day: the competencies and their levels (2017-2018), or the Solutions Partner designations and their skilling metrics, with the steps where a metric has steps. Empty: nothing on that day (under the Solutions Partner program, the row&apos;s tooltip says why).</source>
        <translation>Wofür die Prüfungen der Person am Tag „Stand am“ zählen: die Kompetenzen und ihre Stufen (2017-2018) oder die Solutions Partner-Designations und ihre Qualifikationskennzahlen, mit den Schritten, wo eine Kennzahl Schritte hat. Leer: an diesem Tag für nichts (im Solutions Partner-Programm sagt die QuickInfo der Zeile, warum).</translation>
    </message>
    <message>
        <source>Add person…</source>
        <translation>Person hinzufügen…</translation>
    </message>
    <message>
        <source>Exams, assessments and certifications</source>
        <translation>Prüfungen, Assessments und Zertifizierungen</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Passed on</source>
        <translation>Bestanden am</translation>
    </message>
    <message>
        <source>Add exam…</source>
        <translation>Prüfung hinzufügen…</translation>
    </message>
    <message>
        <source>MCP ID: “{text}” is nobody&apos;s here (add the person first).</source>
        <translation>MCP-ID: „{text}“ gehört hier niemandem (legen Sie zuerst die Person an).</translation>
    </message>
    <message>
        <source>Not associated with your MPN ID: this person&apos;s exams do not count until they associate their MCP ID with the organisation.</source>
        <translation>Nicht mit Ihrer MPN-ID verknüpft: Die Prüfungen dieser Person zählen erst, wenn sie ihre MCP-ID mit der Organisation verknüpft.</translation>
    </message>
    <message>
        <source>Leaves or left the organisation on {day}.</source>
        <translation>Scheidet am {day} aus der Organisation aus oder ist ausgeschieden.</translation>
    </message>
    <message>
        <source>Exams, assessments and certifications of everyone ({count})</source>
        <translation>Prüfungen und Zertifizierungen aller Personen ({count})</translation>
    </message>
    <message>
        <source>Exams, assessments and certifications of {person} ({shown} of {count})</source>
        <translation>Prüfungen und Zertifizierungen von {person} ({shown} von {count})</translation>
    </message>
    <message>
        <source>Show everyone&apos;s</source>
        <translation>Alle anzeigen</translation>
    </message>
    <message>
        <source>Nobody is in the People list yet, and an exam is recorded for a person. Add the person first?</source>
        <translation>In der Personenliste steht noch niemand, und eine Prüfung wird für eine Person erfasst. Zuerst die Person hinzufügen?</translation>
    </message>
    <message>
        <source>Add &amp;person…</source>
        <translation>&amp;Person hinzufügen…</translation>
    </message>
    <message>
        <source>{code} earns {certification}, which {metric} counts.</source>
        <translation>{code} führt zu {certification}; das zählt für {metric}.</translation>
    </message>
</context>
<context>
    <name>FeeTab</name>
    <message>
        <source>Membership</source>
        <translation>Mitgliedschaft</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Ändern…</translation>
    </message>
    <message>
        <source>Change anniversary…</source>
        <translation>Jubiläumsdatum ändern…</translation>
    </message>
    <message>
        <source>Change the anniversary</source>
        <translation>Das Jubiläumsdatum ändern</translation>
    </message>
    <message>
        <source>Anniversary:</source>
        <translation>Jubiläumsdatum:</translation>
    </message>
    <message>
        <source>Membership year:</source>
        <translation>Mitgliedsjahr:</translation>
    </message>
    <message>
        <source>Fee this year:</source>
        <translation>Jahresgebühr:</translation>
    </message>
    <message>
        <source>Next renewal:</source>
        <translation>Verlängerung:</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <source>Membership year from</source>
        <translation>Mitgliedsjahr ab</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>Bezahlt am</translation>
    </message>
    <message>
        <source>Add payment…</source>
        <translation>Zahlung hinzufügen…</translation>
    </message>
    <message>
        <source>{day} {month} ({date})</source>
        <translation>{day}. {month} ({date})</translation>
    </message>
    <message>
        <source>not entered yet</source>
        <translation>noch nicht eingegeben</translation>
    </message>
    <message>
        <source>Enter the anniversary to see the membership year.</source>
        <translation>Geben Sie das Jubiläumsdatum ein, um das Mitgliedsjahr zu sehen.</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} bis {end}</translation>
    </message>
    <message>
        <source>Level recorded</source>
        <translation>Erfasste Stufe</translation>
    </message>
    <message>
        <source>The competency level (silver or gold) the payment was recorded at. The Solutions Partner fee has no level: one fee however many designations.</source>
        <translation>Die Kompetenzstufe (Silber oder Gold), mit der die Zahlung erfasst wurde. Die Solutions Partner-Gebühr hat keine Stufe: eine Gebühr für beliebig viele Designations.</translation>
    </message>
    <message>
        <source>amount not known</source>
        <translation>Betrag nicht bekannt</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>bezahlt</translation>
    </message>
    <message>
        <source>not paid yet</source>
        <translation>noch nicht bezahlt</translation>
    </message>
    <message>
        <source>{paid} paid for this membership year</source>
        <translation>{paid} bezahlt</translation>
    </message>
    <message>
        <source>nothing paid for this membership year</source>
        <translation>noch nichts bezahlt</translation>
    </message>
    <message>
        <source>{day}: {amount}, one fee however many designations: {state}</source>
        <translation>{day}: {amount}, eine Gebühr für beliebig viele Designations: {state}</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>Jubiläumsdatum</translation>
    </message>
    <message>
        <source>Change anniversary</source>
        <translation>Jubiläumsdatum ändern</translation>
    </message>
    <message>
        <source>Change anniversary to {day}</source>
        <translation>Jubiläumsdatum auf {day} ändern</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>The database was not opened.</source>
        <translation>Die Datenbank wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Datenbank öffnen</translation>
    </message>
    <message>
        <source>The team database was not opened.</source>
        <translation>Die Teamdatenbank wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>Open team database</source>
        <translation>Teamdatenbank öffnen</translation>
    </message>
    <message>
        <source>{file} is a CSV file, not a tracker database. Import the exam records in it into the open database?</source>
        <translation>{file} ist eine CSV-Datei, keine Tracker-Datenbank. Die Prüfungsergebnisse darin in die geöffnete Datenbank importieren?</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>{file} is a spreadsheet, not a tracker database. Load the organisation in it into the open database?</source>
        <translation>{file} ist eine Arbeitsmappe, keine Tracker-Datenbank. Die Organisation darin in die geöffnete Datenbank laden?</translation>
    </message>
    <message>
        <source>{file} is a JSON document, not a tracker database. Load the organisation in it into the open database?</source>
        <translation>{file} ist ein JSON-Dokument, keine Tracker-Datenbank. Die Organisation darin in die geöffnete Datenbank laden?</translation>
    </message>
    <message>
        <source>&amp;Load…</source>
        <translation>&amp;Laden…</translation>
    </message>
    <message>
        <source>Loading replaces everything in the open database; a backup of it is made first.</source>
        <translation>Das Laden ersetzt alles in der geöffneten Datenbank; vorher wird eine Sicherung davon erstellt.</translation>
    </message>
    <message>
        <source>Open recent</source>
        <translation>Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>{file} is not there any more (moved, renamed or deleted); it is taken off the list.</source>
        <translation>{file} ist nicht mehr vorhanden (verschoben, umbenannt oder gelöscht); die Datei wird aus der Liste entfernt.</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Neue Datenbank</translation>
    </message>
    <message>
        <source>{file} already exists; it is opened as it is.</source>
        <translation>{file} existiert bereits; die Datei wird unverändert geöffnet.</translation>
    </message>
    <message>
        <source>The organisation was not exported.</source>
        <translation>Die Organisation wurde nicht exportiert.</translation>
    </message>
    <message>
        <source>Exported the organisation to {file}.</source>
        <translation>Die Organisation wurde nach {file} exportiert.</translation>
    </message>
    <message>
        <source>Export JSON</source>
        <translation>JSON exportieren</translation>
    </message>
    <message>
        <source>Exported the organisation to the spreadsheet {file}.</source>
        <translation>Die Organisation wurde in die Arbeitsmappe {file} exportiert.</translation>
    </message>
    <message>
        <source>Export spreadsheet</source>
        <translation>Arbeitsmappe exportieren</translation>
    </message>
    <message>
        <source>Nothing was loaded from {file}.</source>
        <translation>Aus {file} wurde nichts geladen.</translation>
    </message>
    <message>
        <source>Loaded the organisation from {file}.</source>
        <translation>Die Organisation wurde aus {file} geladen.</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>Loading replaces everything in this database with the document&apos;s organisation, and cannot be undone. A backup is made first. Go on?</source>
        <translation>Das Laden ersetzt alles in dieser Datenbank durch die Organisation des Dokuments und kann nicht rückgängig gemacht werden. Vorher wird eine Sicherung erstellt. Fortfahren?</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Laden</translation>
    </message>
    <message>
        <source>Only a database file can be backed up.</source>
        <translation>Nur eine Datenbankdatei kann gesichert werden.</translation>
    </message>
    <message>
        <source>The backup was not made.</source>
        <translation>Die Sicherung wurde nicht erstellt.</translation>
    </message>
    <message>
        <source>Backed up the database to {file}.</source>
        <translation>Die Datenbank wurde nach {file} gesichert.</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Only a database file can be restored.</source>
        <translation>Nur eine Datenbankdatei kann wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Aus Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Backups of {file} ({pattern});;All files (*)</source>
        <translation>Sicherungen von {file} ({pattern});;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Replace everything in {database} with the backup {file}?</source>
        <translation>Alles in {database} durch die Sicherung {file} ersetzen?</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>What the database holds now is kept in a backup next to it, so this restore can itself be taken back the same way.</source>
        <translation>Was die Datenbank jetzt enthält, wird in einer Sicherung daneben aufbewahrt, sodass diese Wiederherstellung auf demselben Weg zurückgenommen werden kann.</translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation>Es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <source>The restored database was not opened.</source>
        <translation>Die wiederhergestellte Datenbank wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>Restored {database} from {file}.</source>
        <translation>{database} wurde aus {file} wiederhergestellt.</translation>
    </message>
    <message>
        <source>What it held before is in {file}.</source>
        <translation>Der vorherige Inhalt liegt in {file}.</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>Datei wählen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Path of the CSV file</source>
        <translation>Pfad der CSV-Datei</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>{path}: no such file.</source>
        <translation>{path}: Datei nicht vorhanden.</translation>
    </message>
    <message>
        <source>{path} is a folder; choose a file in it.</source>
        <translation>{path} ist ein Ordner; wählen Sie eine Datei darin.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>The latest changes, newest first (at most {count}).</source>
        <translation>Die letzten Änderungen, neueste zuerst (höchstens {count}).</translation>
    </message>
    <message>
        <source>No change has been saved to this database yet.</source>
        <translation>In dieser Datenbank wurde noch keine Änderung gespeichert.</translation>
    </message>
</context>
<context>
    <name>ImportsDialog</name>
    <message>
        <source>Past imports</source>
        <translation>Frühere Importe</translation>
    </message>
    <message>
        <source>Each import of exam records or sales data, newest first. Removing one takes out what it added and the people, customers and subscriptions only it created, and puts back the usage it had replaced; Edit ▸ Undo undoes that.</source>
        <translation>Jeder Import von Prüfungsergebnissen oder Verkaufsdaten, der neueste zuerst. Das Entfernen eines Imports nimmt heraus, was er hinzugefügt hat, samt der Personen, Kunden und Abonnements, die nur er angelegt hat, und stellt die Nutzung wieder her, die er ersetzt hatte; Bearbeiten ▸ Rückgängig macht das rückgängig.</translation>
    </message>
    <message>
        <source>No imports in this database yet: File ▸ Import exam records… (Ctrl+I) brings in a Partner Center training report, File ▸ Import sales data… a reconciliation file or a usage sheet.</source>
        <translation>Noch keine Importe in dieser Datenbank: Datei ▸ Prüfungsergebnisse importieren… (Strg+I) übernimmt einen Trainingsbericht aus Partner Center, Datei ▸ Verkaufsdaten importieren… eine Abstimmungsdatei oder ein Tabellenblatt mit Nutzungsdaten.</translation>
    </message>
    <message>
        <source>&amp;Remove import</source>
        <translation>Import &amp;entfernen</translation>
    </message>
</context>
<context>
    <name>ImportsModel</name>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Duplicates skipped</source>
        <translation>Übersprungene Duplikate</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Months held</source>
        <translation>Vorhandene Monate</translation>
    </message>
    <message>
        <source>A usage file bringing only some services of months the database held: whether its lines were added to those months or the months were replaced by them. Not recorded: the file brought whole months, or it was imported before the choice was recorded.</source>
        <translation>Eine Nutzungsdatei, die nur einen Teil der Dienste von Monaten brachte, die die Datenbank enthielt: ob ihre Zeilen diesen Monaten hinzugefügt oder die Monate durch sie ersetzt wurden. Nicht erfasst: die Datei brachte ganze Monate, oder sie wurde importiert, bevor die Wahl erfasst wurde.</translation>
    </message>
    <message>
        <source>{customers}, {subscriptions}</source>
        <translation>{customers}, {subscriptions}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln Kunde</numerusform>
            <numerusform>%Ln Kunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln subscription(s)</source>
        <translation>
            <numerusform>%Ln Abonnement</numerusform>
            <numerusform>%Ln Abonnements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln Person</numerusform>
            <numerusform>%Ln Personen</numerusform>
        </translation>
    </message>
    <message>
        <source>Lines added</source>
        <translation>Zeilen ergänzt</translation>
    </message>
    <message>
        <source>Replaced whole</source>
        <translation>Ganz ersetzt</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Nicht erfasst</translation>
    </message>
    <message numerus="yes">
        <source>, %Ln row(s) replaced</source>
        <translation>
            <numerusform>, %Ln Zeile ersetzt</numerusform>
            <numerusform>, %Ln Zeilen ersetzt</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage ({source})</source>
        <translation>Nutzung ({source})</translation>
    </message>
    <message>
        <source>Exam records</source>
        <translation>Prüfungsergebnisse</translation>
    </message>
</context>
<context>
    <name>LeadLinks</name>
    <message>
        <source>{item}: {action}.</source>
        <translation>{item}: {action}.</translation>
    </message>
    <message>
        <source>Opens Add exam on the Skilling tab with {code} ({certification}) filled in</source>
        <translation>Öffnet „Prüfung hinzufügen“ auf der Registerkarte Qualifikation, mit {code} ({certification}) ausgefüllt</translation>
    </message>
    <message>
        <source>Opens Add exam on the Skilling tab</source>
        <translation>Öffnet „Prüfung hinzufügen“ auf der Registerkarte Qualifikation</translation>
    </message>
    <message>
        <source>Opens Add customer on the Performance tab, then its subscription through {association}</source>
        <translation>Öffnet „Kunde hinzufügen“ auf der Registerkarte Leistung, danach sein Abonnement über {association}</translation>
    </message>
    <message>
        <source>Opens Add customer on the Performance tab</source>
        <translation>Öffnet „Kunde hinzufügen“ auf der Registerkarte Leistung</translation>
    </message>
    <message>
        <source>Opens Usage by month on the Performance tab: {what}</source>
        <translation>Öffnet „Nutzung nach Monat“ auf der Registerkarte Leistung: {what}</translation>
    </message>
</context>
<context>
    <name>LevelSection</name>
    <message>
        <source>Opens the form that adds it</source>
        <translation>Öffnet das Formular, das es hinzufügt</translation>
    </message>
    <message>
        <source>✓ attained</source>
        <translation>✓ erreicht</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source> (your target)</source>
        <translation> (Ihr Ziel)</translation>
    </message>
    <message>
        <source> — via {option}</source>
        <translation> – über {option}</translation>
    </message>
    <message>
        <source>Still missing:</source>
        <translation>Es fehlt noch:</translation>
    </message>
    <message>
        <source>Still missing for {level}: {items}</source>
        <translation>Für {level} fehlt noch: {items}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sales performance</source>
        <translation>Vertriebsleistung</translation>
    </message>
    <message>
        <source>Exams and people</source>
        <translation>Prüfungen und Personen</translation>
    </message>
    <message>
        <source>Customer references</source>
        <translation>Kundenreferenzen</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Gebühr</translation>
    </message>
    <message>
        <source>Performance and customer success</source>
        <translation>Leistung und Kundenerfolg</translation>
    </message>
    <message>
        <source>Skilling: people and certifications</source>
        <translation>Qualifikation: Personen und Zertifizierungen</translation>
    </message>
    <message>
        <source>MPN Competency Tracker</source>
        <translation>MPN Competency Tracker</translation>
    </message>
    <message>
        <source>The four steps</source>
        <translation>Die vier Schritte</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Status &amp;as of:</source>
        <translation>Stand &amp;am:</translation>
    </message>
    <message>
        <source>Status as of</source>
        <translation>Stand am</translation>
    </message>
    <message>
        <source>Move this day to plan ahead: everything shown follows it.</source>
        <translation>Verschieben Sie diesen Tag, um vorauszuplanen: Alles Angezeigte richtet sich danach.</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Heute</translation>
    </message>
    <message>
        <source>Show the status as of today</source>
        <translation>Den Status von heute anzeigen</translation>
    </message>
    <message>
        <source>&amp;Status panel</source>
        <translation>&amp;Statusbereich</translation>
    </message>
    <message>
        <source>&amp;{number} {title}</source>
        <translation>&amp;{number} {title}</translation>
    </message>
    <message>
        <source>Saved the checklist to {file}.</source>
        <translation>Die Checkliste wurde in {file} gespeichert.</translation>
    </message>
    <message>
        <source>The tables were not read again.</source>
        <translation>Die Tabellen wurden nicht neu gelesen.</translation>
    </message>
    <message>
        <source>{where} (read-only)</source>
        <translation>{where} (schreibgeschützt)</translation>
    </message>
    <message>
        <source>{title} — MPN Competency Tracker</source>
        <translation>{title} – MPN Competency Tracker</translation>
    </message>
    <message>
        <source>No databases opened yet</source>
        <translation>Noch keine Datenbanken geöffnet</translation>
    </message>
    <message>
        <source>The language changes when MPN Competency Tracker is started again.</source>
        <translation>Die Sprache ändert sich beim nächsten Start von MPN Competency Tracker.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Enthält</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>Column {name} holds</source>
        <translation>Spalte {name} enthält</translation>
    </message>
    <message>
        <source>(ignored)</source>
        <translation>(ignoriert)</translation>
    </message>
    <message>
        <source>Still needed: {what}.</source>
        <translation>Noch benötigt: {what}.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Dates such as {text} (line {line}) could be month-first or day-first: go Back and choose the date order.</source>
        <translation>Datumsangaben wie {text} (Zeile {line}) können Monat zuerst oder Tag zuerst sein: Gehen Sie zurück und wählen Sie die Datumsreihenfolge.</translation>
    </message>
    <message>
        <source>Your choice is remembered for the next file with these columns.</source>
        <translation>Ihre Wahl wird für die nächste Datei mit diesen Spalten gespeichert.</translation>
    </message>
    <message>
        <source>As you chose them for the last file with these columns.</source>
        <translation>So, wie Sie sie für die letzte Datei mit diesen Spalten gewählt haben.</translation>
    </message>
    <message>
        <source>Recognised from the column names.</source>
        <translation>An den Spaltennamen erkannt.</translation>
    </message>
</context>
<context>
    <name>MonthsBox</name>
    <message>
        <source>A&amp;dd the file&apos;s lines to these months</source>
        <translation>Die Zeilen der Datei zu diesen Monaten a&amp;ddieren</translation>
    </message>
    <message>
        <source>&amp;Replace these months with the file&apos;s lines</source>
        <translation>Diese Monate durch die Zeilen der Datei e&amp;rsetzen</translation>
    </message>
    <message>
        <source>For corrected or missing lines: the months keep their other services, and a service&apos;s figures are added to those already there.</source>
        <translation>Für korrigierte oder fehlende Zeilen: Die Monate behalten ihre übrigen Dienste, und die Zahlen eines Dienstes werden zu den vorhandenen addiert.</translation>
    </message>
    <message>
        <source>For a newer export of the whole months: the services the file does not bring are removed from them.</source>
        <translation>Für einen neueren Export der ganzen Monate: Die Dienste, die die Datei nicht bringt, werden aus ihnen entfernt.</translation>
    </message>
</context>
<context>
    <name>OrganisationDialog</name>
    <message>
        <source>Organisation and targets</source>
        <translation>Organisation und Ziele</translation>
    </message>
    <message>
        <source>Your organisation and what it aims for: cloud competencies (2017-2018) and Solutions Partner designations (from October 2022). Everything shown follows what you save here; Edit ▸ Undo takes a change back.</source>
        <translation>Ihre Organisation und was sie anstrebt: Cloud-Kompetenzen (2017-2018) und Solutions Partner-Designations (ab Oktober 2022). Alles Angezeigte richtet sich nach dem, was Sie hier speichern; Bearbeiten ▸ Rückgängig nimmt eine Änderung zurück.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Change organisation and targets</source>
        <translation>Organisation und Ziele ändern</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>This date cannot be read as it is (see the date order).</source>
        <translation>Dieses Datum kann so nicht gelesen werden (siehe Datumsreihenfolge).</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Unicode (UTF-8)</source>
        <translation>Unicode (UTF-8)</translation>
    </message>
    <message>
        <source>Unicode (UTF-8, with byte order mark)</source>
        <translation>Unicode (UTF-8, mit Byte-Order-Mark)</translation>
    </message>
    <message>
        <source>Unicode (UTF-16, Excel&apos;s Unicode text)</source>
        <translation>Unicode (UTF-16, Unicode-Text aus Excel)</translation>
    </message>
    <message>
        <source>Unicode (UTF-16 little-endian)</source>
        <translation>Unicode (UTF-16 Little Endian)</translation>
    </message>
    <message>
        <source>Unicode (UTF-16 big-endian)</source>
        <translation>Unicode (UTF-16 Big Endian)</translation>
    </message>
    <message>
        <source>Western European (Windows-1252)</source>
        <translation>Westeuropäisch (Windows-1252)</translation>
    </message>
    <message>
        <source>Central European (Windows-1250)</source>
        <translation>Mitteleuropäisch (Windows-1250)</translation>
    </message>
    <message>
        <source>Western European (ISO-8859-1)</source>
        <translation>Westeuropäisch (ISO-8859-1)</translation>
    </message>
    <message>
        <source>Western European with euro (ISO-8859-15)</source>
        <translation>Westeuropäisch mit Euro (ISO-8859-15)</translation>
    </message>
    <message>
        <source>Western European (Mac)</source>
        <translation>Westeuropäisch (Mac)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>The first records as they will be read. If the columns or letters look wrong, choose another encoding or delimiter.</source>
        <translation>Die ersten Datensätze, so wie sie gelesen werden. Wenn Spalten oder Buchstaben falsch aussehen, wählen Sie eine andere Kodierung oder ein anderes Trennzeichen.</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>Erkannt</translation>
    </message>
    <message>
        <source>As the dates tell</source>
        <translation>Wie die Datumsangaben zeigen</translation>
    </message>
    <message>
        <source>Month first (11/25/2017)</source>
        <translation>Monat zuerst (11/25/2017)</translation>
    </message>
    <message>
        <source>Day first (25/11/2017)</source>
        <translation>Tag zuerst (25/11/2017)</translation>
    </message>
    <message>
        <source>Header line</source>
        <translation>Kopfzeile</translation>
    </message>
    <message>
        <source>The line that names the columns; the lines above it are not imported.</source>
        <translation>Die Zeile, die die Spalten benennt; die Zeilen darüber werden nicht importiert.</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Kodierung:</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>&amp;Trennzeichen:</translation>
    </message>
    <message>
        <source>&amp;Header line:</source>
        <translation>Ko&amp;pfzeile:</translation>
    </message>
    <message>
        <source>D&amp;ate order:</source>
        <translation>D&amp;atumsreihenfolge:</translation>
    </message>
    <message>
        <source>First records of the file</source>
        <translation>Erste Datensätze der Datei</translation>
    </message>
    <message>
        <source>Line {line}: {cells}</source>
        <translation>Zeile {line}: {cells}</translation>
    </message>
    <message>
        <source>Try another encoding or delimiter above, or another file (Back).</source>
        <translation>Versuchen Sie oben eine andere Kodierung oder ein anderes Trennzeichen oder eine andere Datei (Zurück).</translation>
    </message>
    <message>
        <source>Detected ({name})</source>
        <translation>Erkannt ({name})</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s); {rows}.</source>
        <translation>
            <numerusform>%Ln Spalte; {rows}.</numerusform>
            <numerusform>%Ln Spalten; {rows}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the first %n record(s) shown</source>
        <translation>
            <numerusform>der erste Datensatz wird angezeigt</numerusform>
            <numerusform>die ersten %Ln Datensätze werden angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>The column names say it is {kind}.</source>
        <translation>Die Spaltennamen sagen, es handelt sich um {kind}.</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>ignoriert</translation>
    </message>
    <message>
        <source>No column was recognised as the date passed; choose it on the next page.</source>
        <translation>Keine Spalte wurde als Bestehensdatum erkannt; wählen Sie sie auf der nächsten Seite.</translation>
    </message>
    <message>
        <source>Still needed: {what}; choose it on the next page.</source>
        <translation>Noch benötigt: {what}; wählen Sie es auf der nächsten Seite.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>The months are read as the file writes them.</source>
        <translation>Die Monate werden so gelesen, wie die Datei sie schreibt.</translation>
    </message>
    <message>
        <source>Dates such as {text} (line {line}) could be month-first or day-first, and no date in the file tells which. Choose the date order above.</source>
        <translation>Datumsangaben wie {text} (Zeile {line}) können Monat zuerst oder Tag zuerst sein, und kein Datum in der Datei verrät, welches. Wählen Sie oben die Datumsreihenfolge.</translation>
    </message>
    <message>
        <source>Dates are read {order}, as chosen.</source>
        <translation>Datumsangaben werden wie gewählt gelesen: {order}.</translation>
    </message>
    <message>
        <source>But line {line} ({value}) can only be {order}: such dates will be errors.</source>
        <translation>Aber Zeile {line} ({value}) kann nur {order} sein: Solche Datumsangaben werden Fehler.</translation>
    </message>
    <message>
        <source>Dates are read {order}: line {line} has {value}.</source>
        <translation>Datumsangaben werden gelesen: {order}; Zeile {line} enthält {value}.</translation>
    </message>
    <message>
        <source>Every date reads the same in either order.</source>
        <translation>Jedes Datum liest sich in beiden Reihenfolgen gleich.</translation>
    </message>
</context>
<context>
    <name>ProblemModel</name>
    <message>
        <source>whole line</source>
        <translation>ganze Zeile</translation>
    </message>
</context>
<context>
    <name>ProgressSource</name>
    <message>
        <source>The status could not be worked out.</source>
        <translation>Der Status konnte nicht berechnet werden.</translation>
    </message>
</context>
<context>
    <name>RatesBox</name>
    <message>
        <source>The file&apos;s amounts are not all in US dollars. Give the rate of each currency (what one unit is worth in US$); rates are never guessed.</source>
        <translation>Die Beträge der Datei sind nicht alle in US-Dollar. Geben Sie den Kurs jeder Währung an (was eine Einheit in US$ wert ist); Kurse werden nie geraten.</translation>
    </message>
    <message>
        <source>&amp;Use these rates and check again</source>
        <translation>Diese Kurse &amp;verwenden und erneut prüfen</translation>
    </message>
    <message>
        <source>US$ per {currency}</source>
        <translation>US$ je {currency}</translation>
    </message>
    <message>
        <source>1 {currency} = US$</source>
        <translation>1 {currency} = US$</translation>
    </message>
    <message>
        <source>Type a rate above 0 for {currencies} (e.g. 1.18).</source>
        <translation>Geben Sie einen Kurs über 0 für {currencies} ein (z. B. 1.18).</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>* required</source>
        <translation>* erforderlich</translation>
    </message>
</context>
<context>
    <name>RecordSection</name>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the selected row of {title}</source>
        <translation>Die ausgewählte Zeile von {title} löschen</translation>
    </message>
    <message>
        <source>The table could not be read.</source>
        <translation>Die Tabelle konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Nothing here matches “{words}”.</source>
        <translation>Hier passt nichts zu „{words}“.</translation>
    </message>
    <message>
        <source>Nothing here for this choice.</source>
        <translation>Hier gibt es nichts für diese Auswahl.</translation>
    </message>
    <message>
        <source>Nothing yet: “{add}” adds the first one.</source>
        <translation>Noch nichts vorhanden: „{add}“ fügt den ersten Eintrag hinzu.</translation>
    </message>
    <message>
        <source>{field} of {record}</source>
        <translation>{field} von {record}</translation>
    </message>
    <message>
        <source>Not added: {reason}</source>
        <translation>Nicht hinzugefügt: {reason}</translation>
    </message>
    <message>
        <source>the database refused it.</source>
        <translation>die Datenbank hat es abgelehnt.</translation>
    </message>
    <message>
        <source>{count} {plural}</source>
        <translation>{count} {plural}</translation>
    </message>
    <message>
        <source>Nothing was deleted.</source>
        <translation>Es wurde nichts gelöscht.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n</source>
        <translation>
            <numerusform>Löschen</numerusform>
            <numerusform>%Ln löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>{label} is worked out from the other records.</source>
        <translation>{label} wird aus den anderen Datensätzen berechnet.</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>{label} (worked out, not edited)</source>
        <translation>{label} (berechnet, nicht bearbeitet)</translation>
    </message>
</context>
<context>
    <name>ReferencesTab</name>
    <message>
        <source>Customer references</source>
        <translation>Kundenreferenzen</translation>
    </message>
    <message>
        <source>Competency</source>
        <translation>Kompetenz</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Counts until</source>
        <translation>Zählt bis</translation>
    </message>
    <message>
        <source>Submitted on</source>
        <translation>Eingereicht am</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>Genehmigt am</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Ansprechpartner</translation>
    </message>
    <message>
        <source>Add reference…</source>
        <translation>Kundenreferenz hinzufügen…</translation>
    </message>
    <message>
        <source>Show references for</source>
        <translation>Kundenreferenzen anzeigen für</translation>
    </message>
    <message>
        <source>All competencies</source>
        <translation>Alle Kompetenzen</translation>
    </message>
    <message>
        <source>&amp;Competency:</source>
        <translation>&amp;Kompetenz:</translation>
    </message>
    <message>
        <source>There are no customers yet, and a reference is a customer&apos;s. Add the customer first? (Its subscriptions go on the Sales performance tab.)</source>
        <translation>Es gibt noch keine Kunden, und eine Kundenreferenz gehört zu einem Kunden. Zuerst den Kunden hinzufügen? (Seine Abonnements kommen auf die Registerkarte Vertriebsleistung.)</translation>
    </message>
    <message>
        <source>Add &amp;customer…</source>
        <translation>&amp;Kunde hinzufügen…</translation>
    </message>
    <message>
        <source>Suggested: {customer}, whose reference expired on {day}. Change the customer if another one is better to ask.</source>
        <translation>Vorgeschlagen: {customer}, dessen Kundenreferenz am {day} abgelaufen ist. Wählen Sie einen anderen Kunden, wenn Sie lieber einen anderen fragen.</translation>
    </message>
    <message>
        <source>Suggested: {customer}, whose reference stops counting after {day}. Change the customer if another one is better to ask.</source>
        <translation>Vorgeschlagen: {customer}, dessen Kundenreferenz nach dem {day} nicht mehr zählt. Wählen Sie einen anderen Kunden, wenn Sie lieber einen anderen fragen.</translation>
    </message>
    <message>
        <source>Suggested: {customer}, which has subscriptions this competency counts and no reference for it yet. Change the customer if another one is better to ask.</source>
        <translation>Vorgeschlagen: {customer} hat Abonnements, die für diese Kompetenz zählen, und noch keine Kundenreferenz dafür. Wählen Sie einen anderen Kunden, wenn Sie lieber einen anderen fragen.</translation>
    </message>
    <message>
        <source>expired on {day}</source>
        <translation>abgelaufen am {day}</translation>
    </message>
    <message>
        <source>Approved on: {approved} is before the day it was submitted ({submitted}).</source>
        <translation>Genehmigt am: {approved} liegt vor dem Tag der Einreichung ({submitted}).</translation>
    </message>
    <message>
        <source>a reference counts from that day.</source>
        <translation>eine Kundenreferenz zählt ab diesem Tag.</translation>
    </message>
    <message>
        <source>a reference counts for one year from that day.</source>
        <translation>eine Kundenreferenz zählt ab diesem Tag ein Jahr lang.</translation>
    </message>
    <message>
        <source>a reference counts for {years} years from that day.</source>
        <translation>eine Kundenreferenz zählt ab diesem Tag {years} Jahre lang.</translation>
    </message>
    <message>
        <source>Does not count yet: enter the day it was approved (Approved on); </source>
        <translation>Zählt noch nicht: Geben Sie den Tag der Genehmigung ein (Genehmigt am); </translation>
    </message>
    <message>
        <source>Expired on {day}: it no longer counts for its competency.</source>
        <translation>Abgelaufen am {day}: Sie zählt nicht mehr für ihre Kompetenz.</translation>
    </message>
    <message>
        <source>Expired on {day}: it no longer counts. Ask this customer (or another) for a new reference.</source>
        <translation>Abgelaufen am {day}: Sie zählt nicht mehr. Bitten Sie diesen Kunden (oder einen anderen) um eine neue Kundenreferenz.</translation>
    </message>
    <message>
        <source>Stops counting on {day}, before the next anniversary: ask this customer (or another) for a new reference.</source>
        <translation>Zählt ab {day} nicht mehr, vor dem nächsten Jubiläumsdatum: Bitten Sie diesen Kunden (oder einen anderen) um eine neue Kundenreferenz.</translation>
    </message>
</context>
<context>
    <name>RequirementsDialog</name>
    <message>
        <source>Requirements of the loaded catalogue</source>
        <translation>Anforderungen des geladenen Katalogs</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>An exam code, a competency, a figure (Ctrl+F)</source>
        <translation>Ein Prüfungscode, eine Kompetenz, eine Kennzahl (Strg+F)</translation>
    </message>
    <message>
        <source>Find in the requirements</source>
        <translation>In den Anforderungen suchen</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>Anforderungen</translation>
    </message>
    <message>
        <source>Requirements of the Solutions Partner designations</source>
        <translation>Anforderungen der Solutions Partner-Designations</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>The records are written in one transaction.</source>
        <translation>Die Datensätze werden in einer Transaktion geschrieben.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>&amp;Cancel import</source>
        <translation>Import &amp;abbrechen</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Import läuft…</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: the file changed since the check and now has %n problem(s). Start the import again to see them.</source>
        <translation>
            <numerusform>Es wurde nichts importiert: Die Datei hat sich seit der Prüfung geändert und hat jetzt %Ln Problem. Starten Sie den Import erneut, um es zu sehen.</numerusform>
            <numerusform>Es wurde nichts importiert: Die Datei hat sich seit der Prüfung geändert und hat jetzt %Ln Probleme. Starten Sie den Import erneut, um sie zu sehen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported: since the check, the file or the database changed, and the file now brings only some services of months the database holds. Start the import again to choose what to do with them.</source>
        <translation>Es wurde nichts importiert: Seit der Prüfung hat sich die Datei oder die Datenbank geändert, und die Datei bringt jetzt nur einen Teil der Dienste von Monaten, die die Datenbank enthält. Starten Sie den Import erneut, um zu wählen, was mit ihnen geschehen soll.</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) added</source>
        <translation>
            <numerusform>%Ln Person angelegt</numerusform>
            <numerusform>%Ln Personen angelegt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%Ln Kunde</numerusform>
            <numerusform>%Ln Kunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n subscription(s)</source>
        <translation>
            <numerusform>%Ln Abonnement</numerusform>
            <numerusform>%Ln Abonnements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) with errors skipped and saved to {path}. </source>
        <translation>
            <numerusform>%Ln fehlerhafter Datensatz wurde übersprungen und in {path} gespeichert. </numerusform>
            <numerusform>%Ln fehlerhafte Datensätze wurden übersprungen und in {path} gespeichert. </numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing new was imported.</source>
        <translation>Es wurde nichts Neues importiert.</translation>
    </message>
    <message>
        <source>Imported {records} from {file} ({added}). </source>
        <translation>{records} aus {file} importiert ({added}). </translation>
    </message>
    <message>
        <source>Edit ▸ Undo removes the whole import.</source>
        <translation>Bearbeiten ▸ Rückgängig entfernt den ganzen Import.</translation>
    </message>
    <message>
        <source>{customers} and {subscriptions} added</source>
        <translation>{customers} und {subscriptions} angelegt</translation>
    </message>
    <message>
        <source>The skipped records were not saved: {error}. </source>
        <translation>Die übersprungenen Datensätze wurden nicht gespeichert: {error}. </translation>
    </message>
    <message>
        <source>The import was cancelled: nothing was written.</source>
        <translation>Der Import wurde abgebrochen: Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Nothing was imported: {message}</source>
        <translation>Es wurde nichts importiert: {message}</translation>
    </message>
</context>
<context>
    <name>SalesTab</name>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Tenant ID</source>
        <translation>Mandanten-ID</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>The customer&apos;s Microsoft tenant: its ID (a GUID) or its domain (contoso.onmicrosoft.com), as Partner Center&apos;s customer list and the reconciliation files show it. Optional: it tells two customers of the same name apart.</source>
        <translation>Der Microsoft-Mandant des Kunden: seine ID (eine GUID) oder seine Domäne (contoso.onmicrosoft.com), wie die Kundenliste von Partner Center und die Abstimmungsdateien ihn zeigen. Optional: Er unterscheidet zwei Kunden gleichen Namens.</translation>
    </message>
    <message>
        <source>Add customer…</source>
        <translation>Kunde hinzufügen…</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>The subscription&apos;s ID as Microsoft shows it (the Azure portal, Partner Center, the reconciliation file&apos;s SubscriptionId), or any name you give it: it only has to be unique here.</source>
        <translation>Die ID des Abonnements, wie Microsoft sie zeigt (Azure-Portal, Partner Center, SubscriptionId der Abstimmungsdatei), oder ein beliebiger Name, den Sie ihm geben: Er muss hier nur eindeutig sein.</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>Workload</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>Zuordnung</translation>
    </message>
    <message>
        <source>How the customer linked the subscription to you. DPOR (Digital Partner of Record): the customer names you in the Azure portal or Office 365 admin centre, one partner per subscription. Delegated admin: the customer made you its administrator. Transacting: you sell it (CSP). FastTrack: you are its FastTrack partner. CPOR (Claiming Partner of Record): you filed a claim for it in Partner Center. Partner Admin Link: your partner ID is linked to the credentials you manage its Azure resources with. Each competency and designation accepts some of these only (Help ▸ Requirements).</source>
        <translation>Wie der Kunde das Abonnement mit Ihnen verknüpft hat. DPOR (Digital Partner of Record): Der Kunde nennt Sie im Azure-Portal oder im Office 365 Admin Center, ein Partner je Abonnement. Delegierter Administrator: Der Kunde hat Sie zu seinem Administrator gemacht. Transacting: Sie verkaufen es (CSP). FastTrack: Sie sind sein FastTrack-Partner. CPOR (Claiming Partner of Record): Sie haben es im Partner Center beansprucht. Partner Admin Link: Ihre Partner-ID ist mit den Anmeldedaten verknüpft, mit denen Sie seine Azure-Ressourcen verwalten. Jede Kompetenz und Designation akzeptiert nur einige davon (Hilfe ▸ Anforderungen).</translation>
    </message>
    <message>
        <source>Associated on</source>
        <translation>Zugeordnet am</translation>
    </message>
    <message>
        <source>The day the association was made. Usage counts from that day on, never before it.</source>
        <translation>Der Tag, an dem die Zuordnung erfolgte. Die Nutzung zählt ab diesem Tag, nie davor.</translation>
    </message>
    <message>
        <source>Started on</source>
        <translation>Begonnen am</translation>
    </message>
    <message>
        <source>Ended on</source>
        <translation>Beendet am</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>Testversion</translation>
    </message>
    <message>
        <source>Add subscription…</source>
        <translation>Neues Abonnement…</translation>
    </message>
    <message>
        <source>Monthly usage</source>
        <translation>Monatliche Nutzung</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>all services</source>
        <translation>alle Dienste</translation>
    </message>
    <message>
        <source>The Azure service or the product the figures are for (a reconciliation file&apos;s ServiceName, e.g. Storage, or Teams), when a month is split by service. Empty: the subscription&apos;s total for the month. The Solutions Partner designations count distinct Azure services and judge a workload&apos;s seats on its own.</source>
        <translation>Der Azure-Dienst oder das Produkt, für das die Zahlen gelten (ServiceName einer Abstimmungsdatei, z. B. Storage oder Teams), wenn ein Monat nach Diensten aufgeteilt ist. Leer: die Summe des Abonnements für den Monat. Die Solutions Partner-Designations zählen verschiedene Azure-Dienste und beurteilen die Lizenzen jeder Workload für sich.</translation>
    </message>
    <message>
        <source>Consumption</source>
        <translation>Verbrauch</translation>
    </message>
    <message>
        <source>The day the customer&apos;s subscription began. A customer whose first subscription of a workload began in the last 12 months is a new customer for the 2017-2018 competencies that count them (the designations count customers by their monthly usage).</source>
        <translation>Der Tag, an dem das Abonnement des Kunden begann. Ein Kunde, dessen erstes Abonnement einer Workload in den letzten 12 Monaten begann, ist ein Neukunde für die Kompetenzen von 2017-2018, die Neukunden zählen (die Designations zählen Kunden nach ihrer monatlichen Nutzung).</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Active users</source>
        <translation>Aktive Benutzer</translation>
    </message>
    <message>
        <source>Paid seats</source>
        <translation>Bezahlte Lizenzen</translation>
    </message>
    <message>
        <source>Licences paid for at the end of the month (a license-based file&apos;s seats). The Solutions Partner designations judge a Microsoft 365 tenant by its paid seats and the share of them in use.</source>
        <translation>Am Monatsende bezahlte Lizenzen (die Seats einer lizenzbasierten Datei). Die Solutions Partner-Designations beurteilen einen Microsoft 365-Mandanten nach seinen bezahlten Lizenzen und dem genutzten Anteil davon.</translation>
    </message>
    <message>
        <source>months of usage</source>
        <translation>Nutzungsmonate</translation>
    </message>
    <message>
        <source>Add month…</source>
        <translation>Monat hinzufügen…</translation>
    </message>
    <message>
        <source>Customers and &amp;subscriptions</source>
        <translation>Kunden und &amp;Abonnements</translation>
    </message>
    <message>
        <source>Usage by &amp;month</source>
        <translation>Nutzung nach &amp;Monat</translation>
    </message>
    <message>
        <source>&lt;b&gt;{metric}&lt;/b&gt; counts {what}. Type the months below, or &lt;a href=&apos;import&apos;&gt;import sales data…&lt;/a&gt; &lt;a href=&apos;hide&apos;&gt;Hide&lt;/a&gt;</source>
        <translation>&lt;b&gt;{metric}&lt;/b&gt; zählt: {what}. Geben Sie die Monate unten ein oder &lt;a href=&apos;import&apos;&gt;importieren Sie Vertriebsdaten…&lt;/a&gt; &lt;a href=&apos;hide&apos;&gt;Ausblenden&lt;/a&gt;</translation>
    </message>
    <message>
        <source>{metric} counts {what}</source>
        <translation>{metric} zählt: {what}</translation>
    </message>
    <message>
        <source>{metric} counts {what}.</source>
        <translation>{metric} zählt: {what}.</translation>
    </message>
    <message>
        <source>Usage of every subscription</source>
        <translation>Nutzung aller Abonnements</translation>
    </message>
    <message>
        <source>Imported usage</source>
        <translation>Importierte Nutzung</translation>
    </message>
    <message>
        <source>Usage imported from {file}</source>
        <translation>Aus {file} importierte Nutzung</translation>
    </message>
    <message>
        <source>Show all usage</source>
        <translation>Alle Nutzung anzeigen</translation>
    </message>
    <message>
        <source>Choose a subscription above to see its monthly usage.</source>
        <translation>Wählen Sie oben ein Abonnement, um seine monatliche Nutzung zu sehen.</translation>
    </message>
    <message>
        <source>Choose a subscription above.</source>
        <translation>Wählen Sie oben ein Abonnement.</translation>
    </message>
    <message>
        <source>Usage of {subscription}</source>
        <translation>Nutzung von {subscription}</translation>
    </message>
    <message>
        <source>There are no customers yet, and a subscription belongs to a customer. Add the customer first?</source>
        <translation>Es gibt noch keine Kunden, und ein Abonnement gehört zu einem Kunden. Zuerst den Kunden hinzufügen?</translation>
    </message>
    <message>
        <source>Add &amp;customer…</source>
        <translation>&amp;Kunde hinzufügen…</translation>
    </message>
    <message>
        <source>Choose a subscription first.</source>
        <translation>Wählen Sie zuerst ein Abonnement.</translation>
    </message>
    <message>
        <source>A trial subscription: its usage never counts.</source>
        <translation>Ein Testabonnement: Seine Nutzung zählt nie.</translation>
    </message>
    <message>
        <source>Ended on: {ended} is before it started ({started}).</source>
        <translation>Beendet am: {ended} liegt vor dem Beginn ({started}).</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Done: {what}.</source>
        <translation>Erledigt: {what}.</translation>
    </message>
    <message>
        <source>Undone: {what}.</source>
        <translation>Rückgängig gemacht: {what}.</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Competency status</source>
        <translation>Kompetenzstatus</translation>
    </message>
    <message>
        <source>No organisation yet.</source>
        <translation>Noch keine Organisation.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;Status as of {day}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;Stand am {day}</translation>
    </message>
    <message>
        <source>Your organisation</source>
        <translation>Ihre Organisation</translation>
    </message>
    <message>
        <source>No target competency yet: choose the competencies and levels to aim for with Edit ▸ Organisation and targets… (Ctrl+Shift+T).</source>
        <translation>Noch keine Zielkompetenz: Wählen Sie die angestrebten Kompetenzen und Stufen unter Bearbeiten ▸ Organisation und Ziele… (Strg+Umschalt+T).</translation>
    </message>
    <message>
        <source>Designation status</source>
        <translation>Designationsstatus</translation>
    </message>
    <message>
        <source>No designation is targeted: every designation&apos;s score is shown. The targets of the 2017-2018 competencies carry over to their designations (Edit ▸ Organisation and targets…).</source>
        <translation>Keine Solutions Partner-Designation als Ziel gewählt: Die Punktzahl jeder Designation wird angezeigt. Die Ziele der Kompetenzen von 2017–2018 gehen auf ihre Designations über (Bearbeiten ▸ Organisation und Ziele…).</translation>
    </message>
    <message>
        <source>Fewer details</source>
        <translation>Weniger Details</translation>
    </message>
    <message>
        <source>The requirements may differ on this day.</source>
        <translation>Die Anforderungen können an diesem Tag abweichen.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Fee: no competency level to pay for yet.</source>
        <translation>Gebühr: noch keine Kompetenzstufe zu bezahlen.</translation>
    </message>
    <message>
        <source>Fee this year: {this_year}&lt;br&gt;Next renewal: {renewal}</source>
        <translation>Jahresgebühr: {this_year}&lt;br&gt;Verlängerung: {renewal}</translation>
    </message>
</context>
<context>
    <name>StepTab</name>
    <message>
        <source>Search this tab</source>
        <translation>Diese Registerkarte durchsuchen</translation>
    </message>
    <message>
        <source>Search ({shortcut})</source>
        <translation>Suchen ({shortcut})</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Fin&amp;d:</source>
        <translation>Such&amp;en:</translation>
    </message>
    <message>
        <source>Show the summary</source>
        <translation>Übersicht zeigen</translation>
    </message>
    <message>
        <source>Hide the summary</source>
        <translation>Übersicht ausblenden</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
</context>
<context>
    <name>TableTransfer</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>Export table as &amp;CSV…</source>
        <translation>Tabelle als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>There is nothing to paste (the clipboard holds no text).</source>
        <translation>Es gibt nichts einzufügen (die Zwischenablage enthält keinen Text).</translation>
    </message>
    <message>
        <source>Pasted {added} new and {changed} changed; refused {count}:
{rows}</source>
        <translation>{added} neu eingefügt und {changed} geändert; {count} abgelehnt:
{rows}</translation>
    </message>
    <message>
        <source>Not pasted (no column takes them): {columns}.</source>
        <translation>Nicht eingefügt (keine Spalte nimmt sie auf): {columns}.</translation>
    </message>
    <message>
        <source>Pasted {added} and {changed} into {table}.</source>
        <translation>{added} und {changed} in {table} eingefügt.</translation>
    </message>
    <message numerus="yes">
        <source>%n new row(s)</source>
        <translation>
            <numerusform>%Ln neue Zeile</numerusform>
            <numerusform>%Ln neue Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed row(s)</source>
        <translation>
            <numerusform>%Ln geänderte Zeile</numerusform>
            <numerusform>%Ln geänderte Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Export table as CSV</source>
        <translation>Tabelle als CSV exportieren</translation>
    </message>
    <message>
        <source>The table was not exported.</source>
        <translation>Die Tabelle wurde nicht exportiert.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) of {table} to {file}.</source>
        <translation>
            <numerusform>%Ln Zeile von {table} nach {file} exportiert.</numerusform>
            <numerusform>%Ln Zeilen von {table} nach {file} exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamDatabaseDialog</name>
    <message>
        <source>Open team database</source>
        <translation>Teamdatenbank öffnen</translation>
    </message>
    <message>
        <source>A PostgreSQL database the team shares. The password is not asked here: it is read from your ~/.pgpass file (or a service file), as psql does.</source>
        <translation>Eine PostgreSQL-Datenbank, die das Team gemeinsam nutzt. Das Passwort wird hier nicht abgefragt: Es wird wie bei psql aus Ihrer Datei ~/.pgpass (oder einer Servicedatei) gelesen.</translation>
    </message>
    <message>
        <source>db.example.com (empty: this computer)</source>
        <translation>db.example.com (leer: dieser Computer)</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
</context>
<context>
    <name>UndoRedoAction</name>
    <message>
        <source>Redo: {what}</source>
        <translation>Wiederholen: {what}</translation>
    </message>
    <message>
        <source>Undo: {what}</source>
        <translation>Rückgängig: {what}</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
</context>
<context>
    <name>UsageChart</name>
    <message>
        <source>No targeted competency measures usage month by month.</source>
        <translation>Keine angestrebte Kompetenz misst die Nutzung Monat für Monat.</translation>
    </message>
    <message>
        <source>No targeted designation measures usage growth month by month.</source>
        <translation>Keine angestrebte Designation misst das Nutzungswachstum Monat für Monat.</translation>
    </message>
    <message>
        <source>Click a part to see its months in the grid below.</source>
        <translation>Einen Teil anklicken, um seine Monate in der Tabelle unten zu sehen.</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} bis {last}</translation>
    </message>
    <message>
        <source>{level}: {value}</source>
        <translation>{level}: {value}</translation>
    </message>
    <message>
        <source>{level}: {value} a month</source>
        <translation>{level}: {value} pro Monat</translation>
    </message>
</context>
<context>
    <name>UsageChartDrawing</name>
    <message>
        <source>Designation charted</source>
        <translation>Im Diagramm gezeigte Designation</translation>
    </message>
    <message>
        <source>Chart the usage &amp;growth of:</source>
        <translation>Nutzungs&amp;wachstum im Diagramm für:</translation>
    </message>
    <message>
        <source>{designation}: usage growth by month in {count} parts, their points added up</source>
        <translation>{designation}: Nutzungswachstum nach Monat in {count} Teilen, ihre Punkte addiert</translation>
    </message>
    <message>
        <source>{designation}: {figure} by month, {first} and {last} compared</source>
        <translation>{designation}: {figure} nach Monat, {first} und {last} verglichen</translation>
    </message>
    <message>
        <source>{level}: {sentence}</source>
        <translation>{level}: {sentence}</translation>
    </message>
    <message>
        <source>{competency}: {measure}, credited by month</source>
        <translation>{competency}: {measure}, nach Monat angerechnet</translation>
    </message>
</context>
<context>
    <name>UsageGridEdits</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) of usage</source>
        <translation>
            <numerusform>%Ln Monat Nutzung</numerusform>
            <numerusform>%Ln Monate Nutzung</numerusform>
        </translation>
    </message>
    <message>
        <source>usage of {month}</source>
        <translation>Nutzung von {month}</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… und {count} weitere</translation>
    </message>
    <message numerus="yes">
        <source>Pasted %n cell(s); refused {refused}:
{rows}</source>
        <translation>
            <numerusform>%Ln Zelle eingefügt; {refused} abgelehnt:
{rows}</numerusform>
            <numerusform>%Ln Zellen eingefügt; {refused} abgelehnt:
{rows}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsageGridSection</name>
    <message>
        <source>Usage by month</source>
        <translation>Nutzung nach Monat</translation>
    </message>
    <message>
        <source>Figure shown</source>
        <translation>Angezeigte Kennzahl</translation>
    </message>
    <message>
        <source>&lt;b&gt;Usage by month&lt;/b&gt;</source>
        <translation>&lt;b&gt;Nutzung nach Monat&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The usage by month of {day} could not be worked out: the window showed why.</source>
        <translation>Die Nutzung nach Monat am {day} konnte nicht ermittelt werden: Das Fenster hat den Grund genannt.</translation>
    </message>
    <message>
        <source>Working out the usage by month of {day}…</source>
        <translation>Die Nutzung nach Monat am {day} wird ermittelt …</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Gezählt</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to the MPN Competency Tracker</source>
        <translation>Willkommen beim MPN Competency Tracker</translation>
    </message>
    <message>
        <source>Tell the tracker about your organisation and what it aims for: cloud competencies (2017-2018) or Solutions Partner designations (from October 2022). You can change all of this later (Edit ▸ Organisation and targets).</source>
        <translation>Erzählen Sie dem Tracker von Ihrer Organisation und dem, was sie anstrebt: Cloud-Kompetenzen (2017-2018) oder Solutions Partner-Designations (ab Oktober 2022). Sie können all das später ändern (Bearbeiten ▸ Organisation und Ziele).</translation>
    </message>
    <message>
        <source>&amp;Create organisation</source>
        <translation>Organisation &amp;anlegen</translation>
    </message>
    <message>
        <source>Load the &amp;sample organisation</source>
        <translation>&amp;Beispielorganisation laden</translation>
    </message>
    <message>
        <source>Fills the database with Contoso Cloud Ltd, a made-up partner, to look around.</source>
        <translation>Füllt die Datenbank mit Contoso Cloud Ltd, einem erfundenen Partner, zum Ausprobieren.</translation>
    </message>
    <message>
        <source>Your organisation</source>
        <translation>Ihre Organisation</translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation>Name der Organisation</translation>
    </message>
    <message>
        <source>Contoso Cloud Ltd</source>
        <translation>Contoso Cloud Ltd</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>MPN ID</source>
        <translation>MPN-ID</translation>
    </message>
    <message>
        <source>&amp;MPN ID:</source>
        <translation>&amp;MPN-ID:</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Markt</translation>
    </message>
    <message>
        <source>Developed market</source>
        <translation>Entwickelter Markt</translation>
    </message>
    <message>
        <source>Developing market</source>
        <translation>Entwicklungsmarkt</translation>
    </message>
    <message>
        <source>Whether Microsoft counts your country as a developed or a developing market; Partner Center shows it for your location (ask your Microsoft partner contact when unsure). Developing markets have lower sales thresholds for some competencies: Cloud Platform silver needs US$ 10,000 of Azure consumption there instead of US$ 15,000.</source>
        <translation>Ob Microsoft Ihr Land als entwickelten Markt oder als Entwicklungsmarkt einstuft; Partner Center zeigt es für Ihren Standort an (fragen Sie im Zweifel Ihren Microsoft-Partnerkontakt). In Entwicklungsmärkten gelten für einige Kompetenzen niedrigere Umsatzschwellen: Cloud Platform Silber verlangt dort US$ 10.000 Azure-Verbrauch statt US$ 15.000.</translation>
    </message>
    <message>
        <source>Mar&amp;ket:</source>
        <translation>Mar&amp;kt:</translation>
    </message>
    <message>
        <source>Membership anniversary</source>
        <translation>Jubiläumsdatum der Mitgliedschaft</translation>
    </message>
    <message>
        <source>The day your membership year starts each year: the day your organisation joined or last renewed, shown in Partner Center (Account settings &gt; Legal info, or the Membership page). The yearly fee is due on it.</source>
        <translation>Der Tag, an dem Ihr Mitgliedsjahr jedes Jahr beginnt: der Tag, an dem Ihre Organisation beigetreten ist oder zuletzt verlängert hat, angezeigt in Partner Center (Kontoeinstellungen &gt; Rechtliche Informationen oder die Seite Mitgliedschaft). Die Jahresgebühr ist an diesem Tag fällig.</translation>
    </message>
    <message>
        <source>When your membership year starts; the yearly fee is due on it.</source>
        <translation>Wann Ihr Mitgliedsjahr beginnt; die Jahresgebühr ist an diesem Tag fällig.</translation>
    </message>
    <message>
        <source>&amp;Anniversary:</source>
        <translation>&amp;Jubiläumsdatum:</translation>
    </message>
    <message>
        <source>Competencies to aim for</source>
        <translation>Angestrebte Kompetenzen</translation>
    </message>
    <message>
        <source>Level to aim for in {name}</source>
        <translation>Angestrebte Stufe in {name}</translation>
    </message>
    <message>
        <source>Not a target</source>
        <translation>Kein Ziel</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Silber</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <source>Solutions Partner designations to aim for (from October 2022)</source>
        <translation>Angestrebte Solutions Partner-Designations (ab Oktober 2022)</translation>
    </message>
    <message>
        <source>With none ticked, the 2017-2018 competency targets carry over to their designations on days from October 2022 (Cloud Platform to Infrastructure, Cloud Productivity and Small and Midmarket to Modern Work, Cloud CRM to Business Applications, Enterprise Mobility Management to Security).</source>
        <translation>Ist keine angekreuzt, gehen die Kompetenzziele von 2017-2018 ab Oktober 2022 auf ihre Designations über (Cloud Platform auf Infrastruktur, Cloud Productivity und Small and Midmarket auf Modern Work, Cloud CRM auf Geschäftsanwendungen, Enterprise Mobility Management auf Sicherheit).</translation>
    </message>
    <message>
        <source>Enter your organisation&apos;s name.</source>
        <translation>Geben Sie den Namen Ihrer Organisation ein.</translation>
    </message>
    <message>
        <source>Enter your MPN ID (Partner Center ▸ Account settings).</source>
        <translation>Geben Sie Ihre MPN-ID ein (Partner Center ▸ Kontoeinstellungen).</translation>
    </message>
    <message>
        <source>An MPN ID is 4 to 10 digits, such as 4123456.</source>
        <translation>Eine MPN-ID hat 4 bis 10 Ziffern, etwa 4123456.</translation>
    </message>
    <message>
        <source>Enter your membership anniversary (the day your fee is due).</source>
        <translation>Geben Sie das Jubiläumsdatum Ihrer Mitgliedschaft ein (den Tag, an dem Ihre Gebühr fällig ist).</translation>
    </message>
    <message>
        <source>Choose at least one competency and its level, or a designation, to aim for.</source>
        <translation>Wählen Sie mindestens eine Kompetenz und ihre Stufe oder eine Designation als Ziel.</translation>
    </message>
    <message>
        <source>The membership year is worked out from it: the one holding today that starts on its day and month (the year typed does not matter).</source>
        <translation>Das Mitgliedsjahr ergibt sich daraus: das Jahr, das heute enthält und an seinem Tag und Monat beginnt (das eingegebene Jahr spielt keine Rolle).</translation>
    </message>
    <message>
        <source>The membership year worked out from it: {start} to {end}.</source>
        <translation>Das daraus ermittelte Mitgliedsjahr: {start} bis {end}.</translation>
    </message>
    <message>
        <source>The organisation was not saved.</source>
        <translation>Die Organisation wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>The sample was not loaded.</source>
        <translation>Das Beispiel wurde nicht geladen.</translation>
    </message>
</context>
<context>
    <name>WindowUsageReader</name>
    <message>
        <source>The usage by month could not be read.</source>
        <translation>Die Nutzung nach Monat konnte nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>The requirements catalogue cannot be used</source>
        <translation>Der Anforderungskatalog kann nicht verwendet werden</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Print checklist</source>
        <translation>Checkliste drucken</translation>
    </message>
</context>
</TS>

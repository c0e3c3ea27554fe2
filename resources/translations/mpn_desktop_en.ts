<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name></name>
    <message numerus="yes">
        <source>%n subscription(s)</source>
        <translation>
            <numerusform>%Ln subscription</numerusform>
            <numerusform>%Ln subscriptions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) of usage</source>
        <translation>
            <numerusform>%Ln month of usage</numerusform>
            <numerusform>%Ln months of usage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reference(s)</source>
        <translation>
            <numerusform>%Ln reference</numerusform>
            <numerusform>%Ln references</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n exam result(s)</source>
        <translation>
            <numerusform>%Ln exam result</numerusform>
            <numerusform>%Ln exam results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other record(s)</source>
        <translation>
            <numerusform>%Ln other record</numerusform>
            <numerusform>%Ln other records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n usage row(s)</source>
        <translation>
            <numerusform>%Ln usage row</numerusform>
            <numerusform>%Ln usage rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n exam record(s)</source>
        <translation>
            <numerusform>%Ln exam record</numerusform>
            <numerusform>%Ln exam records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s)</source>
        <translation>
            <numerusform>%Ln duplicate</numerusform>
            <numerusform>%Ln duplicates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%Ln error</numerusform>
            <numerusform>%Ln errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unknown code(s)</source>
        <translation>
            <numerusform>%Ln unknown code</numerusform>
            <numerusform>%Ln unknown codes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n usage row(s) from {file}</source>
        <translation>
            <numerusform>Import %Ln usage row from {file}</numerusform>
            <numerusform>Import %Ln usage rows from {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n exam record(s) from {file}</source>
        <translation>
            <numerusform>Import %Ln exam record from {file}</numerusform>
            <numerusform>Import %Ln exam records from {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove the import of %n usage row(s) from {file}</source>
        <translation>
            <numerusform>Remove the import of %Ln usage row from {file}</numerusform>
            <numerusform>Remove the import of %Ln usage rows from {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove the import of %n exam record(s) from {file}</source>
        <translation>
            <numerusform>Remove the import of %Ln exam record from {file}</numerusform>
            <numerusform>Remove the import of %Ln exam records from {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%Ln month</numerusform>
            <numerusform>%Ln months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message numerus="yes">
        <source>Import the %n good row(s), skip {bad}</source>
        <translation>
            <numerusform>Import the %Ln good row, skip {bad}</numerusform>
            <numerusform>Import the %Ln good rows, skip {bad}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the %n other record(s) fine</source>
        <translation>
            <numerusform>the one other record is fine</numerusform>
            <numerusform>the %Ln other records are fine</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing can be imported: %n problem(s) in the file (listed below), though {others}. An import is all or nothing unless you skip the bad records: fix the file, then Check again, or import the good ones and keep the bad ones in a file to fix.</source>
        <translation>
            <numerusform>Nothing can be imported: %Ln problem in the file (listed below), though {others}. An import is all or nothing unless you skip the bad records: fix the file, then Check again, or import the good ones and keep the bad ones in a file to fix.</numerusform>
            <numerusform>Nothing can be imported: %Ln problems in the file (listed below), though {others}. An import is all or nothing unless you skip the bad records: fix the file, then Check again, or import the good ones and keep the bad ones in a file to fix.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing new to import: %n record(s) already in the database.</source>
        <translation>
            <numerusform>Nothing new to import: the record is already in the database.</numerusform>
            <numerusform>Nothing new to import: all %Ln records are already in the database.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ready: Import adds {records} (%n) in one step you can undo.</source>
        <translation>
            <numerusform>Ready: Import adds {records}, a step you can undo.</numerusform>
            <numerusform>Ready: Import adds {records} in one step you can undo.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportsModel</name>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln subscription(s)</source>
        <translation>
            <numerusform>%Ln subscription</numerusform>
            <numerusform>%Ln subscriptions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln row(s) replaced</source>
        <translation>
            <numerusform>, %Ln row replaced</numerusform>
            <numerusform>, %Ln rows replaced</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message numerus="yes">
        <source>%n column(s); {rows}.</source>
        <translation>
            <numerusform>%Ln column; {rows}.</numerusform>
            <numerusform>%Ln columns; {rows}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the first %n record(s) shown</source>
        <translation>
            <numerusform>the first record is shown</numerusform>
            <numerusform>the first %Ln records are shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordSection</name>
    <message numerus="yes">
        <source>Delete %n</source>
        <translation>
            <numerusform>Delete</numerusform>
            <numerusform>Delete %Ln</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message numerus="yes">
        <source>Nothing was imported: the file changed since the check and now has %n problem(s). Start the import again to see them.</source>
        <translation>
            <numerusform>Nothing was imported: the file changed since the check and now has %Ln problem. Start the import again to see it.</numerusform>
            <numerusform>Nothing was imported: the file changed since the check and now has %Ln problems. Start the import again to see them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) added</source>
        <translation>
            <numerusform>%Ln person added</numerusform>
            <numerusform>%Ln people added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n subscription(s)</source>
        <translation>
            <numerusform>%Ln subscription</numerusform>
            <numerusform>%Ln subscriptions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) with errors skipped and saved to {path}. </source>
        <translation>
            <numerusform>%Ln record with errors was skipped and saved to {path}. </numerusform>
            <numerusform>%Ln records with errors were skipped and saved to {path}. </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TableTransfer</name>
    <message numerus="yes">
        <source>%n new row(s)</source>
        <translation>
            <numerusform>%Ln new row</numerusform>
            <numerusform>%Ln new rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed row(s)</source>
        <translation>
            <numerusform>%Ln changed row</numerusform>
            <numerusform>%Ln changed rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) of {table} to {file}.</source>
        <translation>
            <numerusform>Exported %Ln row of {table} to {file}.</numerusform>
            <numerusform>Exported %Ln rows of {table} to {file}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsageGridEdits</name>
    <message numerus="yes">
        <source>%n month(s) of usage</source>
        <translation>
            <numerusform>%Ln month of usage</numerusform>
            <numerusform>%Ln months of usage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pasted %n cell(s); refused {refused}:
{rows}</source>
        <translation>
            <numerusform>Pasted %Ln cell; refused {refused}:
{rows}</numerusform>
            <numerusform>Pasted %Ln cells; refused {refused}:
{rows}</numerusform>
        </translation>
    </message>
</context>
</TS>

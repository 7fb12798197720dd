<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>Tandem::CalendarPage</name>
        <message numerus="yes">
            <source>%1 · %2 — %n shift(s)</source>
            <translation>
                <numerusform>%1 · %2 — %n shift</numerusform>
                <numerusform>%1 · %2 — %n shifts</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Tandem::ConflictsModel</name>
        <message numerus="yes">
            <source>%1, %2: no shift planned (%n hour(s) with nobody on call)</source>
            <translation>
                <numerusform>%1, %2: no shift planned (%n hour with nobody on call)</numerusform>
                <numerusform>%1, %2: no shift planned (%n hours with nobody on call)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Tandem::ImportReportDialog</name>
        <message numerus="yes">
            <source>%n problem(s) found. Nothing has been imported.</source>
            <translation>
                <numerusform>%n problem found. Nothing has been imported.</numerusform>
                <numerusform>%n problems found. Nothing has been imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) are valid: %1 new, %2 updated.</source>
            <translation>
                <numerusform>%n row is valid: %1 new, %2 updated.</numerusform>
                <numerusform>%n rows are valid: %1 new, %2 updated.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Import the %n Valid Row(s)</source>
            <translation>
                <numerusform>Import the %n Valid Row</numerusform>
                <numerusform>Import the %n Valid Rows</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Tandem::MainWindow</name>
        <message numerus="yes">
            <source>%n people</source>
            <translation>
                <numerusform>%n person</numerusform>
                <numerusform>%n people</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n team(s)</source>
            <translation>
                <numerusform>%n team</numerusform>
                <numerusform>%n teams</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Tandem::MonthView</name>
        <message numerus="yes">
            <source>+%n more</source>
            <translation>
                <numerusform>+%n more</numerusform>
                <numerusform>+%n more</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Tandem::PrintSheetDialog</name>
        <message numerus="yes">
            <source>Wrote %1: %n page(s).</source>
            <translation>
                <numerusform>Wrote %1: %n page.</numerusform>
                <numerusform>Wrote %1: %n pages.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Tandem::Reminders</name>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n day</numerusform>
                <numerusform>%n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hour(s)</source>
            <translation>
                <numerusform>%n hour</numerusform>
                <numerusform>%n hours</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n minute(s)</source>
            <translation>
                <numerusform>%n minute</numerusform>
                <numerusform>%n minutes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Tandem::ReportsDialog</name>
        <message numerus="yes">
            <source>Wrote %1: %n page(s).</source>
            <translation>
                <numerusform>Wrote %1: %n page.</numerusform>
                <numerusform>Wrote %1: %n pages.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Tandem::RosterActions</name>
        <message numerus="yes">
            <source>%1 holds %n seat(s) in shifts from now on. Removing them leaves those seats empty, shown as coverage gaps to fill. Past shifts keep their name.</source>
            <translation>
                <numerusform>%1 holds %n seat in shifts from now on. Removing them leaves those seats empty, shown as coverage gaps to fill. Past shifts keep their name.</numerusform>
                <numerusform>%1 holds %n seats in shifts from now on. Removing them leaves those seats empty, shown as coverage gaps to fill. Past shifts keep their name.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Tandem::RosterPage</name>
        <message numerus="yes">
            <source>%n people</source>
            <translation>
                <numerusform>%n person</numerusform>
                <numerusform>%n people</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 of %n people</source>
            <translation>
                <numerusform>%1 of %n person</numerusform>
                <numerusform>%1 of %n people</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Tandem::RosterService</name>
        <message numerus="yes">
            <source>%1 still has %n member(s); move them to another team first.</source>
            <translation>
                <numerusform>%1 still has %n member; move them to another team first.</numerusform>
                <numerusform>%1 still has %n members; move them to another team first.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The file has %n problem(s); nothing was imported. First: %1</source>
            <translation>
                <numerusform>The file has %n problem; nothing was imported. First: %1</numerusform>
                <numerusform>The file has %n problems; nothing was imported. First: %1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Tandem::SyncFlagsDialog</name>
        <message numerus="yes">
            <source>Dismissed %n flag(s).</source>
            <translation>
                <numerusform>Dismissed %n flag.</numerusform>
                <numerusform>Dismissed %n flags.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Tandem::SyncService</name>
        <message numerus="yes">
            <source>%n change(s) from the server break a rule: %1.</source>
            <translation>
                <numerusform>%n change from the server breaks a rule: %1.</numerusform>
                <numerusform>%n changes from the server break a rule: %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Tandem::TimeOffOffersDialog</name>
        <message numerus="yes">
            <source>Imported %n offer(s) as time off; they go to the server at the next sync.</source>
            <translation>
                <numerusform>Imported %n offer as time off; it goes to the server at the next sync.</numerusform>
                <numerusform>Imported %n offers as time off; they go to the server at the next sync.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Dismissed %n offer(s).</source>
            <translation>
                <numerusform>Dismissed %n offer.</numerusform>
                <numerusform>Dismissed %n offers.</numerusform>
            </translation>
        </message>
    </context>
</TS>
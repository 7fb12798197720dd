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
        <message numerus="yes">
            <source>+%n more</source>
            <translation>
                <numerusform>+%n more</numerusform>
                <numerusform>+%n more</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Tandem::Cli</name>
        <message numerus="yes">
            <source>%1: %n problem(s); nothing was imported (fix them, or use --valid-only)</source>
            <translation>
                <numerusform>%1: %n problem; nothing was imported (fix them, or use --valid-only)</numerusform>
                <numerusform>%1: %n problems; nothing was imported (fix them, or use --valid-only)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1: %2 added, %3 updated, %4 unchanged, %5 skipped, %n team(s) created
</source>
            <translation>
                <numerusform>%1: %2 added, %3 updated, %4 unchanged, %5 skipped, %n team created
</numerusform>
                <numerusform>%1: %2 added, %3 updated, %4 unchanged, %5 skipped, %n teams created
</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Ops pool %1: %n member(s)
</source>
            <translation>
                <numerusform>Ops pool %1: %n member
</numerusform>
                <numerusform>Ops pool %1: %n members
</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>at most %n shift(s) in any 4 weeks</source>
            <translation>
                <numerusform>at most %n shift in any 4 weeks</numerusform>
                <numerusform>at most %n shifts in any 4 weeks</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>an ops engineer covers at most %n rotation(s) at a time</source>
            <translation>
                <numerusform>an ops engineer covers at most %n rotation at a time</numerusform>
                <numerusform>an ops engineer covers at most %n rotations at a time</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>published shifts starting within %n day(s) never move</source>
            <translation>
                <numerusform>published shifts starting within %n day never move</numerusform>
                <numerusform>published shifts starting within %n days never move</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n week(s) of past shifts count for fairness</source>
            <translation>
                <numerusform>%n week of past shifts count for fairness</numerusform>
                <numerusform>%n weeks of past shifts count for fairness</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 is damaged: %n problem(s) or more (restore it from a backup, or from the team's shared calendar)</source>
            <translation>
                <numerusform>%1 is damaged: %n problem or more (restore it from a backup, or from the team's shared calendar)</numerusform>
                <numerusform>%1 is damaged: %n problems or more (restore it from a backup, or from the team's shared calendar)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 is damaged: %n problem(s) (restore it from a backup, or from the team's shared calendar)</source>
            <translation>
                <numerusform>%1 is damaged: %n problem (restore it from a backup, or from the team's shared calendar)</numerusform>
                <numerusform>%1 is damaged: %n problems (restore it from a backup, or from the team's shared calendar)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n shift(s)</source>
            <translation>
                <numerusform>%n shift</numerusform>
                <numerusform>%n shifts</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n gap(s)</source>
            <translation>
                <numerusform>%n gap</numerusform>
                <numerusform>%n gaps</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n page</numerusform>
                <numerusform>%n pages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>
%n change(s) to these shifts in the change log
</source>
            <translation>
                <numerusform>
%n change to these shifts in the change log
</numerusform>
                <numerusform>
%n changes to these shifts in the change log
</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n request(s)</source>
            <translation>
                <numerusform>%n request</numerusform>
                <numerusform>%n requests</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 (%n event(s))</source>
            <translation>
                <numerusform>%1 (%n event)</numerusform>
                <numerusform>%1 (%n events)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 is onboarding in %2: %n shadow shift(s) to do.
</source>
            <translation>
                <numerusform>%1 is onboarding in %2: %n shadow shift to do.
</numerusform>
                <numerusform>%1 is onboarding in %2: %n shadow shifts to do.
</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n shadow shift(s) before joining; shadowing now: %1</source>
            <translation>
                <numerusform>%n shadow shift before joining; shadowing now: %1</numerusform>
                <numerusform>%n shadow shifts before joining; shadowing now: %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Added service %1 (%2), %n leg(s)
</source>
            <translation>
                <numerusform>Added service %1 (%2), %n leg
</numerusform>
                <numerusform>Added service %1 (%2), %n legs
</numerusform>
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
        <name>Tandem::HistoryImportWizard</name>
        <message numerus="yes">
            <source>%n event(s) in the file.</source>
            <translation>
                <numerusform>%n event in the file.</numerusform>
                <numerusform>%n events in the file.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Name of %n people</source>
            <translation>
                <numerusform>Name of %n person</numerusform>
                <numerusform>Name of %n people</numerusform>
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
        <name>Tandem::OnboardingPage</name>
        <message numerus="yes">
            <source>The planner puts each checked developer in the shadow seat of %n planned shift(s) with as many different pairs as it can.</source>
            <translation>
                <numerusform>The planner puts each checked developer in the shadow seat of %n planned shift with as many different pairs as it can.</numerusform>
                <numerusform>The planner puts each checked developer in the shadow seat of %n planned shifts with as many different pairs as it can.</numerusform>
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
                <numerusform>%n change from the server break a rule: %1.</numerusform>
                <numerusform>%n changes from the server break a rule: %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Tandem::TimeOffOffersDialog</name>
        <message numerus="yes">
            <source>Imported %n offer(s) as time off; they go to the server at the next sync.</source>
            <translation>
                <numerusform>Imported %n offer as time off; they go to the server at the next sync.</numerusform>
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
    <context>
        <name>Tandem::TimelineView</name>
        <message numerus="yes">
            <source>%1: no leg holds the service from %2 to %3 (%n minute(s)), nobody on call.</source>
            <translation>
                <numerusform>%1: no leg holds the service from %2 to %3 (%n minute), nobody on call.</numerusform>
                <numerusform>%1: no leg holds the service from %2 to %3 (%n minutes), nobody on call.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1: no complete pair holds the service from %2 to %3 (%n minute(s)).</source>
            <translation>
                <numerusform>%1: no complete pair holds the service from %2 to %3 (%n minute).</numerusform>
                <numerusform>%1: no complete pair holds the service from %2 to %3 (%n minutes).</numerusform>
            </translation>
        </message>
    </context>
</TS>
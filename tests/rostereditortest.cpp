#include "itemmodels/rostercommands.h"
#include "services/icalservice.h"
#include "services/rostercsv.h"
#include "store/changelog.h"
#include "testutil.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace Tandem;

class RosterEditorTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()};

private Q_SLOTS:
    void addUndoRedo()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        RosterService roster(*db);
        QUndoStack stack;
        RosterEditor editor(roster, &stack);
        const auto ada = editor.addPerson(Test::makePerson(u"Ada"_s, u"ada@example.com"_s));
        QVERIFY(ada);
        QCOMPARE(stack.count(), 1);
        QCOMPARE(stack.undoText(), u"Add Ada"_s);
        stack.undo();
        QVERIFY(roster.people()->isEmpty());
        // After undo, the same e-mail is free again.
        QVERIFY(roster.personByEmail(u"ada@example.com"_s).value() == std::nullopt);
        stack.redo();
        QCOMPARE(roster.people()->size(), 1);
        QCOMPARE(roster.people()->first().id, ada->id); // same identity after redo
        // Every step is in the change log: create, delete, create.
        QCOMPARE(ChangeLog(*db).entries(Entity::Person)->size(), 3);
    }

    void refusedEditsStayOffTheStack()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        RosterService roster(*db);
        QUndoStack stack;
        RosterEditor editor(roster, &stack);
        QVERIFY(editor.addPerson(Test::makePerson(u"Ada"_s, u"ada@example.com"_s)));
        QVERIFY(!editor.addPerson(Test::makePerson(u"Ada"_s, u"ada@example.com"_s)));
        QCOMPARE(stack.count(), 1);
    }

    void removeUndoRestoresAndTimeOffUndo()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        RosterService roster(*db);
        QUndoStack stack;
        RosterEditor editor(roster, &stack);
        const Person ada = editor.addPerson(Test::makePerson(u"Ada"_s, u"ada@example.com"_s)).value();
        const TimeOff off = editor.addTimeOff(TimeOff{{}, ada.id, QDate(2026, 4, 1), QDate(2026, 4, 3), {}}).value();
        Person renamed = ada;
        renamed.name = u"Ada L."_s;
        QVERIFY(editor.updatePerson(renamed));
        QVERIFY(editor.removePerson(ada.id));
        QVERIFY(roster.people()->isEmpty());
        stack.undo(); // remove
        QCOMPARE(roster.people()->first().name, u"Ada L."_s);
        stack.undo(); // rename
        QCOMPARE(roster.people()->first().name, u"Ada"_s);
        stack.undo(); // time off
        QVERIFY(roster.timeOff(ada.id)->isEmpty());
        stack.redo();
        QCOMPARE(roster.timeOff(ada.id).value(), QList<TimeOff>{off});
    }

    void importIsOneUndoableStep()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        RosterService roster(*db);
        QUndoStack stack;
        RosterEditor editor(roster, &stack);
        const Person ada = editor.addPerson(Test::makePerson(u"Ada"_s, u"ada@example.com"_s)).value();
        const QByteArray csv = "name,email,role,team,timezone\n"
                               "Ada Lovelace,ada@example.com,developer,Payments,Europe/London\n"
                               "Bob,bob@example.com,operations,Payments,Europe/Berlin\n";
        const auto plan = roster.planImport(parseRosterCsv(csv));
        QVERIFY(editor.importRoster(plan.value(), false));
        QCOMPARE(roster.people()->size(), 2);
        QCOMPARE(roster.teams()->size(), 1);
        stack.undo();
        QCOMPARE(roster.people()->size(), 1);
        QCOMPARE(roster.people()->first(), ada);
        QVERIFY(roster.teams()->isEmpty());
        stack.redo();
        QCOMPARE(roster.people()->size(), 2);
    }

    void icsImportIsOneUndoableStep()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        RosterService roster(*db);
        QUndoStack stack;
        RosterEditor editor(roster, &stack);
        const Person ada = editor.addPerson(Test::makePerson(u"Ada"_s, u"ada@example.com"_s)).value();
        Team payments;
        payments.name = u"Payments"_s;
        payments.timeZone = u"Europe/Berlin"_s;
        const Team team = editor.addTeam(payments).value();
        const QByteArray ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tandem tests//EN\r\n"
                               "BEGIN:VEVENT\r\nUID:easter\r\nDTSTAMP:20260101T000000Z\r\n"
                               "DTSTART;VALUE=DATE:20260403\r\nDTEND;VALUE=DATE:20260407\r\nSUMMARY:Easter\r\n"
                               "END:VEVENT\r\nEND:VCALENDAR\r\n";
        IcalService ical(*db);
        const auto leave = ical.importTimeOff(ada.id, ics, QDate(2026, 1, 1), QDate(2026, 12, 31));
        QVERIFY2(leave, qPrintable(leave.errorMessage()));
        QCOMPARE(leave->timeOffAdded.size(), 1);
        editor.recordTimeOffImport(leave->timeOffAdded);
        const auto holidays = ical.importHolidays(team.id, ics, QDate(2026, 1, 1), QDate(2026, 12, 31));
        QVERIFY2(holidays, qPrintable(holidays.errorMessage()));
        QCOMPARE(holidays->holidaysAdded.size(), 4); // Friday to Monday, one holiday a day
        editor.recordHolidayImport(holidays->holidaysAdded);
        QCOMPARE(stack.count(), 4);
        QCOMPARE(stack.undoText(), u"Import holidays"_s);

        stack.undo(); // the holidays, all four at once
        QVERIFY(roster.holidays(team.id)->isEmpty());
        QCOMPARE(roster.timeOff(ada.id)->size(), 1);
        stack.undo(); // the time off
        QVERIFY(roster.timeOff(ada.id)->isEmpty());
        stack.redo();
        stack.redo();
        QCOMPARE(roster.timeOff(ada.id).value(), leave->timeOffAdded); // the same ids again
        QCOMPARE(roster.holidays(team.id).value(), holidays->holidaysAdded);
        // Nothing written, nothing to undo.
        editor.recordTimeOffImport({});
        QCOMPARE(stack.count(), 4);
    }

    void aRefusedUndoIsReported()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        RosterService roster(*db);
        QUndoStack stack;
        RosterEditor editor(roster, &stack);
        QSignalSpy failed(&editor, &RosterEditor::failed);
        const Team team = editor.addTeam(Team{{}, u"Payments"_s, u"Europe/Berlin"_s}).value();
        Person p = Test::makePerson(u"Ada"_s, u"ada@example.com"_s);
        p.teams = {team.id};
        QVERIFY(roster.addPerson(p)); // not through the editor: someone else's change
        stack.undo();                 // removing the team is refused now
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains(u"member"_s));
        QCOMPARE(roster.teams()->size(), 1);
        QCOMPARE(stack.count(), 0); // the stale step left the stack
    }
};

QTEST_GUILESS_MAIN(RosterEditorTest)
#include "rostereditortest.moc"

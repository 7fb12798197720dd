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

    /// A fresh database, its roster and an editor that records every change on its own stack.
    struct EditorFixture
    {
        explicit EditorFixture(const Clock &clock) : db(Test::openFresh(dir, clock)) {}

        QTemporaryDir dir;
        std::unique_ptr<Database> db;
        RosterService roster{*db};
        QUndoStack stack;
        RosterEditor editor{roster, &stack};
    };

private Q_SLOTS:
    void addUndoRedo()
    {
        EditorFixture f(m_clock);
        const auto ada = f.editor.addPerson(Test::makePerson(u"Ada"_s, u"ada@example.com"_s));
        QVERIFY(ada);
        QCOMPARE(f.stack.count(), 1);
        QCOMPARE(f.stack.undoText(), u"Add Ada"_s);
        f.stack.undo();
        QVERIFY(f.roster.people()->isEmpty());
        // After undo, the same e-mail is free again.
        QVERIFY(f.roster.personByEmail(u"ada@example.com"_s).value() == std::nullopt);
        f.stack.redo();
        QCOMPARE(f.roster.people()->size(), 1);
        QCOMPARE(f.roster.people()->first().id, ada->id); // same identity after redo
        // Every step is in the change log: create, delete, create.
        QCOMPARE(ChangeLog(*f.db).entries(Entity::Person)->size(), 3);
    }

    void refusedEditsStayOffTheStack()
    {
        EditorFixture f(m_clock);
        QVERIFY(f.editor.addPerson(Test::makePerson(u"Ada"_s, u"ada@example.com"_s)));
        QVERIFY(!f.editor.addPerson(Test::makePerson(u"Ada"_s, u"ada@example.com"_s)));
        QCOMPARE(f.stack.count(), 1);
    }

    void removeUndoRestoresAndTimeOffUndo()
    {
        EditorFixture f(m_clock);
        const Person ada = f.editor.addPerson(Test::makePerson(u"Ada"_s, u"ada@example.com"_s)).value();
        const TimeOff off = f.editor.addTimeOff(TimeOff{{}, ada.id, QDate(2026, 4, 1), QDate(2026, 4, 3), {}}).value();
        Person renamed = ada;
        renamed.name = u"Ada L."_s;
        QVERIFY(f.editor.updatePerson(renamed));
        QVERIFY(f.editor.removePerson(ada.id));
        QVERIFY(f.roster.people()->isEmpty());
        f.stack.undo(); // remove
        QCOMPARE(f.roster.people()->first().name, u"Ada L."_s);
        f.stack.undo(); // rename
        QCOMPARE(f.roster.people()->first().name, u"Ada"_s);
        f.stack.undo(); // time off
        QVERIFY(f.roster.timeOff(ada.id)->isEmpty());
        f.stack.redo();
        QCOMPARE(f.roster.timeOff(ada.id).value(), QList<TimeOff>{off});
    }

    void importIsOneUndoableStep()
    {
        EditorFixture f(m_clock);
        const Person ada = f.editor.addPerson(Test::makePerson(u"Ada"_s, u"ada@example.com"_s)).value();
        const QByteArray csv = "name,email,role,team,timezone\n"
                               "Ada Lovelace,ada@example.com,developer,Payments,Europe/London\n"
                               "Bob,bob@example.com,operations,Payments,Europe/Berlin\n";
        const auto plan = f.roster.planImport(parseRosterCsv(csv));
        QVERIFY(f.editor.importRoster(plan.value(), false));
        QCOMPARE(f.roster.people()->size(), 2);
        QCOMPARE(f.roster.teams()->size(), 1);
        f.stack.undo();
        QCOMPARE(f.roster.people()->size(), 1);
        QCOMPARE(f.roster.people()->first(), ada);
        QVERIFY(f.roster.teams()->isEmpty());
        f.stack.redo();
        QCOMPARE(f.roster.people()->size(), 2);
    }

    void icsImportIsOneUndoableStep()
    {
        EditorFixture f(m_clock);
        const Person ada = f.editor.addPerson(Test::makePerson(u"Ada"_s, u"ada@example.com"_s)).value();
        Team payments;
        payments.name = u"Payments"_s;
        payments.timeZone = u"Europe/Berlin"_s;
        const Team team = f.editor.addTeam(payments).value();
        const QByteArray ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tandem tests//EN\r\n"
                               "BEGIN:VEVENT\r\nUID:easter\r\nDTSTAMP:20260101T000000Z\r\n"
                               "DTSTART;VALUE=DATE:20260403\r\nDTEND;VALUE=DATE:20260407\r\nSUMMARY:Easter\r\n"
                               "END:VEVENT\r\nEND:VCALENDAR\r\n";
        IcalService ical(*f.db);
        const auto leave = ical.importTimeOff(ada.id, ics, QDate(2026, 1, 1), QDate(2026, 12, 31));
        QVERIFY2(leave, qPrintable(leave.errorMessage()));
        QCOMPARE(leave->timeOffAdded.size(), 1);
        f.editor.recordTimeOffImport(leave->timeOffAdded);
        const auto holidays = ical.importHolidays(team.id, ics, QDate(2026, 1, 1), QDate(2026, 12, 31));
        QVERIFY2(holidays, qPrintable(holidays.errorMessage()));
        QCOMPARE(holidays->holidaysAdded.size(), 4); // Friday to Monday, one holiday a day
        f.editor.recordHolidayImport(holidays->holidaysAdded);
        QCOMPARE(f.stack.count(), 4);
        QCOMPARE(f.stack.undoText(), u"Import holidays"_s);

        f.stack.undo(); // the holidays, all four at once
        QVERIFY(f.roster.holidays(team.id)->isEmpty());
        QCOMPARE(f.roster.timeOff(ada.id)->size(), 1);
        f.stack.undo(); // the time off
        QVERIFY(f.roster.timeOff(ada.id)->isEmpty());
        f.stack.redo();
        f.stack.redo();
        QCOMPARE(f.roster.timeOff(ada.id).value(), leave->timeOffAdded); // the same ids again
        QCOMPARE(f.roster.holidays(team.id).value(), holidays->holidaysAdded);
        // Nothing written, nothing to undo.
        f.editor.recordTimeOffImport({});
        QCOMPARE(f.stack.count(), 4);
    }

    void aRefusedUndoIsReported()
    {
        EditorFixture f(m_clock);
        QSignalSpy failed(&f.editor, &RosterEditor::failed);
        const Team team = f.editor.addTeam(Team{{}, u"Payments"_s, u"Europe/Berlin"_s}).value();
        Person p = Test::makePerson(u"Ada"_s, u"ada@example.com"_s);
        p.teams = {team.id};
        QVERIFY(f.roster.addPerson(p)); // not through the editor: someone else's change
        f.stack.undo();                 // removing the team is refused now
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains(u"member"_s));
        QCOMPARE(f.roster.teams()->size(), 1);
        QCOMPARE(f.stack.count(), 0); // the stale step left the stack
    }
};

QTEST_GUILESS_MAIN(RosterEditorTest)
#include "rostereditortest.moc"

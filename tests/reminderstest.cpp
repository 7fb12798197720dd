#include "services/reminders.h"

#include "domain/serialize.h"
#include "testutil.h"

#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace Tandem;

/// When Tandem reminds an engineer, with a fake clock: lead times before a shift, the handoff,
/// the next wake-up, and changes someone else made to one of their shifts.
class RemindersTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()}; // Wednesday 18 March 2026 12:00 UTC
    PersonId m_me = PersonId::create();
    RotationId m_rotation = RotationId::create();

    MyShift shiftAt(const QDateTime &start, int hours = 168)
    {
        MyShift s;
        s.shift.id = ShiftId::create();
        s.shift.rotationId = m_rotation;
        s.shift.start = start;
        s.shift.end = start.addSecs(hours * 3600);
        s.shift.dev = m_me;
        s.rotation.name = u"Payments on call"_s;
        Person partner;
        partner.name = u"Markus Weber"_s;
        s.partner = partner;
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The executable's English plural forms, as users read them.
        auto *translator = new QTranslator(this);
        QVERIFY(translator->load(u":/i18n/tandem_en.qm"_s));
        QCoreApplication::installTranslator(translator);
    }

    void init() { m_clock.setNow(Test::fixedNow()); }

    void dueAtEachLeadTime()
    {
        const QDateTime start(QDate(2026, 3, 23), QTime(8, 0), Qt::UTC);
        const QList<MyShift> shifts{shiftAt(start)};
        const Reminders reminders;
        QCOMPARE(reminders.leadMinutes(), (QList<int>{1440, 60, 0}));

        // The timer sleeps until 24 hours before the start.
        QCOMPARE(reminders.nextWakeUp(shifts, m_clock.now()), start.addDays(-1));
        QVERIFY(reminders.due(shifts, QDateTime(), m_clock.now()).isEmpty());

        QDateTime since = m_clock.now();
        m_clock.setNow(start.addDays(-1));
        QList<Reminder> due = reminders.due(shifts, since, m_clock.now());
        QCOMPARE(due.size(), 1);
        QCOMPARE(due.first().kind, Reminder::Kind::Upcoming);
        QCOMPARE(due.first().at, start.addDays(-1));
        QCOMPARE(due.first().title, u"On call in 1 day: Payments on call"_s);
        QVERIFY2(due.first().text.contains(u"with Markus Weber"_s), qPrintable(due.first().text));
        // Said once: the next check from here finds nothing until an hour before.
        since = m_clock.now();
        m_clock.advanceSecs(3600);
        QVERIFY(reminders.due(shifts, since, m_clock.now()).isEmpty());
        QCOMPARE(reminders.nextWakeUp(shifts, m_clock.now()), start.addSecs(-3600));

        since = m_clock.now();
        m_clock.setNow(start.addSecs(-3600));
        due = reminders.due(shifts, since, m_clock.now());
        QCOMPARE(due.size(), 1);
        QCOMPARE(due.first().title, u"On call in 1 hour: Payments on call"_s);

        since = m_clock.now();
        m_clock.setNow(start);
        due = reminders.due(shifts, since, m_clock.now());
        QCOMPARE(due.size(), 1);
        QCOMPARE(due.first().kind, Reminder::Kind::Starting);
        QVERIFY(!reminders.nextWakeUp(shifts, m_clock.now()).isValid());
    }

    void aMissedWindowSaysItOnce()
    {
        // Tandem was closed; opened 30 minutes before the shift: one reminder, the latest.
        const QDateTime start(QDate(2026, 3, 23), QTime(8, 0), Qt::UTC);
        const QList<MyShift> shifts{shiftAt(start)};
        m_clock.setNow(start.addSecs(-1800));
        const QList<Reminder> due = Reminders().due(shifts, start.addDays(-3), m_clock.now());
        QCOMPARE(due.size(), 1);
        QCOMPARE(due.first().at, start.addSecs(-3600));
        QCOMPARE(due.first().title, u"On call in 30 minutes: Payments on call"_s);
        // A shift that is over is not reminded at all.
        m_clock.setNow(start.addDays(8));
        QVERIFY(Reminders().due(shifts, start.addDays(-3), m_clock.now()).isEmpty());
    }

    void chosenLeadTimes()
    {
        const QDateTime start(QDate(2026, 3, 23), QTime(8, 0), Qt::UTC);
        const Reminders reminders({30, 2 * 24 * 60, 30, -5});
        QCOMPARE(reminders.leadMinutes(), (QList<int>{2880, 30}));
        const QList<MyShift> shifts{shiftAt(start, 24), shiftAt(start.addDays(7), 24)};
        QCOMPARE(reminders.nextWakeUp(shifts, m_clock.now()), start.addDays(-2));
        QCOMPARE(reminders.nextWakeUp(shifts, start.addDays(-2)), start.addSecs(-30 * 60));
        QCOMPARE(reminders.nextWakeUp(shifts, start.addSecs(-10)), start.addDays(5));
    }

    void countdown_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("words");
        QTest::newRow("past") << qint64(-60) << u"now"_s;
        QTest::newRow("minutes") << qint64(45 * 60 + 30) << u"in 45 minutes"_s;
        QTest::newRow("hours and minutes") << qint64(2 * 3600 + 5 * 60) << u"in 2 hours 5 minutes"_s;
        QTest::newRow("hours") << qint64(7 * 3600 + 5 * 60) << u"in 7 hours"_s;
        QTest::newRow("days and hours") << qint64(2 * 86400 + 4 * 3600 + 59) << u"in 2 days 4 hours"_s;
        QTest::newRow("one day") << qint64(86400) << u"in 1 day"_s;
    }

    void countdown()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, words);
        QCOMPARE(countdownWords(m_clock.now(), m_clock.now().addSecs(seconds)), words);
    }

    void changesBySomeoneElse()
    {
        const MyShift mine = shiftAt(QDateTime(QDate(2026, 3, 23), QTime(8, 0), Qt::UTC));
        const QHash<RotationId, QString> names{{m_rotation, u"Payments on call"_s}};
        auto change = [&](const QString &actor, const Shift &before, const Shift &after) {
            ChangeEntry e;
            e.at = m_clock.now();
            e.actor = actor;
            e.entity = Entity::Shift.toString();
            e.entityId = before.id.toString();
            e.action = ChangeAction::Update;
            e.before = toJson(before);
            e.after = toJson(after);
            return e;
        };
        Shift moved = mine.shift;
        moved.start = moved.start.addDays(1);
        Shift taken = mine.shift;
        taken.dev = PersonId::create();
        Shift noted = mine.shift;
        noted.note = u"All quiet"_s;
        Shift someoneElses = mine.shift;
        someoneElses.dev = PersonId::create();
        Shift given = someoneElses;
        given.dev = m_me;
        ChangeEntry deleted = change(u"lead@example.com"_s, mine.shift, mine.shift);
        deleted.action = ChangeAction::Delete;
        deleted.after = {};

        const QList<ChangeEntry> changes{
            change(u"me@example.com"_s, mine.shift, moved),         // my own edit: no news
            change(u"lead@example.com"_s, mine.shift, moved),       // moved
            change(u"sync:alice@example.com"_s, mine.shift, taken), // from another machine
            change(u"lead@example.com"_s, mine.shift, noted),       // only the note: quiet
            change(u"lead@example.com"_s, someoneElses, given),     // put on
            deleted,
        };
        const QList<Reminder> news =
            Reminders::changesByOthers(changes, m_me, u"ME@example.com"_s, names, m_clock.now());
        QCOMPARE(news.size(), 4);
        QCOMPARE(news.at(0).kind, Reminder::Kind::Moved);
        QCOMPARE(news.at(0).title, u"Your shift moved: Payments on call"_s);
        QVERIFY(news.at(0).text.startsWith(u"lead@example.com moved your shift"_s));
        QCOMPARE(news.at(1).kind, Reminder::Kind::Removed);
        QVERIFY(news.at(1).text.startsWith(u"sync:alice@example.com took you off"_s));
        QCOMPARE(news.at(2).kind, Reminder::Kind::Added);
        QCOMPARE(news.at(3).kind, Reminder::Kind::Removed);
        // A change to a shift long over is old news.
        m_clock.setNow(mine.shift.end.addDays(1));
        QVERIFY(Reminders::changesByOthers(changes, m_me, u"me@example.com"_s, names, m_clock.now()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(RemindersTest)
#include "reminderstest.moc"

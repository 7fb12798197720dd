#include "services/engineerservice.h"

#include "services/identity.h"
#include "store/poolrepository.h"
#include "store/shiftrepository.h"
#include "testutil.h"

#include <QSettings>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Tandem;

namespace {

QDateTime local(QDate day, QTime time, const char *zone)
{
    return QDateTime(day, time, QTimeZone(zone)).toUTC();
}

} // namespace

/// "My next shift" and "who is on call now" across zones and DST: a Berlin rotation handing
/// off Monday 09:00 local (Europe moves its clocks on 29 March 2026) and a New York one handing
/// off daily at 09:00 local (America moved on 8 March), read with a fake clock.
class EngineerServiceTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()};
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QList<Person> m_devs;
    QList<Person> m_ops;
    Rotation m_berlin;
    Rotation m_newYork;
    QList<Shift> m_weekly; // Berlin: week i from Monday 16 March, Dev i and Ops i
    QList<Shift> m_daily;  // New York: 23, 24, 25 and 27 March, Dev 3 and Ops 1

    Rotation addRotation(const QString &name, const char *zone, PoolId pool, TeamId team)
    {
        Rotation r;
        r.id = RotationId::create();
        r.teamId = team;
        r.name = name;
        r.opsPoolId = pool;
        r.timeZone = QString::fromLatin1(zone);
        r.startDate = QDate(2026, 3, 16);
        RotationRepository(*m_db).insert(r).ok();
        return r;
    }

    Shift addShift(const Rotation &r, const QDateTime &start, const QDateTime &end, PersonId dev, PersonId ops,
                   const QString &note = {})
    {
        Shift s;
        s.id = ShiftId::create();
        s.rotationId = r.id;
        s.start = start;
        s.end = end;
        s.dev = dev;
        s.ops = ops;
        s.note = note;
        s.bridgeUrl = u"https://meet.example.com/payments"_s;
        const Status inserted = ShiftRepository(*m_db).insert(s);
        if (!inserted) {
            qFatal("%s", qPrintable(inserted.errorMessage()));
        }
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = Test::openFresh(m_dir, m_clock);
        RosterService roster(*m_db);
        const Team team = roster.addTeam(Team{{}, u"Payments"_s, u"Europe/Berlin"_s}).value();
        OpsPool pool{PoolId::create(), u"Payments ops"_s, {}};
        for (int i = 0; i < 4; ++i) {
            Person dev = Test::makePerson(u"Dev %1"_s.arg(i), u"dev%1@example.com"_s.arg(i));
            dev.teams = {team.id};
            dev.phone = u"+49 30 000 %1"_s.arg(i);
            dev.chat = u"@dev%1"_s.arg(i);
            m_devs.append(roster.addPerson(dev).value());
            Person op = Test::makePerson(u"Ops %1"_s.arg(i), u"ops%1@example.com"_s.arg(i), Role::Operations);
            op.timeZone = u"America/New_York"_s;
            op.phone = u"+1 212 000 %1"_s.arg(i);
            op.chat = u"@ops%1"_s.arg(i);
            m_ops.append(roster.addPerson(op).value());
            pool.members.append(m_ops.last().id);
        }
        PoolRepository(*m_db).insert(pool).ok();
        m_berlin = addRotation(u"Payments on call"_s, "Europe/Berlin", pool.id, team.id);
        m_newYork = addRotation(u"Search on call"_s, "America/New_York", pool.id, team.id);
        for (int week = 0; week < 4; ++week) {
            const QDate monday = QDate(2026, 3, 16).addDays(7 * week);
            m_weekly.append(addShift(m_berlin, local(monday, QTime(9, 0), "Europe/Berlin"),
                                     local(monday.addDays(7), QTime(9, 0), "Europe/Berlin"), m_devs.at(week).id,
                                     m_ops.at(week).id, u"Week %1: watch the payment queue"_s.arg(week)));
        }
        // New York, daily: an empty ops seat on the 25th; nothing planned on the 26th.
        for (int day : {23, 24, 25, 27}) {
            const QDate d(2026, 3, day);
            m_daily.append(addShift(m_newYork, local(d, QTime(9, 0), "America/New_York"),
                                    local(d.addDays(1), QTime(9, 0), "America/New_York"), m_devs.at(3).id,
                                    day == 25 ? PersonId() : m_ops.at(1).id));
        }
    }

    void nextShiftAcrossTheDstChange()
    {
        // Wednesday 25 March: Dev 2 is on call next from Monday 30 March 09:00 Berlin, the first
        // Monday of summer time: 07:00 UTC, not 08:00.
        m_clock.setNow(QDateTime(QDate(2026, 3, 25), QTime(12, 0), Qt::UTC));
        auto next = EngineerService(*m_db).nextShift(m_devs.at(2).id, m_clock.now());
        QVERIFY2(next, qPrintable(next.errorMessage()));
        QVERIFY(next->has_value());
        const MyShift &my = *next.value();
        QCOMPARE(my.shift.id, m_weekly.at(2).id);
        QCOMPARE(my.shift.start, QDateTime(QDate(2026, 3, 30), QTime(7, 0), Qt::UTC));
        QCOMPARE(my.shift.start.toTimeZone(QTimeZone("Europe/Berlin")).time(), QTime(9, 0));
        // Ops 2 lives in New York: for them it starts at 03:00 (New York is already on EDT).
        QCOMPARE(my.shift.start.toTimeZone(QTimeZone("America/New_York")).time(), QTime(3, 0));
        QCOMPARE(my.rotation.name, u"Payments on call"_s);
        QCOMPARE(my.rotation.timeZone, u"Europe/Berlin"_s);
        QCOMPARE(my.seat, Seat::Dev);
        QVERIFY(my.partner.has_value());
        QCOMPARE(my.partner->name, u"Ops 2"_s);
        QCOMPARE(my.partner->phone, u"+1 212 000 2"_s);
        QCOMPARE(my.partner->chat, u"@ops2"_s);
        QVERIFY(!my.isUnderway(m_clock.now()));
        // The handoff note is the one the pair of week 1 left.
        QVERIFY(my.previous.has_value());
        QCOMPARE(my.previous->id, m_weekly.at(1).id);
        QCOMPARE(my.handoffNote, u"Week 1: watch the payment queue"_s);
        QCOMPARE(my.noteDev->name, u"Dev 1"_s);
        QCOMPARE(my.noteOps->name, u"Ops 1"_s);
    }

    void nextShiftIsTheOneUnderWay()
    {
        // Ops 1 holds week 1 (23-30 March), under way on the 25th: it, not a later one, is "next".
        m_clock.setNow(QDateTime(QDate(2026, 3, 25), QTime(12, 0), Qt::UTC));
        auto next = EngineerService(*m_db).nextShift(m_ops.at(1).id, m_clock.now());
        QVERIFY(next && next->has_value());
        QCOMPARE(next->value().shift.id, m_weekly.at(1).id);
        QVERIFY(next->value().isUnderway(m_clock.now()));
        QCOMPARE(next->value().seat, Seat::Ops);
        QCOMPARE(next->value().partner->name, u"Dev 1"_s);
    }

    void nextShiftAtTheHandoffInstant_data()
    {
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<int>("week");
        // Shifts are [start, end): at the handoff instant the next pair is on call.
        QTest::newRow("one second before") << m_weekly.at(1).start.addSecs(-1) << 0;
        QTest::newRow("at the handoff") << m_weekly.at(1).start << 1;
        QTest::newRow("winter to summer time") << m_weekly.at(2).start << 2;
        QTest::newRow("last second") << m_weekly.at(3).end.addSecs(-1) << 3;
    }

    void nextShiftAtTheHandoffInstant()
    {
        QFETCH(QDateTime, now);
        QFETCH(int, week);
        m_clock.setNow(now);
        auto onCall = EngineerService(*m_db).onCallNow(m_clock.now(), m_berlin.id);
        QVERIFY2(onCall, qPrintable(onCall.errorMessage()));
        QCOMPARE(onCall->size(), 1);
        const OnCall &entry = onCall->first();
        QVERIFY(entry.shift.has_value());
        QCOMPARE(entry.shift->id, m_weekly.at(week).id);
        QCOMPARE(entry.dev->name, u"Dev %1"_s.arg(week));
        QCOMPARE(entry.ops->name, u"Ops %1"_s.arg(week));
        QCOMPARE(entry.handoff(), m_weekly.at(week).end);
        QVERIFY(!entry.hasGap());
        if (week < 3) {
            QCOMPARE(entry.next->id, m_weekly.at(week + 1).id);
            QCOMPARE(entry.nextDev->name, u"Dev %1"_s.arg(week + 1));
        } else {
            QVERIFY(!entry.next.has_value());
        }
    }

    void onCallNowShowsGaps()
    {
        // 25 March 20:00 UTC (16:00 New York): the New York shift has an empty ops seat.
        m_clock.setNow(QDateTime(QDate(2026, 3, 25), QTime(20, 0), Qt::UTC));
        auto onCall = EngineerService(*m_db).onCallNow(m_clock.now());
        QVERIFY(onCall);
        QCOMPARE(onCall->size(), 2); // by name: Payments, Search
        QCOMPARE(onCall->at(0).rotation.name, u"Payments on call"_s);
        QVERIFY(!onCall->at(0).hasGap());
        const OnCall &search = onCall->at(1);
        QCOMPARE(search.rotation.name, u"Search on call"_s);
        QVERIFY(search.shift.has_value());
        QVERIFY(search.dev.has_value());
        QVERIFY(!search.ops.has_value());
        QVERIFY(search.hasGap());
        // 26 March 15:00 UTC: nothing planned in New York; the next shift is on the 27th.
        m_clock.setNow(QDateTime(QDate(2026, 3, 26), QTime(15, 0), Qt::UTC));
        onCall = EngineerService(*m_db).onCallNow(m_clock.now(), m_newYork.id);
        QVERIFY(onCall);
        QCOMPARE(onCall->size(), 1);
        QVERIFY(!onCall->first().shift.has_value());
        QVERIFY(onCall->first().hasGap());
        QVERIFY(!onCall->first().handoff().isValid());
        QCOMPARE(onCall->first().next->id, m_daily.at(3).id);
        QCOMPARE(onCall->first().next->start.toTimeZone(QTimeZone("America/New_York")).time(), QTime(9, 0));
    }

    void upcomingInOrderAcrossRotations()
    {
        // Dev 3: New York on 23, 24, 25 and 27 March, Berlin from 6 April.
        m_clock.setNow(QDateTime(QDate(2026, 3, 24), QTime(0, 0), Qt::UTC));
        auto shifts = EngineerService(*m_db).upcoming(m_devs.at(3).id, m_clock.now(), 1);
        QVERIFY(shifts);
        QList<ShiftId> ids;
        for (const MyShift &s : shifts.value()) {
            ids.append(s.shift.id);
        }
        // The 23rd in New York runs until 13:00 UTC on the 24th: still under way.
        const QList<ShiftId> expected{m_daily.at(0).id, m_daily.at(1).id, m_daily.at(2).id, m_daily.at(3).id,
                                      m_weekly.at(3).id};
        QCOMPARE(ids, expected);
        QVERIFY(!shifts->at(2).partner.has_value()); // the 25th has nobody in the ops seat
        // Dev 0 held only week 0: nothing to come.
        m_clock.setNow(QDateTime(QDate(2026, 4, 14), QTime(0, 0), Qt::UTC));
        QVERIFY(EngineerService(*m_db).upcoming(m_devs.at(0).id, m_clock.now(), 1)->isEmpty());
        QVERIFY(!EngineerService(*m_db).nextShift(m_devs.at(0).id, m_clock.now())->has_value());
    }

    void currentOrLastShiftIsWhereTheNoteGoes()
    {
        m_clock.setNow(QDateTime(QDate(2026, 4, 1), QTime(12, 0), Qt::UTC));
        // Dev 0: week 0 ended, week 3 has not started: the note goes on week 0.
        auto last = EngineerService(*m_db).currentOrLastShift(m_devs.at(0).id, m_clock.now());
        QVERIFY(last && last->has_value());
        QCOMPARE(last->value().shift.id, m_weekly.at(0).id);
        // Dev 2 is on call now (week 2): the note goes on it.
        last = EngineerService(*m_db).currentOrLastShift(m_devs.at(2).id, m_clock.now());
        QVERIFY(last && last->has_value());
        QCOMPARE(last->value().shift.id, m_weekly.at(2).id);
    }

    void resolvesTheConfiguredPerson()
    {
        QCoreApplication::setOrganizationName(u"TandemTest"_s);
        QCoreApplication::setApplicationName(u"engineerservicetest"_s);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(u"settings"_s));
        setConfiguredEmail(u"DEV1@example.com"_s);
        auto me = resolvePerson(*m_db);
        QVERIFY(me && me->has_value());
        QCOMPARE(me->value().name, u"Dev 1"_s);
        // An explicit e-mail (the CLI's --person) wins over the configured one.
        QCOMPARE(resolvePerson(*m_db, u"ops2@example.com"_s)->value().name, u"Ops 2"_s);
        QVERIFY(!resolvePerson(*m_db, u"nobody@example.com"_s)->has_value());
        setConfiguredEmail({});
        QVERIFY(!resolvePerson(*m_db)->has_value());
    }
};

QTEST_GUILESS_MAIN(EngineerServiceTest)
#include "engineerservicetest.moc"

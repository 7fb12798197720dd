#include "clirunner.h"
#include "services/rosterservice.h"
#include "store/poolrepository.h"
#include "store/shiftrepository.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

#include <tuple>

using namespace Qt::StringLiterals;
using namespace Tandem;

/// The engineers' commands (next, now, note, swap) of the `tandem` executable, on a database
/// whose shifts lie around "now": tandem-testclock, whose clock TANDEM_TEST_NOW sets
/// (Test::cliNow() unless a case says otherwise), so the answers do not depend on the wall clock.
class CliEngineerTest : public QObject
{
    Q_OBJECT

private:
    using Run = Test::CliRun;

    QTemporaryDir m_dir;
    QList<Person> m_devs;
    QList<Person> m_ops;
    QList<Shift> m_shifts; // Payments: a week each, the first under way; Dev i and Ops i
    QDateTime m_firstStart;

    /// tandem-testclock on `path` (default: the Payments database), "now" being `now`.
    Run tandem(const QStringList &args, const QDateTime &now = Test::cliNow(), const QString &path = {})
    {
        return Test::runCli(QStringLiteral(TANDEM_EXE), QStringList{u"--db"_s, path.isEmpty() ? db() : path} + args,
                            Test::cliEnvironment(m_dir.path(), now));
    }

    QString db() const { return m_dir.filePath(u"engineer.sqlite"_s); }

    static QJsonValue parse(const QString &text) { return QJsonDocument::fromJson(text.toUtf8()).object(); }

private Q_SLOTS:
    void initTestCase()
    {
        FakeClock clock(Test::cliNow());
        auto opened = Database::open(db(), clock);
        QVERIFY2(opened, qPrintable(opened.errorMessage()));
        Database &database = *opened.value();
        database.setActor(u"setup@example.com"_s);
        RosterService roster(database);
        const Team team = roster.addTeam(Team{{}, u"Payments"_s, u"Europe/Berlin"_s}).value();
        OpsPool pool{PoolId::create(), u"Payments ops"_s, {}};
        for (int i = 0; i < 4; ++i) {
            Person dev = Test::makePerson(u"Dev %1"_s.arg(i), u"dev%1@example.com"_s.arg(i));
            dev.teams = {team.id};
            dev.phone = u"+49 30 000 %1"_s.arg(i);
            m_devs.append(roster.addPerson(dev).value());
            Person op = Test::makePerson(u"Ops %1"_s.arg(i), u"ops%1@example.com"_s.arg(i), Role::Operations);
            op.timeZone = u"America/New_York"_s;
            op.chat = u"@ops%1"_s.arg(i);
            m_ops.append(roster.addPerson(op).value());
            pool.members.append(m_ops.last().id);
        }
        QVERIFY(PoolRepository(database).insert(pool));
        Rotation rotation;
        rotation.id = RotationId::create();
        rotation.teamId = team.id;
        rotation.name = u"Payments on call"_s;
        rotation.opsPoolId = pool.id;
        rotation.timeZone = u"Europe/Berlin"_s;
        rotation.startDate = Test::cliNow().date().addDays(-7);
        rotation.rules.minRestHours = 24;
        QVERIFY(RotationRepository(database).insert(rotation));
        // Whole hours, so the text output is stable; the first shift started two days ago.
        const QDateTime now = Test::cliNow();
        m_firstStart = QDateTime(now.date(), QTime(now.time().hour(), 0), Qt::UTC).addDays(-2);
        for (int week = 0; week < 4; ++week) {
            Shift s;
            s.id = ShiftId::create();
            s.rotationId = rotation.id;
            s.start = m_firstStart.addDays(7 * week);
            s.end = m_firstStart.addDays(7 * (week + 1));
            s.dev = m_devs.at(week).id;
            s.ops = week == 3 ? PersonId() : m_ops.at(week).id;
            s.bridgeUrl = u"https://meet.example.com/payments"_s;
            QVERIFY(ShiftRepository(database).insert(s));
            m_shifts.append(s);
        }
    }

    void helpListsTheCommands()
    {
        const Run help = tandem({u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        for (const QString &command : {u"next"_s, u"now"_s, u"note --shift"_s, u"swap request"_s, u"swap accept"_s,
                                       u"swap approve"_s, u"swap list"_s}) {
            QVERIFY2(help.out.contains(command), qPrintable(command));
        }
        QCOMPARE(tandem({u"next"_s, u"--help"_s}).exitCode, 0);
    }

    void nextShowsThePartner()
    {
        const Run run = tandem({u"next"_s, u"--person"_s, u"DEV1@example.com"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject out = parse(run.out).toObject();
        const QJsonObject next = out.value(u"next"_s).toObject();
        QCOMPARE(next.value(u"id"_s).toString(), m_shifts.at(1).id.toString());
        QCOMPARE(next.value(u"rotation_name"_s).toString(), u"Payments on call"_s);
        QCOMPARE(next.value(u"seat"_s).toString(), u"dev"_s);
        QCOMPARE(next.value(u"partner"_s).toObject().value(u"email"_s).toString(), u"ops1@example.com"_s);
        QCOMPARE(next.value(u"partner"_s).toObject().value(u"chat"_s).toString(), u"@ops1"_s);
        QCOMPARE(next.value(u"under_way"_s).toBool(), false);
        QCOMPARE(QDateTime::fromString(next.value(u"start"_s).toString(), Qt::ISODate), m_shifts.at(1).start);
        QCOMPARE(out.value(u"upcoming"_s).toArray().size(), 1);

        const Run text = tandem({u"next"_s, u"--person"_s, u"dev1@example.com"_s});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(u"Dev 1's next shift: Payments on call"_s), qPrintable(text.out));
        QVERIFY2(text.out.contains(u"Ops 1, @ops1"_s), qPrintable(text.out));
        QVERIFY2(text.out.contains(u"starts in 5 days"_s), qPrintable(text.out));
        QVERIFY2(text.out.contains(u"bridge https://meet.example.com/payments"_s), qPrintable(text.out));
    }

    void nextNeedsToKnowWho()
    {
        Run run = tandem({u"next"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"--person"_s), qPrintable(run.err));
        run = tandem({u"next"_s, u"--person"_s, u"nobody@example.com"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"nobody@example.com"_s), qPrintable(run.err));
        QCOMPARE(tandem({u"next"_s, u"extra"_s}).exitCode, 2);
        QCOMPARE(tandem({u"next"_s, u"--frobnicate"_s}).exitCode, 2);
    }

    void nowShowsThePairAndHandoff()
    {
        const Run run = tandem({u"now"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray array = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(array.size(), 1);
        const QJsonObject payments = array.first().toObject();
        QCOMPARE(payments.value(u"dev"_s).toObject().value(u"name"_s).toString(), u"Dev 0"_s);
        QCOMPARE(payments.value(u"ops"_s).toObject().value(u"phone"_s).toString(), QString());
        QCOMPARE(payments.value(u"gap"_s).toBool(), false);
        QCOMPARE(QDateTime::fromString(payments.value(u"handoff"_s).toString(), Qt::ISODate), m_shifts.at(0).end);
        QCOMPARE(payments.value(u"next_dev"_s).toObject().value(u"email"_s).toString(), u"dev1@example.com"_s);
        const Run text = tandem({u"now"_s, u"--rotation"_s, u"payments ON CALL"_s});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(u"dev    Dev 0, +49 30 000 0"_s), qPrintable(text.out));
        QVERIFY2(text.out.contains(u"hands off"_s), qPrintable(text.out));
        QCOMPARE(tandem({u"now"_s, u"--rotation"_s, u"Nope"_s}).exitCode, 1);
    }

    void noteReachesTheNextPair()
    {
        const Run run = tandem({u"note"_s, u"--shift"_s, m_shifts.at(0).id.toString(), u"Disk on db-3 at 85%"_s});
        QCOMPARE(run.exitCode, 0);
        const Run next = tandem({u"next"_s, u"--person"_s, u"ops1@example.com"_s, u"--json"_s});
        QCOMPARE(parse(next.out).toObject().value(u"next"_s).toObject().value(u"handoff_note"_s).toString(),
                 u"Disk on db-3 at 85%"_s);
        QCOMPARE(tandem({u"note"_s, u"Disk"_s}).exitCode, 2);
        QCOMPARE(tandem({u"note"_s, u"--shift"_s, u"not-an-id"_s, u"x"_s}).exitCode, 1);
        QCOMPARE(tandem({u"note"_s, u"--shift"_s, ShiftId::create().toString(), u"x"_s}).exitCode, 1);
    }

    void swapRequestAcceptAndList()
    {
        // Dev 1 asks Dev 2 to swap weeks; Dev 2 accepts; the seats move.
        Run run = tandem({u"swap"_s, u"request"_s, u"--person"_s, u"dev1@example.com"_s, u"--shift"_s,
                          m_shifts.at(1).id.toString(), u"--with"_s, u"dev2@example.com"_s, u"--their-shift"_s,
                          m_shifts.at(2).id.toString(), u"--message"_s, u"Moving house"_s});
        QCOMPARE(run.exitCode, 0);
        const QRegularExpressionMatch id = QRegularExpression(u"request ([0-9a-f-]{36})"_s).match(run.out);
        QVERIFY2(id.hasMatch(), qPrintable(run.out));

        run = tandem({u"swap"_s, u"list"_s, u"--person"_s, u"dev2@example.com"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().toObject().value(u"state"_s).toString(), u"pending"_s);
        QCOMPARE(list.first().toObject().value(u"requester_name"_s).toString(), u"Dev 1"_s);

        // Only the colleague answers.
        run = tandem({u"swap"_s, u"accept"_s, id.captured(1), u"--person"_s, u"dev3@example.com"_s});
        QCOMPARE(run.exitCode, 1);
        run = tandem({u"swap"_s, u"accept"_s, id.captured(1), u"--person"_s, u"dev2@example.com"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"applied"_s), qPrintable(run.out));
        const Run next = tandem({u"next"_s, u"--person"_s, u"dev1@example.com"_s, u"--json"_s});
        QCOMPARE(parse(next.out).toObject().value(u"next"_s).toObject().value(u"id"_s).toString(),
                 m_shifts.at(2).id.toString());
    }

    void swapRefusedByARule()
    {
        // Ops 0 asks a developer to cover their ops seat: the ops seat needs production access.
        const Run run = tandem({u"swap"_s, u"request"_s, u"--person"_s, u"ops0@example.com"_s, u"--shift"_s,
                                m_shifts.at(0).id.toString(), u"--with"_s, u"dev3@example.com"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"production access"_s), qPrintable(run.err));
        QCOMPARE(tandem({u"swap"_s, u"request"_s, u"--shift"_s, m_shifts.at(0).id.toString()}).exitCode, 2);
        QCOMPARE(tandem({u"swap"_s, u"accept"_s, u"nonsense"_s, u"--person"_s, u"dev2@example.com"_s}).exitCode, 1);
    }
    void answersForTheClockAtTheEndOfJanuary()
    {
        // Ann's week ends at midnight between 31 January and 1 February 2027, Ben's begins: a
        // minute before, Ann is on call and Ben is next; half a minute after, Ben is on call.
        const QString path = m_dir.filePath(u"monthend.sqlite"_s);
        const QDateTime midnight(QDate(2027, 2, 1), QTime(0, 0), Qt::UTC);
        Shift ann;
        Shift ben;
        {
            FakeClock clock(midnight.addDays(-30));
            auto opened = Database::open(path, clock);
            QVERIFY2(opened, qPrintable(opened.errorMessage()));
            Database &database = *opened.value();
            database.setActor(u"setup@example.com"_s);
            RosterService roster(database);
            const Team team = roster.addTeam(Team{{}, u"Night"_s, u"UTC"_s}).value();
            QList<Person> people;
            for (const auto &[name, email, role] :
                 {std::tuple{u"Ann Early"_s, u"ann@example.com"_s, Role::Developer},
                  std::tuple{u"Ben Late"_s, u"ben@example.com"_s, Role::Developer},
                  std::tuple{u"Olga Ops"_s, u"olga@example.com"_s, Role::Operations}}) {
                Person p = Test::makePerson(name, email, role);
                p.timeZone = u"UTC"_s;
                p.teams = {team.id};
                people.append(roster.addPerson(p).value());
            }
            const OpsPool pool{PoolId::create(), u"Night ops"_s, {people.at(2).id}};
            QVERIFY(PoolRepository(database).insert(pool));
            Rotation rotation;
            rotation.id = RotationId::create();
            rotation.teamId = team.id;
            rotation.name = u"Night watch"_s;
            rotation.opsPoolId = pool.id;
            rotation.timeZone = u"UTC"_s;
            rotation.startDate = QDate(2027, 1, 4);
            QVERIFY(RotationRepository(database).insert(rotation));
            for (Shift *s : {&ann, &ben}) {
                s->id = ShiftId::create();
                s->rotationId = rotation.id;
                s->start = s == &ann ? midnight.addDays(-7) : midnight;
                s->end = s->start.addDays(7);
                s->dev = people.at(s == &ann ? 0 : 1).id;
                s->ops = people.at(2).id;
                QVERIFY(ShiftRepository(database).insert(*s));
            }
        }

        const QDateTime before = midnight.addSecs(-60); // 2027-01-31T23:59:00Z
        Run run = tandem({u"now"_s, u"--json"_s}, before, path);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QJsonObject night = QJsonDocument::fromJson(run.out.toUtf8()).array().first().toObject();
        QCOMPARE(night.value(u"dev"_s).toObject().value(u"name"_s).toString(), u"Ann Early"_s);
        QCOMPARE(QDateTime::fromString(night.value(u"handoff"_s).toString(), Qt::ISODate), midnight);
        QCOMPARE(night.value(u"next_dev"_s).toObject().value(u"email"_s).toString(), u"ben@example.com"_s);
        run = tandem({u"next"_s, u"--person"_s, u"ben@example.com"_s, u"--json"_s}, before, path);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QJsonObject out = parse(run.out).toObject();
        QCOMPARE(QDateTime::fromString(out.value(u"now"_s).toString(), Qt::ISODate), before);
        QCOMPARE(out.value(u"next"_s).toObject().value(u"id"_s).toString(), ben.id.toString());
        QCOMPARE(out.value(u"next"_s).toObject().value(u"under_way"_s).toBool(), false);
        run = tandem({u"next"_s, u"--person"_s, u"ben@example.com"_s}, before, path);
        QVERIFY2(run.out.contains(u"Ben Late's next shift: Night watch"_s), qPrintable(run.out));

        const QDateTime after = midnight.addSecs(30);
        run = tandem({u"now"_s, u"--json"_s}, after, path);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        night = QJsonDocument::fromJson(run.out.toUtf8()).array().first().toObject();
        QCOMPARE(night.value(u"dev"_s).toObject().value(u"name"_s).toString(), u"Ben Late"_s);
        QCOMPARE(QDateTime::fromString(night.value(u"handoff"_s).toString(), Qt::ISODate), midnight.addDays(7));
        run = tandem({u"next"_s, u"--person"_s, u"ben@example.com"_s, u"--json"_s}, after, path);
        out = parse(run.out).toObject();
        QCOMPARE(out.value(u"next"_s).toObject().value(u"id"_s).toString(), ben.id.toString());
        QCOMPARE(out.value(u"next"_s).toObject().value(u"under_way"_s).toBool(), true);
        run = tandem({u"next"_s, u"--person"_s, u"ben@example.com"_s}, after, path);
        QVERIFY2(run.out.contains(u"Ben Late is on call now: Night watch"_s), qPrintable(run.out));
    }

    void aBadTestClockIsRefused()
    {
        QProcessEnvironment env = Test::cliEnvironment(m_dir.path());
        env.insert(u"TANDEM_TEST_NOW"_s, u"the 31st of January"_s);
        const Run run = Test::runCli(QStringLiteral(TANDEM_EXE), {u"--db"_s, db(), u"now"_s}, env);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"TANDEM_TEST_NOW"_s), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(CliEngineerTest)
#include "cliengineertest.moc"

// The onboarding commands end to end on a real database file: rotation edit --shadow-shifts,
// rotation onboard, plan (shadow seats filled), shifts list (the shadow shown), rotation
// trainees, rotation confirm (refused before, accepted after the shadow shifts ended), shift
// shadow.

#include "clirunner.h"
#include "services/rotationservice.h"
#include "store/personrepository.h"
#include "store/poolrepository.h"
#include "store/teamrepository.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;
using namespace Tandem;

class CliOnboardingTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    FakeClock m_clock{Test::fixedNow()};

    QString db() const { return m_home.filePath(u"tandem.sqlite"_s); }

    Test::CliRun tandem(const QStringList &args, const QDateTime &now = Test::cliNow()) const
    {
        return Test::runCli(QStringLiteral(TANDEM_EXE), QStringList{u"--db"_s, db()} + args,
                            Test::cliEnvironment(m_home.path(), now));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A team of three developers and a trainee, three ops, one daily rotation.
        auto database = Test::openFresh(m_home, m_clock);
        const Team team{TeamId::create(), u"Payments"_s, u"Europe/Berlin"_s};
        QVERIFY(TeamRepository(*database).insert(team));
        OpsPool pool{PoolId::create(), u"Payments ops"_s, {}};
        for (const QString &name : {u"Dana"_s, u"Dirk"_s, u"Doro"_s, u"Tina"_s, u"Olga"_s, u"Otto"_s, u"Oona"_s}) {
            const Role role = name.startsWith(u'O') ? Role::Operations : Role::Developer;
            Person p = Test::makePerson(name, name.toLower() + u"@example.com"_s, role);
            p.id = PersonId::create();
            p.teams = {team.id};
            p.productionAccess = role == Role::Operations;
            QVERIFY(PersonRepository(*database).insert(p));
            if (role == Role::Operations) {
                pool.members.append(p.id);
            }
        }
        QVERIFY(PoolRepository(*database).insert(pool));
        Rotation r;
        r.teamId = team.id;
        r.name = u"Primary"_s;
        r.opsPoolId = pool.id;
        r.timeZone = u"Europe/Berlin"_s;
        r.shiftMinutes = 24 * 60;
        r.startDate = QDate(2026, 3, 16);
        QVERIFY(RotationService(*database).addRotation(r));
    }

    void onboardingToConfirmation()
    {
        auto r = tandem({u"rotation"_s, u"edit"_s, u"Primary"_s, u"--shadow-shifts"_s, u"3"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = tandem({u"rotation"_s, u"edit"_s, u"Primary"_s, u"--shadow-shifts"_s, u"-1"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"--shadow-shifts"_s), qPrintable(r.err));

        r = tandem({u"rotation"_s, u"onboard"_s, u"Primary"_s, u"tina@example.com"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"Tina is onboarding in Primary: 3 shadow shifts to do."_s), qPrintable(r.out));
        r = tandem({u"rotation"_s, u"onboard"_s, u"Primary"_s, u"olga@example.com"_s});
        QCOMPARE(r.exitCode, 1); // an ops engineer does not onboard as a developer
        r = tandem({u"rotation"_s, u"show"_s, u"Primary"_s});
        QVERIFY2(r.out.contains(u"shadowing now: Tina"_s), qPrintable(r.out));

        r = tandem(
            {u"plan"_s, u"--rotation"_s, u"Primary"_s, u"--from"_s, u"2026-03-23"_s, u"--to"_s, u"2026-04-05"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        // Three shadow shifts with three different pairs; Tina never in the developer seat.
        r = tandem({u"shifts"_s, u"list"_s, u"--rotation"_s, u"Primary"_s, u"--from"_s, u"2026-03-23"_s, u"--to"_s,
                    u"2026-04-05"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray shifts = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(shifts.size(), 14);
        QSet<QString> pairs;
        QString firstShadowed;
        for (const QJsonValue &v : shifts) {
            const QJsonObject o = v.toObject();
            QVERIFY(o.value(u"dev_email"_s).toString() != u"tina@example.com"_s);
            if (o.value(u"shadow_email"_s).toString() == u"tina@example.com"_s) {
                QCOMPARE(o.value(u"shadow_name"_s).toString(), u"Tina"_s);
                pairs.insert(o.value(u"dev_email"_s).toString() + u'+' + o.value(u"ops_email"_s).toString());
                if (firstShadowed.isEmpty()) {
                    firstShadowed = o.value(u"id"_s).toString();
                }
            }
        }
        QCOMPARE(pairs.size(), 3);
        r = tandem({u"shifts"_s, u"list"_s, u"--rotation"_s, u"Primary"_s, u"--from"_s, u"2026-03-23"_s, u"--to"_s,
                    u"2026-04-05"_s});
        QVERIFY2(r.out.contains(u"SHADOW"_s), qPrintable(r.out));

        // Not ready yet: nothing has ended on 18 March.
        r = tandem({u"rotation"_s, u"trainees"_s, u"Primary"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject before = QJsonDocument::fromJson(r.out.toUtf8()).array().first().toObject();
        QCOMPARE(before.value(u"done"_s).toInt(), 0);
        QCOMPARE(before.value(u"planned"_s).toInt(), 3);
        QCOMPARE(before.value(u"ready"_s).toBool(), false);
        r = tandem({u"rotation"_s, u"confirm"_s, u"Primary"_s, u"tina@example.com"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"has done 0 of 3 shadow shifts"_s), qPrintable(r.err));

        // A manual edit: the first shadowed shift's shadow taken off, then refused for its developer.
        r = tandem({u"shift"_s, u"shadow"_s, firstShadowed, u"--none"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = tandem({u"shift"_s, u"shadow"_s, firstShadowed, u"tina@example.com"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        // Two weeks later every shadow shift has ended: ready, and confirmed.
        const QDateTime later(QDate(2026, 4, 8), QTime(12, 0), Qt::UTC);
        r = tandem({u"rotation"_s, u"trainees"_s, u"Primary"_s}, later);
        QVERIFY2(r.out.contains(u"3 of 3"_s) && r.out.contains(u"ready"_s), qPrintable(r.out));
        r = tandem({u"rotation"_s, u"confirm"_s, u"Primary"_s, u"tina@example.com"_s}, later);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = tandem({u"rotation"_s, u"trainees"_s, u"Primary"_s}, later);
        QVERIFY2(r.out.contains(u"Nobody is onboarding in Primary."_s), qPrintable(r.out));

        // Confirmed: the next plan gives Tina developer seats.
        r = tandem({u"plan"_s, u"--rotation"_s, u"Primary"_s, u"--from"_s, u"2026-04-13"_s, u"--to"_s, u"2026-04-26"_s},
                   later);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = tandem({u"shifts"_s, u"list"_s, u"--rotation"_s, u"Primary"_s, u"--from"_s, u"2026-04-13"_s, u"--to"_s,
                    u"2026-04-26"_s, u"--json"_s},
                   later);
        int seats = 0;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out.toUtf8()).array()) {
            seats += v.toObject().value(u"dev_email"_s).toString() == u"tina@example.com"_s ? 1 : 0;
        }
        QVERIFY(seats > 0);
    }
};

QTEST_GUILESS_MAIN(CliOnboardingTest)
#include "clionboardingtest.moc"

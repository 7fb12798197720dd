// Two Tandem instances on one machine, each with its own database and settings, share a
// rotation through a real Radicale with the command line only, and trade a shift.

#include "radicale.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace Qt::StringLiterals;
using namespace Tandem;
using namespace Tandem::Test;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class CliSyncTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    RadicaleServer m_server;

    // One instance: its own data and config folders (so its own demo database and identity).
    Run tandem(const QString &instance, const QStringList &args)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(instance + u"/data"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(instance + u"/config"_s));
        env.insert(u"TANDEM_CALDAV_PASSWORD"_s, u"unused-with-auth-none"_s);
        env.remove(u"DISPLAY"_s);
        env.insert(u"QT_QPA_PLATFORM"_s, u"minimal"_s);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(TANDEM_EXE), args);
        if (!process.waitForFinished(120000)) {
            return {};
        }
        return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                   QString::fromUtf8(process.readAllStandardOutput()),
                   QString::fromUtf8(process.readAllStandardError())};
    }

    QJsonArray shifts(const QString &instance, const QStringList &db)
    {
        const QDate today = QDate::currentDate();
        const Run r = tandem(instance, db + QStringList{u"shifts"_s, u"list"_s, u"--rotation"_s, u"Payments on call"_s,
                                                        u"--from"_s, today.addDays(-7).toString(Qt::ISODate), u"--to"_s,
                                                        today.addDays(70).toString(Qt::ISODate), u"--json"_s});
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.errorString())); }

    void twoInstancesShareARotationAndTradeAShift()
    {
        const QString url = m_server.url(u"/alice/payments/"_s).toString();
        const QStringList a{u"--demo"_s};
        const QStringList b{u"--db"_s, m_dir.filePath(u"b.sqlite"_s)};
        const QDate today = QDate::currentDate();

        // Lead A plans two months and shares the team, creating the calendar.
        Run r = tandem(u"a"_s, a + QStringList{u"plan"_s, u"--rotation"_s, u"Payments on call"_s, u"--from"_s,
                                               today.toString(Qt::ISODate), u"--to"_s,
                                               today.addDays(62).toString(Qt::ISODate)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = tandem(u"a"_s, a + QStringList{u"sync"_s, u"--team"_s, u"Payments"_s, u"--url"_s, url, u"--user"_s,
                                           u"alice"_s, u"--create"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"Synced"_s), qPrintable(r.out));

        // B joins with an empty database and gets the same shifts.
        r = tandem(u"b"_s, b + QStringList{u"sync"_s, u"--url"_s, url, u"--user"_s, u"alice"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray onA = shifts(u"a"_s, a);
        QVERIFY(onA.size() >= 8);
        QCOMPARE(shifts(u"b"_s, b), onA);

        // A developer asks a colleague on instance A for a trade the rules allow.
        QString requestId;
        QString shiftId;
        QString requester;
        QString colleague;
        for (qsizetype i = 1; i < onA.size() && requestId.isEmpty(); ++i) {
            for (qsizetype j = i + 2; j < onA.size() && requestId.isEmpty(); ++j) {
                const QJsonObject mine = onA[i].toObject();
                const QJsonObject theirs = onA[j].toObject();
                if (mine[u"dev_email"_s] == theirs[u"dev_email"_s]) {
                    continue;
                }
                r = tandem(u"a"_s,
                           a + QStringList{u"swap"_s, u"request"_s, u"--shift"_s, mine[u"id"_s].toString(), u"--with"_s,
                                           theirs[u"dev_email"_s].toString(), u"--their-shift"_s,
                                           theirs[u"id"_s].toString(), u"--person"_s, mine[u"dev_email"_s].toString()});
                if (r.exitCode == 0) {
                    requestId = r.out.section(u"request "_s, 1).section(u' ', 0, 0);
                    shiftId = mine[u"id"_s].toString();
                    requester = mine[u"dev_email"_s].toString();
                    colleague = theirs[u"dev_email"_s].toString();
                }
            }
        }
        QVERIFY2(!requestId.isEmpty(), "no trade the rules allow");
        QVERIFY(tandem(u"a"_s, a + QStringList{u"sync"_s}).exitCode == 0);

        // The colleague accepts on instance B; the trade reaches A.
        QVERIFY(tandem(u"b"_s, b + QStringList{u"sync"_s}).exitCode == 0);
        r = tandem(u"b"_s, b + QStringList{u"swap"_s, u"accept"_s, requestId, u"--person"_s, colleague});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(tandem(u"b"_s, b + QStringList{u"sync"_s}).exitCode == 0);
        r = tandem(u"a"_s, a + QStringList{u"sync"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const QJsonValue &v : shifts(u"a"_s, a)) {
            if (v[u"id"_s].toString() == shiftId) {
                QCOMPARE(v[u"dev_email"_s].toString(), colleague);
            }
        }
        QCOMPARE(shifts(u"a"_s, a), shifts(u"b"_s, b));

        // Both instances say they are in step.
        r = tandem(u"a"_s, a + QStringList{u"sync"_s, u"status"_s, u"--json"_s});
        const QJsonObject status = QJsonDocument::fromJson(r.out.toUtf8()).array().first().toObject();
        QCOMPARE(status[u"pending"_s].toInt(), 0);
        QCOMPARE(status[u"conflicts"_s].toArray().size(), 0);
        QCOMPARE(status[u"url"_s].toString(), url);
    }
};

QTEST_GUILESS_MAIN(CliSyncTest)
#include "clisynctest.moc"

#include "childprocess.h"
#include "clirunner.h"
#include "testutil.h"

#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

/// The executable under test; TANDEM_TEST_EXE runs the suite against another build (an older
/// commit's, to see which cases it fails).
QString executable()
{
    return qEnvironmentVariable("TANDEM_TEST_EXE", QStringLiteral(TANDEM_EXE));
}

} // namespace

/// Several `tandem` processes on one database at once, and `kill -9` in the middle of writing:
/// what a team's scripts and an impatient user do. Every process either does its work or says
/// in one line why not; nothing is left half written.
class RaceTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"TANDEM_TEST_NOW"_s, Tandem::Test::cliNow().toString(Qt::ISODate));
        return env;
    }

    QMap<QString, QString> childEnvironment() const
    {
        return {{u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s)},
                {u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s)},
                {u"QT_QPA_PLATFORM"_s, u"offscreen"_s},
                {u"TANDEM_TEST_NOW"_s, Tandem::Test::cliNow().toString(Qt::ISODate)}};
    }

    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    /// Starts every command at once and waits for all of them.
    QList<Result> together(const QList<QStringList> &commands)
    {
        std::vector<std::unique_ptr<QProcess>> processes;
        for (const QStringList &args : commands) {
            auto p = std::make_unique<QProcess>();
            p->setProcessEnvironment(environment());
            p->start(executable(), args);
            processes.push_back(std::move(p));
        }
        QList<Result> results;
        for (auto &p : processes) {
            if (!p->waitForFinished(300000)) {
                p->kill();
                p->waitForFinished();
            }
            results.append({p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1,
                            QString::fromUtf8(p->readAllStandardOutput()),
                            QString::fromUtf8(p->readAllStandardError())});
        }
        return results;
    }

    Result tandem(const QStringList &args) { return together({args}).first(); }

    QString demoCopy(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        if (!QFile::copy(m_dir.filePath(u"data/Tandem/tandem/demo.sqlite"_s), path)) {
            return {};
        }
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        return path;
    }

    /// A day relative to the executable's "now" (tandem-testclock's TANDEM_TEST_NOW).
    static QString day(int plusDays) { return Tandem::Test::cliNow().date().addDays(plusDays).toString(Qt::ISODate); }

    static int count(const QString &db, const QString &sql)
    {
        const QString name = u"count-"_s + QUuid::createUuid().toString();
        int n = -1;
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            c.setDatabaseName(db);
            c.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            if (c.open()) {
                QSqlQuery q(c);
                if (q.exec(sql) && q.next()) {
                    n = q.value(0).toInt();
                }
                c.close();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const Result demo = tandem({u"--demo"_s, u"rotation"_s, u"list"_s});
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    }

    // 10. Processes opening a new database at once: one creates the schema, the others find it.
    void newDatabaseOpenedByManyAtOnce()
    {
        for (int round = 0; round < 6; ++round) {
            const QString db = m_dir.filePath(u"new%1.sqlite"_s.arg(round));
            QList<QStringList> commands;
            for (int i = 0; i < 8; ++i) {
                commands.append({u"--db"_s, db, u"roster"_s, u"list"_s, u"--json"_s});
            }
            const QList<Result> results = together(commands);
            for (const Result &r : results) {
                QVERIFY2(r.exitCode == 0, qPrintable(u"round %1: %2"_s.arg(round).arg(r.err)));
            }
            QCOMPARE(count(db, u"SELECT count(*) FROM sqlite_master WHERE name = 'teams'"_s), 1);
        }
    }

    // 11. Two plans of the same rotations at once: the second sees the first's shifts under the
    // write lock and plans again; both succeed, and every shift exists once.
    void concurrentPlansOfOneRotation()
    {
        for (int round = 0; round < 4; ++round) {
            const QString db = demoCopy(u"plans%1.sqlite"_s.arg(round));
            QVERIFY(!db.isEmpty());
            const QStringList plan{u"--db"_s,   db,     u"plan"_s, u"--rotation"_s, u"Payments on call"_s,
                                   u"--from"_s, day(7), u"--to"_s, day(7 + 365)};
            const QList<Result> results = together({plan, plan});
            for (const Result &r : results) {
                QVERIFY2(r.exitCode == 0, qPrintable(r.err));
                QVERIFY2(!r.err.contains(u"constraint"_s), qPrintable(r.err));
            }
            QCOMPARE(count(db, u"SELECT count(*) FROM (SELECT rotation_id, start_utc FROM shifts GROUP BY 1, 2 "
                               "HAVING count(*) > 1)"_s),
                     0);
        }
    }

    // 11. Two imports at once creating the same new team: one creates it, the other plans again
    // and joins it; both succeed.
    void concurrentImportsCreatingOneTeam()
    {
        for (int round = 0; round < 4; ++round) {
            const QString db = demoCopy(u"imports%1.sqlite"_s.arg(round));
            QList<QStringList> commands;
            for (int file = 0; file < 2; ++file) {
                QByteArray csv = "name,email,role,team,timezone\n";
                for (int i = 0; i < 300; ++i) {
                    csv += "Person " + QByteArray::number(file * 1000 + i) + ",p" +
                           QByteArray::number(file * 1000 + i) +
                           "@newcomers.example,developer,Newcomers,Europe/Berlin\n";
                }
                const QString path = m_dir.filePath(u"import%1-%2.csv"_s.arg(round).arg(file));
                QVERIFY(Tandem::Test::writeFile(path, csv));
                commands.append({u"--db"_s, db, u"roster"_s, u"import"_s, path});
            }
            const QList<Result> results = together(commands);
            for (const Result &r : results) {
                QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            }
            QCOMPARE(count(db, u"SELECT count(*) FROM teams WHERE name = 'Newcomers'"_s), 1);
            QCOMPARE(count(db, u"SELECT count(*) FROM people WHERE email LIKE '%@newcomers.example'"_s), 600);
        }
    }

    // 12. A writer that holds the lock longer than the busy timeout: the other waits, says so once,
    // and does its work; the error would otherwise be blamed on --to.
    void writerWaitsForALongTransaction()
    {
        const QString db = demoCopy(u"locked.sqlite"_s);
        const QString name = u"holder"_s;
        {
            QSqlDatabase holder = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            holder.setDatabaseName(db);
            QVERIFY(holder.open());
            QSqlQuery q(holder);
            QVERIFY(q.exec(u"BEGIN IMMEDIATE"_s));
            QProcess process;
            process.setProcessEnvironment(environment());
            process.start(executable(), {u"--db"_s, db, u"timeoff"_s, u"add"_s, u"--person"_s,
                                         u"markus.weber@example.com"_s, u"--from"_s, day(20), u"--to"_s, day(22)});
            QVERIFY(process.waitForStarted());
            // Longer than the 5 s busy timeout of one attempt.
            QTest::qWait(8000);
            QCOMPARE(process.state(), QProcess::Running);
            QVERIFY(q.exec(u"COMMIT"_s));
            QVERIFY(process.waitForFinished(60000));
            const QString err = QString::fromUtf8(process.readAllStandardError());
            QVERIFY2(process.exitCode() == 0, qPrintable(err));
            QVERIFY2(err.contains(u"waiting for another Tandem"_s), qPrintable(err));
            q.finish();
            holder.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    // 5. kill -9 while a PDF is written: the old file stays whole, or the new one is complete.
    void killedPrintLeavesAWholePdf()
    {
        const QString db = demoCopy(u"print.sqlite"_s);
        const Result planned =
            tandem({u"--db"_s, db, u"plan"_s, u"--rotation"_s, u"Payments on call"_s, u"--rotation"_s,
                    u"Platform on call"_s, u"--from"_s, day(0), u"--to"_s, day(365)});
        QVERIFY2(planned.exitCode == 0, qPrintable(planned.err));
        const QString pdf = m_dir.filePath(u"sheet.pdf"_s);
        const QStringList print{u"--db"_s, db,        u"print"_s, u"--layout"_s, u"list"_s, u"--from"_s,
                                day(0),    u"--to"_s, day(364),   u"--pdf"_s,    pdf};
        const Tandem::Test::Ceilings generous{60000, 1000};
        const Tandem::Test::ChildRun first = Tandem::Test::runChild(executable(), print, childEnvironment(), generous);
        QVERIFY2(first.exitCode == 0, qPrintable(first.describe()));
        const QByteArray good = Tandem::Test::readFile(pdf);
        QVERIFY(good.startsWith("%PDF"));
        int interrupted = 0;
        for (int i = 1; i <= 12; ++i) {
            const qint64 at = std::max<qint64>(20, first.milliseconds * i / 12);
            const Tandem::Test::ChildRun killed =
                Tandem::Test::runChild(executable(), print, childEnvironment(), generous, {}, at);
            interrupted += killed.signal != 0 ? 1 : 0;
            const QByteArray now = Tandem::Test::readFile(pdf);
            QVERIFY2(now == good || (now.startsWith("%PDF") && now.trimmed().endsWith("%%EOF")),
                     qPrintable(u"killed after %1 ms: %2 bytes, ends with %3"_s.arg(at)
                                    .arg(now.size())
                                    .arg(QString::fromLatin1(now.right(16).toHex()))));
        }
        QVERIFY2(interrupted >= 6, "too few runs were killed while writing");
    }
};

QTEST_GUILESS_MAIN(RaceTest)
#include "racetest.moc"

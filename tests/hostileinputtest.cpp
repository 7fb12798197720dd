#include "childprocess.h"
#include "clirunner.h"
#include "testutil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

#include <functional>

using namespace Qt::StringLiterals;

namespace {

/// The executable under test; TANDEM_TEST_EXE runs the suite against another build (an older
/// commit's, to see which cases it fails).
QString executable()
{
    return qEnvironmentVariable("TANDEM_TEST_EXE", QStringLiteral(TANDEM_EXE));
}

} // namespace
using Tandem::Test::Ceilings;
using Tandem::Test::ChildRun;

namespace {

// --- Generated inputs: nothing large is committed; each is built here, in the test. ----------

QByteArray calendar(const QByteArray &body)
{
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tandem//hostile//EN\r\n" + body + "END:VCALENDAR\r\n";
}

QByteArray vevent(const QByteArray &uid, const QByteArray &start, const QByteArray &end, const QByteArray &extra = {})
{
    return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20250101T000000Z\r\nDTSTART" + start + "\r\nDTEND" + end +
           "\r\nSUMMARY:Away\r\n" + extra + "END:VEVENT\r\n";
}

QByteArray numbers(int from, int to)
{
    QByteArrayList items;
    for (int i = from; i <= to; ++i) {
        items.append(QByteArray::number(i));
    }
    return items.join(',');
}

/// Under 1 KB: yearly, every month, month day, hour, minute and second; billions of occurrences.
QByteArray rruleBomb()
{
    return calendar(vevent("bomb@example.com", ":20250101T000000Z", ":20250101T010000Z",
                           "RRULE:FREQ=YEARLY;BYMONTH=" + numbers(1, 12) + ";BYMONTHDAY=" + numbers(1, 31) +
                               ";BYHOUR=" + numbers(0, 23) + ";BYMINUTE=" + numbers(0, 59) +
                               ";BYSECOND=" + numbers(0, 59) + "\r\n"));
}

/// A rule that stays under the per-period bound but repeats daily for ever, many times over.
QByteArray manyDailyRules()
{
    QByteArray body;
    for (int i = 0; i < 60; ++i) {
        body += vevent("daily" + QByteArray::number(i) + "@example.com", ";VALUE=DATE:20200101", ";VALUE=DATE:20200102",
                       "RRULE:FREQ=DAILY;BYHOUR=" + numbers(0, 23) + "\r\n");
    }
    return calendar(body);
}

QByteArray zone(const QByteArray &observances)
{
    return "BEGIN:VTIMEZONE\r\nTZID:Hostile/Zone\r\n" + observances + "END:VTIMEZONE\r\n";
}

QByteArray observance(const QByteArray &kind, const QByteArray &start, const QByteArray &extra)
{
    return "BEGIN:" + kind + "\r\nDTSTART:" + start + "\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n" + extra +
           "END:" + kind + "\r\n";
}

QByteArray withZone(const QByteArray &vtimezone)
{
    return calendar(vtimezone + vevent("z@example.com", ";TZID=Hostile/Zone:20250301T090000",
                                       ";TZID=Hostile/Zone:20250302T090000"));
}

/// Half a megabyte of time zone: thousands of observances.
QByteArray manyObservances()
{
    QByteArray observances;
    for (int i = 0; i < 3000; ++i) {
        observances +=
            observance(i % 2 ? "STANDARD" : "DAYLIGHT", QByteArray::number(1600 + i % 400) + "0301T020000", {});
    }
    return withZone(zone(observances));
}

/// One observance whose rule changes the offset every day since 1600.
QByteArray dailyZoneRule()
{
    return withZone(zone(observance("DAYLIGHT", "16000301T020000", "RRULE:FREQ=DAILY\r\n")));
}

/// Observances listing their transitions: 40,000 RDATEs.
QByteArray zoneDates()
{
    QByteArray observances;
    for (int o = 0; o < 10; ++o) {
        QByteArrayList dates;
        for (int i = 0; i < 4000; ++i) {
            dates.append(QDate(1700, 1, 1).addDays(o * 4000 + i).toString(u"yyyyMMdd"_s).toLatin1() + "T020000");
        }
        observances += observance("STANDARD", "17000101T020000", "RDATE:" + dates.join(',') + "\r\n");
    }
    return withZone(zone(observances));
}

/// Just over the size limit.
QByteArray oversizedCalendar()
{
    QByteArray body;
    const QByteArray description = "DESCRIPTION:" + QByteArray(70, 'x') + "\r\n";
    int i = 0;
    while (body.size() <= 16 * 1024 * 1024) {
        body += vevent("big" + QByteArray::number(i++) + "@example.com", ";VALUE=DATE:20250101", ";VALUE=DATE:20250102",
                       description);
    }
    return calendar(body);
}

/// Just under both limits: 19,000 events in 15 MB (long descriptions, folded), each the same
/// day in the period read: one time off.
QByteArray largeCalendar()
{
    QByteArray body;
    QByteArray description = "DESCRIPTION:";
    for (int line = 0; line < 8; ++line) {
        description += QByteArray(73, 'x') + "\r\n ";
    }
    description += "end\r\n";
    const QByteArray day = Tandem::Test::cliNow().date().addDays(30).toString(u"yyyyMMdd"_s).toLatin1();
    const QByteArray next = Tandem::Test::cliNow().date().addDays(31).toString(u"yyyyMMdd"_s).toLatin1();
    for (int i = 0; i < 19000; ++i) {
        body += vevent("large" + QByteArray::number(i) + "@example.com", ";VALUE=DATE:" + day, ";VALUE=DATE:" + next,
                       description);
    }
    return calendar(body);
}

/// Small events, more of them than a file may hold.
QByteArray tooManyEvents()
{
    QByteArray body;
    for (int i = 0; i < 70000; ++i) {
        body += vevent("many" + QByteArray::number(i) + "@example.com", ";VALUE=DATE:20250101", ";VALUE=DATE:20250102");
    }
    return calendar(body);
}

/// 19,000 events in 15 MB a month ago, each naming nobody on the roster: more than a history
/// import reads.
QByteArray largePastCalendar()
{
    QByteArray body;
    const QByteArray day = Tandem::Test::cliNow().date().addDays(-30).toString(u"yyyyMMdd"_s).toLatin1();
    const QByteArray description = "DESCRIPTION:" + QByteArray(700, 'x') + "\r\n";
    for (int i = 0; i < 19000; ++i) {
        body += vevent("past" + QByteArray::number(i) + "@example.com", ":" + day + "T080000Z", ":" + day + "T200000Z",
                       description);
    }
    return calendar(body);
}

QByteArray csvHeader()
{
    return "name,email,role,team,timezone,phone,capacity,production_access\n";
}

/// More rows than one import takes, each of them short.
QByteArray tooManyRows()
{
    QByteArray csv = csvHeader();
    csv.reserve(220000 * 60);
    for (int i = 0; i < 200001; ++i) {
        csv += "P" + QByteArray::number(i) + ",p" + QByteArray::number(i) + "@x.io,dev,T,UTC,,,\n";
    }
    return csv;
}

/// 10,000 people, valid: imported once in the fixture, then again unchanged (a scale case).
QByteArray roster(int people)
{
    QByteArray csv = csvHeader();
    for (int i = 0; i < people; ++i) {
        csv += "Person " + QByteArray::number(i) + ",person" + QByteArray::number(i) + "@example.com," +
               (i % 2 ? "operations" : "developer") + ",Scale,Europe/Berlin,,1,\n";
    }
    return csv;
}

/// A day relative to the executable's "now" (Test::cliNow(): tandem-testclock's TANDEM_TEST_NOW).
QString today(int plusDays = 0)
{
    return Tandem::Test::cliNow().date().addDays(plusDays).toString(Qt::ISODate);
}

} // namespace

/// The hostile-input suite: generated inputs (calendar files, CSV files, command-line values,
/// database and output paths) run through the real `tandem` executable under a time and memory
/// ceiling enforced here (setrlimit and wait4 in childprocess.cpp, a timer that kills), each with
/// the exit status, a fragment of the one-line message, and the database's content (a hash of a
/// dump) unchanged where nothing may be written.
class HostileInputTest : public QObject
{
    Q_OBJECT

    struct Case
    {
        QString name;
        QStringList args; ///< {db}, {dir} and {in} (the generated input) are replaced
        int exitCode = 1;
        QString fragment; ///< expected in stderr (in stdout when the exit status is 0)
        Ceilings ceilings;
        std::function<QByteArray()> input; ///< written to {in}
        std::function<void(const QString &db, const QString &dir)> setup;
        bool unchanged = true;          ///< the database's content must not change
        bool oneLine = true;            ///< stderr is one line
        bool honourPermissions = false; ///< file permissions apply even when the suite runs as root
        std::function<void(const ChildRun &, const QString &db, const QString &dir)> verify;
    };

    QTemporaryDir m_dir;
    QString m_base; ///< the demo team, planned: copied for each case
    QList<Case> m_cases;

    QMap<QString, QString> environment() const
    {
        return {{u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s)},
                {u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s)},
                {u"QT_QPA_PLATFORM"_s, u"offscreen"_s},
                {u"TZ"_s, u"UTC"_s},
                {u"LC_ALL"_s, u"C.UTF-8"_s},
                {u"TANDEM_TEST_NOW"_s, Tandem::Test::cliNow().toString(Qt::ISODate)}};
    }

    ChildRun tandem(const QStringList &args, const Ceilings &ceilings = {}, bool honourPermissions = false)
    {
        return Tandem::Test::runChild(executable(), args, environment(), ceilings, {}, 0, honourPermissions);
    }

    /// Every table's rows, in order, hashed: the database's content, not its bytes (a checkpoint
    /// moves bytes between the file and its WAL without changing anything).
    static QByteArray dumpHash(const QString &path)
    {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        const QString name = u"dump-"_s + QUuid::createUuid().toString();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(path);
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            if (!db.open()) {
                return "cannot open: " + db.lastError().text().toUtf8();
            }
            QSqlQuery tables(db);
            tables.exec(u"SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"_s);
            QStringList names;
            while (tables.next()) {
                names.append(tables.value(0).toString());
                hash.addData(tables.value(1).toString().toUtf8());
            }
            for (const QString &table : std::as_const(names)) {
                QSqlQuery rows(db);
                rows.exec(u"SELECT * FROM \"%1\" ORDER BY rowid"_s.arg(table));
                while (rows.next()) {
                    for (int c = 0; c < rows.record().count(); ++c) {
                        hash.addData(rows.value(c).toString().toUtf8());
                        hash.addData("\x1f");
                    }
                    hash.addData("\x1e");
                }
            }
            tables.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return hash.result().toHex();
    }

    static void sql(const QString &path, const QString &statement)
    {
        const QString name = u"sql-"_s + QUuid::createUuid().toString();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    static QStringList substituted(const QStringList &args, const QString &db, const QString &dir, const QString &input)
    {
        QStringList out;
        for (QString a : args) {
            a.replace(u"{db}"_s, db).replace(u"{dir}"_s, dir).replace(u"{in}"_s, input);
            out.append(a);
        }
        return out;
    }

    void buildCases()
    {
        const QStringList importTimeOff{
            u"--db"_s, u"{db}"_s, u"import"_s, u"ics"_s, u"--timeoff"_s, u"--person"_s, u"markus.weber@example.com"_s,
            u"{in}"_s};
        const Ceilings quick{2000, 300};
        auto ics = [&](const QString &name, std::function<QByteArray()> input, int exitCode, const QString &fragment,
                       Ceilings ceilings = {2000, 300}) {
            Case c;
            c.name = name;
            c.args = importTimeOff;
            c.input = std::move(input);
            c.exitCode = exitCode;
            c.fragment = fragment;
            c.ceilings = ceilings;
            c.unchanged = exitCode != 0;
            m_cases.append(c);
        };
        // 1. Work bounded before the expansion, with the line.
        ics(u"ics: RRULE with every BY* part"_s, rruleBomb, 1, u"Line 10: the recurrence rule repeats"_s);
        ics(u"ics: many daily rules with every hour"_s, manyDailyRules, 1, u"repeats up to"_s);
        ics(u"ics: 3000 time zone observances"_s, manyObservances, 1, u"observances"_s);
        ics(u"ics: a time zone rule that changes daily since 1600"_s, dailyZoneRule, 1,
            u"Line 10: the time zone rule repeats too often"_s);
        ics(u"ics: 40,000 time zone transitions as RDATEs"_s, zoneDates, 1, u"more than 20000 times"_s);
        ics(u"ics: over 16 MB"_s, oversizedCalendar, 1, u"at most 16 MB"_s);
        ics(u"ics: 15 MB, 19,000 events of one day of time off"_s, largeCalendar, 0, u"Imported 1 time off"_s);
        ics(u"ics: 70,000 events"_s, tooManyEvents, 1, u"more than 20000 components"_s);
        // The history import reads the same files through the same checks, and bounds its count.
        auto history = [&](const QString &name, std::function<QByteArray()> input, const QString &fragment) {
            Case c;
            c.name = u"history: "_s + name;
            c.args = {u"--db"_s, u"{db}"_s,   u"import"_s, u"history"_s, u"Payments on call"_s,
                      u"{in}"_s, u"--seat"_s, u"dev"_s};
            c.input = std::move(input);
            c.fragment = fragment;
            c.ceilings = {2000, 300};
            m_cases.append(c);
        };
        history(u"RRULE with every BY* part"_s, rruleBomb, u"Line 10: the recurrence rule repeats"_s);
        history(u"over 16 MB"_s, oversizedCalendar, u"at most 16 MB"_s);
        history(u"70,000 events"_s, tooManyEvents, u"more than 20000 components"_s);
        history(u"15 MB, 19,000 past events"_s, largePastCalendar, u"imports at most 10000"_s);
        // 16. Refuse what is wrong instead of guessing.
        ics(
            u"ics: an event that ends before it starts"_s,
            [] { return calendar(vevent("e@example.com", ":20250105T100000Z", ":20250104T100000Z")); }, 1,
            u"Line 8: the event ends (DTEND) before it starts (DTSTART, line 7)"_s);
        ics(
            u"ics: a calendar with no event"_s, [] { return calendar({}); }, 1, u"nothing to import"_s);
        ics(
            u"ics: nested 20 deep"_s,
            [] {
                QByteArray body;
                for (int i = 0; i < 20; ++i) {
                    body += "BEGIN:X-DEEP\r\n";
                }
                return calendar(body);
            },
            1, u"nested more than"_s);
        ics(
            u"ics: a NUL byte"_s, [] { return calendar(QByteArray("X-A:b\0c\r\n", 9)); }, 1, u"NUL"_s);

        // 3. CSV bounded before the work.
        {
            Case c;
            c.name = u"csv: /dev/zero"_s;
            c.args = {u"--db"_s, u"{db}"_s, u"roster"_s, u"import"_s, u"/dev/zero"_s};
            c.fragment = u"larger than 64 MB"_s;
            c.ceilings = quick;
            m_cases.append(c);
        }
        {
            Case c;
            c.name = u"csv: 64 MB and one byte"_s;
            c.args = {u"--db"_s, u"{db}"_s, u"roster"_s, u"import"_s, u"{in}"_s};
            c.input = [] { return csvHeader() + QByteArray(64 * 1024 * 1024, 'a'); };
            c.fragment = u"larger than 64 MB"_s;
            c.ceilings = quick;
            m_cases.append(c);
        }
        {
            Case c;
            c.name = u"csv: more than 200,000 rows"_s;
            c.args = {u"--db"_s, u"{db}"_s, u"roster"_s, u"import"_s, u"{in}"_s};
            c.input = tooManyRows;
            c.fragment = u"More than 200000 people"_s;
            c.oneLine = false; // the problem's own line, then the summary
            c.ceilings = {5000, 300};
            m_cases.append(c);
        }
        {
            Case c;
            c.name = u"csv: one quote opens the whole file"_s;
            c.args = {u"--db"_s, u"{db}"_s, u"roster"_s, u"import"_s, u"{in}"_s};
            c.input = [] { return csvHeader() + "\"" + QByteArray(8 * 1024 * 1024, 'q'); };
            c.fragment = u"nothing was imported"_s;
            c.oneLine = false;
            c.ceilings = quick;
            m_cases.append(c);
        }

        // 2. Weights the planner cannot use: refused where they are written, and a plan of a
        // rotation that already holds one (an older Tandem wrote it) is an error, not a crash.
        for (const QString &value : {u"1e308"_s, u"nan"_s, u"inf"_s, u"-1"_s, u"0"_s, u"11"_s}) {
            Case c;
            c.name = u"weight: --weekend-weight %1"_s.arg(value);
            c.args = {
                u"--db"_s, u"{db}"_s, u"rotation"_s, u"edit"_s, u"Payments on call"_s, u"--weekend-weight="_s + value};
            c.fragment = u"--weekend-weight"_s;
            c.ceilings = quick;
            m_cases.append(c);
        }
        {
            Case c;
            c.name = u"weight: plan a rotation stored with 1e308"_s;
            c.setup = [](const QString &db, const QString &) {
                sql(db, u"UPDATE rotations SET rules = json_set(rules, '$.weekend_weight', 1e308)"_s);
            };
            c.args = {u"--db"_s,   u"{db}"_s, u"plan"_s, u"--rotation"_s, u"Payments on call"_s,
                      u"--from"_s, today(30), u"--to"_s, today(120)};
            c.fragment = u"--rotation: Payments on call: The weekend weight must be a number from 0.1 to 10"_s;
            c.ceilings = quick;
            m_cases.append(c);
        }

        // 4. Periods without end.
        auto period = [&](const QString &name, const QStringList &args, const QString &fragment) {
            Case c;
            c.name = name;
            c.args = QStringList{u"--db"_s, u"{db}"_s} + args;
            c.fragment = fragment;
            c.ceilings = quick;
            c.verify = [](const ChildRun &, const QString &, const QString &dir) {
                QVERIFY2(!QFile::exists(dir + u"/out.pdf"_s), "a refused sheet left a file");
            };
            m_cases.append(c);
        };
        const QStringList ages{u"--from"_s, u"0001-01-01"_s, u"--to"_s, u"9999-12-31"_s};
        period(u"period: plan 0001-9999"_s, QStringList{u"plan"_s, u"--rotation"_s, u"Payments on call"_s} + ages,
               u"--to: The plan covers"_s);
        period(u"period: print 0001-9999"_s,
               QStringList{u"print"_s, u"--layout"_s, u"month"_s, u"--pdf"_s, u"{dir}/out.pdf"_s} + ages,
               u"--to: The period has"_s);
        period(u"period: report hours 0001-9999"_s, QStringList{u"report"_s, u"hours"_s} + ages,
               u"--to: The period has"_s);
        period(u"period: report coverage 0001-9999 as PDF"_s,
               QStringList{u"report"_s, u"coverage"_s, u"--pdf"_s, u"{dir}/out.pdf"_s} + ages,
               u"--to: The period has"_s);
        period(u"period: report fairness 0001-9999"_s,
               QStringList{u"report"_s, u"fairness"_s, u"--rotation"_s, u"Payments on call"_s} + ages,
               u"--to: The period has"_s);

        // 6. Never an output over a database.
        auto overDb = [&](const QString &name, const QStringList &args) {
            Case c;
            c.name = name;
            c.args = QStringList{u"--db"_s, u"{db}"_s} + args;
            c.fragment = u"Tandem never writes a report or an export over"_s;
            c.ceilings = quick;
            m_cases.append(c);
        };
        overDb(u"output: print --pdf DB"_s, {u"print"_s, u"--layout"_s, u"list"_s, u"--from"_s, today(), u"--to"_s,
                                             today(30), u"--pdf"_s, u"{db}"_s});
        overDb(u"output: report hours --pdf DB"_s, {u"report"_s, u"hours"_s, u"--pdf"_s, u"{db}"_s});
        overDb(u"output: report hours --csv DB"_s, {u"report"_s, u"hours"_s, u"--csv"_s, u"{db}"_s});
        overDb(u"output: report coverage --changes-csv DB"_s,
               {u"report"_s, u"coverage"_s, u"--changes-csv"_s, u"{db}"_s});
        overDb(u"output: report fairness --csv DB"_s,
               {u"report"_s, u"fairness"_s, u"--rotation"_s, u"Payments on call"_s, u"--csv"_s, u"{db}"_s});
        overDb(u"output: export ics -o DB"_s,
               {u"export"_s, u"ics"_s, u"--rotation"_s, u"Payments on call"_s, u"-o"_s, u"{db}"_s});
        overDb(u"output: roster export DB"_s, {u"roster"_s, u"export"_s, u"{db}"_s});
        overDb(u"output: roster export DB-wal"_s, {u"roster"_s, u"export"_s, u"{db}-wal"_s});
        {
            Case c;
            c.name = u"output: roster export over another SQLite file"_s;
            c.setup = [](const QString &, const QString &dir) { sql(dir + u"/other.db"_s, u"CREATE TABLE t(x)"_s); };
            c.args = {u"--db"_s, u"{db}"_s, u"roster"_s, u"export"_s, u"{dir}/other.db"_s};
            c.fragment = u"is a database"_s;
            c.ceilings = quick;
            c.verify = [](const ChildRun &, const QString &, const QString &dir) {
                QCOMPARE(Tandem::Test::readFile(dir + u"/other.db"_s).left(16), QByteArray("SQLite format 3\0", 16));
            };
            m_cases.append(c);
        }

        // 7. An empty path is an error, never the user's real database.
        for (const QStringList &dbArgs : {QStringList{u"--db"_s, QString()}, QStringList{u"--db="_s}}) {
            Case c;
            c.name = u"database: %1 (empty)"_s.arg(dbArgs.join(u' '));
            c.args = dbArgs + QStringList{u"roster"_s, u"list"_s};
            c.exitCode = 2;
            c.fragment = u"--db: the PATH is empty"_s;
            c.ceilings = quick;
            c.verify = [this](const ChildRun &, const QString &, const QString &) {
                QVERIFY2(!QFile::exists(m_dir.filePath(u"data/Tandem/tandem/tandem.sqlite"_s)),
                         "the default database was created");
            };
            m_cases.append(c);
        }
        // 8. Another application's WAL database: refused, nothing created beside it.
        {
            Case c;
            c.name = u"database: another application's WAL database"_s;
            c.setup = [](const QString &, const QString &dir) {
                const QString other = dir + u"/other-wal.db"_s;
                sql(other, u"PRAGMA journal_mode = WAL"_s);
                sql(other, u"CREATE TABLE notes(x)"_s);
                QFile::remove(other + u"-wal"_s);
                QFile::remove(other + u"-shm"_s);
            };
            c.args = {u"--db"_s, u"{dir}/other-wal.db"_s, u"roster"_s, u"list"_s};
            c.fragment = u"another application"_s;
            c.ceilings = quick;
            c.verify = [](const ChildRun &, const QString &, const QString &dir) {
                for (const QString &suffix : {u"-wal"_s, u"-shm"_s, u"-sessions"_s}) {
                    QVERIFY2(!QFile::exists(dir + u"/other-wal.db"_s + suffix), qPrintable(suffix));
                }
            };
            m_cases.append(c);
        }
        {
            Case c;
            c.name = u"database: a device"_s;
            c.args = {u"--db"_s, u"/dev/null"_s, u"roster"_s, u"list"_s};
            c.fragment = u"not a regular file"_s;
            c.ceilings = quick;
            m_cases.append(c);
        }

        // 15 and 16. Values refused in words, one line, naming the option.
        auto value = [&](const QString &name, const QStringList &args, const QString &fragment) {
            Case c;
            c.name = name;
            c.args = QStringList{u"--db"_s, u"{db}"_s} + args;
            c.fragment = fragment;
            c.ceilings = quick;
            m_cases.append(c);
        };
        value(u"value: --from with a time for a day option"_s,
              {u"shifts"_s, u"list"_s, u"--from"_s, u"2027-01-05T10:00"_s}, u"--from: “2027-01-05T10:00”"_s);
        value(u"value: --rate-weekday nan"_s, {u"report"_s, u"hours"_s, u"--rate-weekday"_s, u"nan"_s},
              u"--rate-weekday"_s);
        value(u"value: --rate-holiday inf"_s, {u"report"_s, u"hours"_s, u"--rate-holiday"_s, u"inf"_s},
              u"--rate-holiday"_s);
        value(u"value: --forbid given ops first"_s,
              {u"rotation"_s, u"edit"_s, u"Payments on call"_s, u"--forbid"_s,
               u"markus.weber@example.com:lena.fischer@example.com"_s},
              u"--forbid: Markus Weber is not a developer"_s);
        value(u"value: timeoff add --to before --from"_s,
              {u"timeoff"_s, u"add"_s, u"--person"_s, u"markus.weber@example.com"_s, u"--from"_s, u"2027-01-05"_s,
               u"--to"_s, u"2027-01-01"_s},
              u"--to:"_s);

        // 15. A read-only database reads, and says "read-only" when written (as nobody when root).
        {
            Case c;
            c.name = u"read-only: roster list works"_s;
            c.setup = [](const QString &db, const QString &dir) {
                QFile::setPermissions(db, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
                QFile::setPermissions(dir, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup |
                                               QFile::ReadOther | QFile::ExeOther);
            };
            c.args = {u"--db"_s, u"{db}"_s, u"roster"_s, u"list"_s};
            c.exitCode = 0;
            c.fragment = u"Markus Weber"_s;
            c.honourPermissions = true;
            c.ceilings = quick;
            m_cases.append(c);
            c.name = u"read-only: timeoff add says read-only"_s;
            c.args = {u"--db"_s,   u"{db}"_s, u"timeoff"_s, u"add"_s, u"--person"_s, u"markus.weber@example.com"_s,
                      u"--from"_s, today(10), u"--to"_s,    today(12)};
            c.exitCode = 1;
            c.fragment = u"read-only"_s;
            c.verify = [](const ChildRun &run, const QString &, const QString &) {
                QVERIFY2(!run.err.contains("--to"), run.err.constData());
                QVERIFY2(!run.err.contains("damaged"), run.err.constData());
            };
            m_cases.append(c);
        }

        // 13. Scale, under the same ceilings: a 10,000-person roster imported again unchanged,
        // and an ops pool of 2,000 members.
        {
            Case c;
            c.name = u"scale: re-import 10,000 unchanged people"_s;
            c.input = [] { return roster(10000); };
            c.setup = [this](const QString &db, const QString &dir) {
                Tandem::Test::writeFile(dir + u"/first.csv"_s, roster(10000));
                const ChildRun first =
                    tandem({u"--db"_s, db, u"roster"_s, u"import"_s, dir + u"/first.csv"_s}, {120000, 1000});
                QVERIFY2(first.exitCode == 0, qPrintable(first.describe()));
            };
            c.args = {u"--db"_s, u"{db}"_s, u"roster"_s, u"import"_s, u"{in}"_s};
            c.exitCode = 0;
            c.fragment = u"10000 unchanged"_s;
            c.ceilings = {10000, 300};
            m_cases.append(c);
            c.name = u"scale: pool add with 2,000 members"_s;
            c.input = {};
            QStringList emails;
            for (int i = 1; i < 4000; i += 2) {
                emails.append(u"person%1@example.com"_s.arg(i));
            }
            c.args = {u"--db"_s, u"{db}"_s, u"pool"_s, u"add"_s, u"Scale ops"_s, u"--members"_s, emails.join(u',')};
            c.fragment = u"2000 members"_s;
            c.unchanged = false;
            m_cases.append(c);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The demo team, with a quarter planned: created once by the real executable.
        const ChildRun demo = tandem({u"--demo"_s, u"plan"_s, u"--rotation"_s, u"Payments on call"_s, u"--from"_s,
                                      today(), u"--to"_s, today(90)},
                                     {60000, 1000});
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.describe()));
        m_base = m_dir.filePath(u"base.sqlite"_s);
        QVERIFY(QFile::copy(m_dir.filePath(u"data/Tandem/tandem/demo.sqlite"_s), m_base));
        buildCases();
    }

    void input_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < m_cases.size(); ++i) {
            QTest::newRow(qPrintable(m_cases.at(i).name)) << i;
        }
    }

    void input()
    {
        QFETCH(int, index);
        const Case &c = m_cases.at(index);
        const QString dir = m_dir.filePath(u"case%1"_s.arg(index));
        QVERIFY(QDir().mkpath(dir));
        const QString db = dir + u"/tandem.sqlite"_s;
        QVERIFY(QFile::copy(m_base, db));
        QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther | QFile::ReadGroup);
        QString input;
        if (c.input) {
            input = dir + u"/input"_s;
            QVERIFY(Tandem::Test::writeFile(input, c.input()));
        }
        if (c.setup) {
            c.setup(db, dir);
            if (QTest::currentTestFailed()) {
                return;
            }
        }
        const QByteArray before = dumpHash(db);
        const ChildRun run = tandem(substituted(c.args, db, dir, input), c.ceilings, c.honourPermissions);
        qInfo("%s", qPrintable(c.name + u": "_s + run.describe().left(300)));
        QVERIFY2(run.signal == 0 && !run.timedOut && !run.overTime, qPrintable(run.describe()));
        QVERIFY2(!run.overMemory, qPrintable(run.describe()));
        QVERIFY2(run.exitCode == c.exitCode, qPrintable(run.describe()));
        const QByteArray text = c.exitCode == 0 ? run.out : run.err;
        QVERIFY2(QString::fromUtf8(text).contains(c.fragment),
                 qPrintable(u"expected “%1” in: %2"_s.arg(c.fragment, QString::fromUtf8(text.left(2000)))));
        if (c.exitCode != 0) {
            // One line, in words: no log lines of the store or of Qt, no SQL.
            const QByteArray err = run.err.trimmed();
            if (c.oneLine) {
                QVERIFY2(!err.contains('\n'), err.constData());
            }
            QVERIFY2(err.mid(err.lastIndexOf('\n') + 1).startsWith("tandem: "), err.constData());
            for (const char *internal : {"tandem.store", "SELECT ", "INSERT ", "constraint failed", "QSql"}) {
                QVERIFY2(!err.contains(internal), err.constData());
            }
        }
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        if (c.unchanged) {
            QCOMPARE(dumpHash(db), before);
        }
        if (c.verify) {
            c.verify(run, db, dir);
        }
    }
};

QTEST_GUILESS_MAIN(HostileInputTest)
#include "hostileinputtest.moc"

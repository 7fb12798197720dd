// Hour windows (Rotation::windows): the text form, the checks, cutting across DST, and the
// windows kept by the store, the JSON of the change log and sync, and the rotation service.
#include "domain/hourwindows.h"

#include "domain/deserialize.h"
#include "domain/rotationwords.h"
#include "domain/serialize.h"
#include "personfixture.h"
#include "planner/windowcut.h"
#include "services/rotationservice.h"
#include "services/validation.h"
#include "store/poolrepository.h"
#include "store/shiftrepository.h"
#include "store/teamrepository.h"
#include "testutil.h"

#include <QJsonObject>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using namespace Tandem;
using namespace Tandem::Planner;

namespace {

Rotation windowed(const QString &zone, const QString &windows)
{
    Rotation r;
    r.id = RotationId::create();
    r.teamId = TeamId::create();
    r.opsPoolId = PoolId::create();
    r.name = u"Windowed"_s;
    r.timeZone = zone;
    r.startDate = QDate(2026, 1, 5);
    r.windows = parseWindows(windows).value_or({});
    return r;
}

QDateTime local(const QString &text, const QString &zone)
{
    return QDateTime(QDate::fromString(text.left(10), Qt::ISODate), QTime::fromString(text.mid(11), u"HH:mm"_s),
                     QTimeZone(zone.toUtf8()))
        .toUTC();
}

QString localText(const QDateTime &utc, const QString &zone)
{
    return utc.toTimeZone(QTimeZone(zone.toUtf8())).toString(u"yyyy-MM-dd HH:mm"_s);
}

} // namespace

class HourWindowsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textRoundTrips_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<int>("count");
        QTest::newRow("business hours") << u"Mon-Fri 09:00-17:00"_s << u"Mon-Fri 09:00-17:00"_s << 5;
        QTest::newRow("nights") << u"mon-sun 18:00-09:00"_s << u"Mon-Sun 18:00-09:00"_s << 7;
        QTest::newRow("weekends") << u"Sat-Sun 00:00-24:00"_s << u"Sat-Sun 00:00-24:00"_s << 2;
        QTest::newRow("wrapping range") << u"Fri-Mon 08:00-12:00"_s << u"Mon,Fri-Sun 08:00-12:00"_s << 4;
        QTest::newRow("lists and entries")
            << u"Wed,Mon 09:00-12:00; Tue 13:00-18:00;"_s << u"Mon,Wed 09:00-12:00; Tue 13:00-18:00"_s << 3;
        QTest::newRow("empty is all the time") << u""_s << u""_s << 0;
    }

    void textRoundTrips()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        QFETCH(int, count);
        const auto parsed = parseWindows(text);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
        QCOMPARE(parsed->size(), count);
        QCOMPARE(windowsText(*parsed), canonical);
        QCOMPARE(parseWindows(canonical).value(), *parsed);
        QVERIFY(windowProblems(*parsed).isEmpty());
    }

    void badTextIsRefusedInWords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no span") << u"Mon-Fri"_s << u"needs days and a time span"_s;
        QTest::newRow("bad day") << u"Mox 09:00-17:00"_s << u"“Mox” is not a day"_s;
        QTest::newRow("bad time") << u"Mon 9-17"_s << u"HH:MM"_s;
        QTest::newRow("25 h") << u"Mon 09:00-25:00"_s << u"HH:MM"_s;
        QTest::newRow("no length") << u"Mon 09:00-09:00"_s << u"no length"_s;
        QTest::newRow("hostile") << u"Mon 09:00-17:00; \u0000\u202e 99:99-:"_s << u"Hour window"_s;
    }

    void badTextIsRefusedInWords()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const auto parsed = parseWindows(text);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.errorMessage().contains(expected), qPrintable(parsed.errorMessage()));
        QCOMPARE(parsed.error().field, u"windows"_s);
    }

    void problemsNameTheWindow()
    {
        QStringList problems = windowProblems({DailyWindow{8, QTime(9, 0), 60}});
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(u"window 1"_s) && problems.first().contains(u"not 8"_s),
                 qPrintable(problems.first()));
        problems = windowProblems({DailyWindow{1, QTime(9, 0), 0}});
        QVERIFY2(problems.value(0).contains(u"no length"_s), qPrintable(problems.value(0)));
        problems = windowProblems({DailyWindow{1, QTime(9, 0), 25 * 60}});
        QVERIFY2(problems.value(0).contains(u"longer than a day"_s), qPrintable(problems.value(0)));
        // Monday 08:00-12:00 and Monday 11:00-13:00 overlap; so do Sunday night and Monday morning.
        problems = windowProblems(parseWindows(u"Mon 08:00-12:00; Mon 11:00-13:00"_s).value());
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(u"Mon 08:00-12:00"_s) && problems.first().contains(u"Mon 11:00-13:00"_s),
                 qPrintable(problems.first()));
        problems = windowProblems(parseWindows(u"Sun 22:00-06:00; Mon 05:00-07:00"_s).value());
        QCOMPARE(problems.size(), 1);
        // Touching is not overlapping.
        QVERIFY(windowProblems(parseWindows(u"Mon 08:00-12:00; Mon 12:00-13:00; Sun 18:00-00:00"_s).value()).isEmpty());
        // validateRotation reports them on the windows field.
        Rotation r = windowed(u"Europe/Berlin"_s, u""_s);
        r.windows = {DailyWindow{1, QTime(9, 0), 0}};
        const QList<Error> errors = validateRotation(r);
        QVERIFY(std::any_of(errors.cbegin(), errors.cend(), [](const Error &e) {
            return e.field == Field::Windows.toString() && e.message.contains(u"Hour window 1"_s);
        }));
    }

    void shapeWordsSayTheWindows()
    {
        Rotation r = windowed(u"Europe/Berlin"_s, u"Mon-Fri 09:00-17:00"_s);
        QVERIFY2(rotationShapeWords(r, QLocale::c()).endsWith(u", business hours Mon-Fri 09:00-17:00"_s),
                 qPrintable(rotationShapeWords(r, QLocale::c())));
        r.windows = windowPreset(WindowPreset::Nights);
        QVERIFY(rotationShapeWords(r, QLocale::c()).endsWith(u", nights Mon-Sun 18:00-09:00"_s));
        r.windows = windowPreset(WindowPreset::Weekends);
        QVERIFY(rotationShapeWords(r, QLocale::c()).endsWith(u", weekends Sat-Sun 00:00-24:00"_s));
        r.windows = parseWindows(u"Tue 10:00-11:00"_s).value();
        QVERIFY(rotationShapeWords(r, QLocale::c()).endsWith(u", hours Tue 10:00-11:00"_s));
        r.windows.clear();
        QVERIFY(!rotationShapeWords(r, QLocale::c()).contains(u"hours"_s));
    }

    void cutKeepsWallClockAcrossDst_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("windows");
        QTest::addColumn<QString>("from");       // local
        QTest::addColumn<QString>("to");         // local
        QTest::addColumn<QStringList>("pieces"); // local "start/end"
        // Business hours on the working days around each zone's change stay 09:00-17:00 local.
        QTest::newRow("Berlin spring, business hours")
            << u"Europe/Berlin"_s << u"Mon-Fri 09:00-17:00"_s << u"2026-03-27 00:00"_s << u"2026-03-31 00:00"_s
            << QStringList{u"2026-03-27 09:00/2026-03-27 17:00"_s, u"2026-03-30 09:00/2026-03-30 17:00"_s};
        QTest::newRow("New York autumn, business hours")
            << u"America/New_York"_s << u"Mon-Fri 09:00-17:00"_s << u"2026-10-30 00:00"_s << u"2026-11-03 00:00"_s
            << QStringList{u"2026-10-30 09:00/2026-10-30 17:00"_s, u"2026-11-02 09:00/2026-11-02 17:00"_s};
        QTest::newRow("Sydney autumn, business hours")
            << u"Australia/Sydney"_s << u"Mon-Fri 09:00-17:00"_s << u"2026-04-03 00:00"_s << u"2026-04-07 00:00"_s
            << QStringList{u"2026-04-03 09:00/2026-04-03 17:00"_s, u"2026-04-06 09:00/2026-04-06 17:00"_s};
        QTest::newRow("Kolkata, business hours")
            << u"Asia/Kolkata"_s << u"Mon-Fri 09:00-17:00"_s << u"2026-03-27 00:00"_s << u"2026-03-31 00:00"_s
            << QStringList{u"2026-03-27 09:00/2026-03-27 17:00"_s, u"2026-03-30 09:00/2026-03-30 17:00"_s};
        // A night across the change, cut out of a longer stretch: 18:00 to 09:00 local either way.
        for (const auto &[name, zone, day] : {std::tuple{"Berlin spring", "Europe/Berlin", "2026-03-28"},
                                              std::tuple{"Berlin autumn", "Europe/Berlin", "2026-10-24"},
                                              std::tuple{"New York spring", "America/New_York", "2026-03-07"},
                                              std::tuple{"New York autumn", "America/New_York", "2026-10-31"},
                                              std::tuple{"Sydney autumn", "Australia/Sydney", "2026-04-04"},
                                              std::tuple{"Sydney spring", "Australia/Sydney", "2026-10-03"},
                                              std::tuple{"Kolkata", "Asia/Kolkata", "2026-03-28"}}) {
            const QDate d = QDate::fromString(QString::fromLatin1(day), Qt::ISODate);
            const QString next = d.addDays(1).toString(Qt::ISODate);
            QTest::newRow((QByteArray(name) + ", night").constData())
                << QString::fromLatin1(zone) << u"Sat 18:00-09:00"_s << QString::fromLatin1(day) + u" 12:00"_s
                << next + u" 12:00"_s << QStringList{QString::fromLatin1(day) + u" 18:00/"_s + next + u" 09:00"_s};
        }
        // A window edge in the hour skipped moves to the first minute that exists.
        QTest::newRow("Berlin gap edge") << u"Europe/Berlin"_s << u"Sun 02:30-05:00"_s << u"2026-03-29 00:00"_s
                                         << u"2026-03-29 12:00"_s
                                         << QStringList{u"2026-03-29 03:00/2026-03-29 05:00"_s};
        // Weekends only: Saturday and Sunday touch and are one piece, Saturday 00:00 to Monday 00:00.
        QTest::newRow("weekend one piece")
            << u"America/New_York"_s << u"Sat-Sun 00:00-24:00"_s << u"2026-10-26 09:00"_s << u"2026-11-09 09:00"_s
            << QStringList{u"2026-10-31 00:00/2026-11-02 00:00"_s, u"2026-11-07 00:00/2026-11-09 00:00"_s};
        // Cut at the interval's edges too.
        QTest::newRow("clipped") << u"Asia/Kolkata"_s << u"Mon-Fri 09:00-17:00"_s << u"2026-03-30 12:00"_s
                                 << u"2026-03-31 10:00"_s
                                 << QStringList{u"2026-03-30 12:00/2026-03-30 17:00"_s,
                                                u"2026-03-31 09:00/2026-03-31 10:00"_s};
        QTest::newRow("all the time") << u"Europe/Berlin"_s << u""_s << u"2026-03-28 12:00"_s << u"2026-03-30 12:00"_s
                                      << QStringList{u"2026-03-28 12:00/2026-03-30 12:00"_s};
    }

    void cutKeepsWallClockAcrossDst()
    {
        QFETCH(QString, zone);
        QFETCH(QString, windows);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QStringList, pieces);
        const Rotation r = windowed(zone, windows);
        const WindowCut cut(r);
        QStringList got;
        qint64 seconds = 0;
        for (const auto &[start, end] : cut.pieces(local(from, zone), local(to, zone))) {
            QCOMPARE(start.timeSpec(), Qt::UTC);
            got.append(localText(start, zone) + u'/' + localText(end, zone));
            seconds += start.secsTo(end);
        }
        QCOMPARE(got, pieces);
        QCOMPARE(cut.seconds(local(from, zone).toSecsSinceEpoch(), local(to, zone).toSecsSinceEpoch()), seconds);
    }

    void nightAcrossTheChangeIsAnHourShorterOrLonger_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDate>("saturday");
        QTest::addColumn<int>("hours");
        QTest::newRow("Berlin spring") << u"Europe/Berlin"_s << QDate(2026, 3, 28) << 14;
        QTest::newRow("Berlin autumn") << u"Europe/Berlin"_s << QDate(2026, 10, 24) << 16;
        QTest::newRow("New York spring") << u"America/New_York"_s << QDate(2026, 3, 7) << 14;
        QTest::newRow("New York autumn") << u"America/New_York"_s << QDate(2026, 10, 31) << 16;
        QTest::newRow("Sydney autumn") << u"Australia/Sydney"_s << QDate(2026, 4, 4) << 16;
        QTest::newRow("Sydney spring") << u"Australia/Sydney"_s << QDate(2026, 10, 3) << 14;
        QTest::newRow("Kolkata") << u"Asia/Kolkata"_s << QDate(2026, 3, 28) << 15;
    }

    void nightAcrossTheChangeIsAnHourShorterOrLonger()
    {
        QFETCH(QString, zone);
        QFETCH(QDate, saturday);
        QFETCH(int, hours);
        const Rotation r = windowed(zone, u"Mon-Sun 18:00-09:00"_s);
        const WindowCut cut(r);
        const QTimeZone tz(zone.toUtf8());
        const qint64 start = QDateTime(saturday, QTime(12, 0), tz).toSecsSinceEpoch();
        const qint64 end = QDateTime(saturday.addDays(1), QTime(12, 0), tz).toSecsSinceEpoch();
        QCOMPARE(cut.seconds(start, end), qint64(hours) * 3600);
    }

    void weeklySlotsAreCutIntoPieces()
    {
        // A weekly business-hours rotation over the Berlin spring change: 5 pieces a week, 8 h each.
        Rotation r = windowed(u"Europe/Berlin"_s, u"Mon-Fri 09:00-17:00"_s);
        r.startDate = QDate(2026, 3, 23);
        const QList<Slot> pieces = generateWindowSlots(r, QDate(2026, 3, 23), QDate(2026, 4, 5));
        QCOMPARE(pieces.size(), 10);
        for (const Slot &p : pieces) {
            QCOMPARE(p.start.secsTo(p.end), 8 * 3600);
            QCOMPARE(localText(p.start, r.timeZone).right(5), u"09:00"_s);
        }
        QCOMPARE(pieces.first().start.time(), QTime(8, 0)); // CET
        QCOMPARE(pieces.last().start.time(), QTime(7, 0));  // CEST
        // A daily rotation whose Saturday and Sunday slots hold no window time has no shifts then.
        r.shiftMinutes = 24 * 60;
        QCOMPARE(generateWindowSlots(r, QDate(2026, 3, 23), QDate(2026, 3, 29)).size(), 5);
    }

    void storeKeepsTheWindows()
    {
        QTemporaryDir dir;
        FakeClock clock{Test::fixedNow()};
        auto db = Test::openFresh(dir, clock);
        const Team team{TeamId::create(), u"Payments"_s, u"Europe/Berlin"_s};
        QVERIFY(TeamRepository(*db).insert(team).ok());
        const Test::DevAndOps pair = Test::insertDevAndOps(*db);
        const OpsPool pool{PoolId::create(), u"Payments ops"_s, {pair.ops.id}};
        QVERIFY(PoolRepository(*db).insert(pool).ok());
        RotationService service(*db);
        Rotation r = windowed(u"Europe/Berlin"_s, u"Mon-Fri 09:00-17:00; Sat 10:00-12:00"_s);
        r.teamId = team.id;
        r.opsPoolId = pool.id;
        auto added = service.addRotation(r);
        QVERIFY2(added.ok(), qPrintable(added.errorMessage()));
        auto read = service.rotation(r.id);
        QVERIFY(read.ok() && read->has_value());
        QCOMPARE(read.value()->windows, r.windows);
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(u"SELECT windows FROM rotations WHERE id = '%1'"_s.arg(r.id.toString())) && q.next());
        QCOMPARE(q.value(0).toString(), u"Mon-Fri 09:00-17:00; Sat 10:00-12:00"_s);

        // Cleared: all the time again, stored as ''.
        Rotation cleared = *read.value();
        cleared.windows.clear();
        QVERIFY(service.updateRotation(cleared).ok());
        QVERIFY(service.rotation(r.id).value()->windows.isEmpty());

        // Refused with the window named; nothing written.
        Rotation bad = cleared;
        bad.windows = {DailyWindow{1, QTime(9, 0), 8 * 60}, DailyWindow{1, QTime(16, 0), 2 * 60}};
        const Status refused = service.updateRotation(bad);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorMessage().contains(u"overlap"_s), qPrintable(refused.errorMessage()));
        QVERIFY(service.rotation(r.id).value()->windows.isEmpty());
    }

    void jsonCarriesTheWindows()
    {
        Rotation r = windowed(u"Australia/Sydney"_s, u"Mon-Sun 18:00-09:00"_s);
        const QJsonObject json = toJson(r);
        QCOMPARE(json.value(u"windows"_s).toString(), u"Mon-Sun 18:00-09:00"_s);
        const auto back = rotationFromJson(json);
        QVERIFY2(back.ok(), qPrintable(back.errorMessage()));
        QCOMPARE(back->windows, r.windows);
        QCOMPARE(back.value(), r);

        // A rotation without windows writes no key and reads as all the time (older peers).
        r.windows.clear();
        QVERIFY(!toJson(r).contains(u"windows"_s));
        QVERIFY(rotationFromJson(toJson(r))->windows.isEmpty());
    }

    void hostileJsonIsRefused_data()
    {
        QTest::addColumn<QJsonValue>("windows");
        QTest::addColumn<QString>("expected");
        QTest::newRow("number") << QJsonValue(42) << u"windows"_s;
        QTest::newRow("object") << QJsonValue(QJsonObject{{u"a"_s, 1}}) << u"windows"_s;
        QTest::newRow("garbage") << QJsonValue(u"Mon 09:00-17:00; ;;Funday 1-2"_s) << u"Funday"_s;
        QTest::newRow("overlap") << QJsonValue(u"Mon 08:00-12:00; Mon 11:00-13:00"_s) << u"overlap"_s;
        QTest::newRow("huge") << QJsonValue(QString(100000, u'M')) << u"windows"_s;
    }

    void hostileJsonIsRefused()
    {
        QFETCH(QJsonValue, windows);
        QFETCH(QString, expected);
        QJsonObject json = toJson(windowed(u"Europe/Berlin"_s, u""_s));
        json.insert(u"windows"_s, windows);
        const auto read = rotationFromJson(json);
        QVERIFY(!read.ok());
        QVERIFY2(read.errorMessage().contains(expected), qPrintable(read.errorMessage()));
    }
};

QTEST_GUILESS_MAIN(HourWindowsTest)
#include "hourwindowstest.moc"

#include "domain/timezonenames.h"

#include "services/validation.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tandem;

/// IANA's backward-compatible names, still used by HR systems and old exports, resolve to the
/// zone the system's tz database links them to; current names stay as they are; what the tz
/// database does not know (or is no name at all) is refused.
class TimeZoneNamesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canonical_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("stored");
        QTest::newRow("current") << u"Europe/Berlin"_s << u"Europe/Berlin"_s;
        QTest::newRow("current, spaces") << u"  America/New_York "_s << u"America/New_York"_s;
        QTest::newRow("UTC") << u"UTC"_s << u"UTC"_s;
        QTest::newRow("Asia/Calcutta") << u"Asia/Calcutta"_s << u"Asia/Kolkata"_s;
        QTest::newRow("US/Eastern") << u"US/Eastern"_s << u"America/New_York"_s;
        QTest::newRow("US/Pacific") << u"US/Pacific"_s << u"America/Los_Angeles"_s;
        QTest::newRow("Europe/Kiev") << u"Europe/Kiev"_s << u"Europe/Kyiv"_s;
        QTest::newRow("Asia/Saigon") << u"Asia/Saigon"_s << u"Asia/Ho_Chi_Minh"_s;
        QTest::newRow("America/Buenos_Aires") << u"America/Buenos_Aires"_s << u"America/Argentina/Buenos_Aires"_s;
        QTest::newRow("GB") << u"GB"_s << u"Europe/London"_s;
        QTest::newRow("Etc/UTC") << u"Etc/UTC"_s << u"UTC"_s;
        QTest::newRow("Zulu") << u"Zulu"_s << u"UTC"_s;
        QTest::newRow("Etc/GMT+5 (a zone outside zone.tab)") << u"Etc/GMT+5"_s << u"Etc/GMT+5"_s;
        QTest::newRow("unknown") << u"Mars/Olympus"_s << QString();
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("a path") << u"../../etc/passwd"_s << QString();
        QTest::newRow("absolute") << u"/usr/share/zoneinfo/UTC"_s << QString();
        QTest::newRow("a folder") << u"America"_s << QString();
        // Qt reads a name it has no zone file for as a POSIX TZ rule: "Nowhere" would be UTC.
        QTest::newRow("a word, no zone") << u"Nowhere"_s << QString();
        QTest::newRow("a POSIX rule, no zone") << u"CET-1CEST"_s << QString();
        QTest::newRow("a tz database file, not a zone") << u"leapseconds"_s << QString();
    }

    void canonical()
    {
        QFETCH(QString, input);
        QFETCH(QString, stored);
        QCOMPARE(canonicalTimeZone(input), stored);
        QCOMPARE(isValidTimeZone(input), !stored.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TimeZoneNamesTest)
#include "timezonenamestest.moc"

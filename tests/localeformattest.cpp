#include "domain/localeformat.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tandem;

/// Dates and times in the user's locale: the short forms Tandem shows in the locales of its
/// users, the neutral form of the C locale, and edit formats that read back what they show.
class LocaleFormatTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formats_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("withWeekday");
        QTest::addColumn<QString>("withYear");
        QTest::addColumn<QString>("time");
        // Monday 30 March 2026, 09:05 and 21:40.
        QTest::newRow("C") << u"C"_s << u"Mon 30 Mar"_s << u"30 Mar 2026"_s << u"09:05 21:40"_s;
        QTest::newRow("en_US") << u"en_US"_s << u"Mon, Mar 30"_s << u"Mar 30, 2026"_s << u"9:05 AM 9:40 PM"_s;
        QTest::newRow("en_GB") << u"en_GB"_s << u"Mon, 30 Mar"_s << u"30 Mar 2026"_s << u"09:05 21:40"_s;
        QTest::newRow("de_DE") << u"de_DE"_s << u"Mo., 30. März"_s << u"30. März 2026"_s << u"09:05 21:40"_s;
        QTest::newRow("fr_FR") << u"fr_FR"_s << u"lun. 30 mars"_s << u"30 mars 2026"_s << u"09:05 21:40"_s;
        QTest::newRow("ja_JP") << u"ja_JP"_s << u"3月30日月"_s << u"2026年3月30日"_s << u"9:05 21:40"_s;
        QTest::newRow("pt_BR") << u"pt_BR"_s << u"seg., 30 de mar."_s << u"30 de mar. de 2026"_s << u"09:05 21:40"_s;
        QTest::newRow("ru_RU") << u"ru_RU"_s << u"пн, 30 мар."_s << u"30 мар. 2026 г."_s << u"09:05 21:40"_s;
        QTest::newRow("es_ES") << u"es_ES"_s << u"lun, 30 de mar"_s << u"30 de mar de 2026"_s << u"9:05 21:40"_s;
    }

    void formats()
    {
        QFETCH(QString, locale);
        QFETCH(QString, withWeekday);
        QFETCH(QString, withYear);
        QFETCH(QString, time);
        const QLocale l(locale);
        const QDate day(2026, 3, 30);
        QCOMPARE(LocaleFormat::date(day, true, false, l), withWeekday);
        QCOMPARE(LocaleFormat::date(day, false, true, l), withYear);
        QCOMPARE(LocaleFormat::time(QTime(9, 5), l) + u' ' + LocaleFormat::time(QTime(21, 40), l), time);
        QCOMPARE(LocaleFormat::dateTime(QDateTime(day, QTime(9, 5)), true, false, l),
                 withWeekday + u' ' + LocaleFormat::time(QTime(9, 5), l));
        // An edit shows and reads back the same format.
        QCOMPARE(l.toDate(LocaleFormat::date(day, true, true, l), LocaleFormat::dateFormat(true, true, l)), day);
        QCOMPARE(l.toTime(LocaleFormat::time(QTime(21, 40), l), LocaleFormat::timeFormat(l)), QTime(21, 40));
    }
};

QTEST_GUILESS_MAIN(LocaleFormatTest)
#include "localeformattest.moc"

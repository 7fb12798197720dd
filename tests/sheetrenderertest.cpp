#include "sheetrenderer.h"

#include "domain/hourwindows.h"
#include "planner/windowcut.h"
#include "reportfixture.h"
#include "reportrenderer.h"
#include "services/planservice.h"
#include "services/reportservice.h"
#include "services/rotationservice.h"

#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::StringLiterals;
using namespace Tandem;

/// Renders every layout to PDF offscreen and reads the text back with pdftotext (Debian
/// poppler-utils): pages, pairs, phones, and nothing cut off.
class SheetRendererTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_out;

    // The PDF's text with line breaks and no-break spaces as plain spaces, so a name wrapped in
    // its cell still reads as one.
    // -raw keeps the order of drawing: the lines of one cell stay together.
    static QString pdfText(const QString &path, int page = 0, bool layout = false)
    {
        QStringList args{layout ? u"-layout"_s : u"-raw"_s};
        if (page > 0) {
            args << u"-f"_s << QString::number(page) << u"-l"_s << QString::number(page);
        }
        QProcess process;
        process.start(u"pdftotext"_s, args << path << u"-"_s);
        if (!process.waitForFinished(30000) || process.exitCode() != 0) {
            return {};
        }
        QString text = QString::fromUtf8(process.readAllStandardOutput());
        text.replace(QChar::Nbsp, u' ');
        text.replace(QRegularExpression(u"\\s+"_s), u" "_s);
        return text;
    }

    static int pdfPages(const QString &path)
    {
        QProcess process;
        process.start(u"pdfinfo"_s, {path});
        process.waitForFinished(30000);
        const auto match =
            QRegularExpression(u"Pages:\\s+(\\d+)"_s).match(QString::fromUtf8(process.readAllStandardOutput()));
        return match.hasMatch() ? match.captured(1).toInt() : -1;
    }

    static Reports::SheetData sheet(Test::ReportFixture &f, PersonId person = {})
    {
        ReportScope scope = f.scope(QDate(2026, 3, 23), QDate(2026, 4, 12));
        scope.person = person;
        auto data = ReportService(*f.db).sheet(scope);
        if (!data) {
            qFatal("sheet: %s", qPrintable(data.errorMessage()));
        }
        return data.value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_out.isValid());
        if (QStandardPaths::findExecutable(u"pdftotext"_s).isEmpty()) {
            // A tool of the set-up: missing, the PDF checks fail rather than skip.
            QFAIL("pdftotext (poppler-utils) is not installed: ./packaging/dev.sh deps installs it");
        }
    }

    void listShowsEveryPairAndPhoneWhole_data()
    {
        QTest::addColumn<Print::Paper>("paper");
        QTest::addColumn<bool>("landscape");
        QTest::newRow("A4 portrait") << Print::Paper::A4 << false;
        QTest::newRow("A4 landscape") << Print::Paper::A4 << true;
        QTest::newRow("Letter portrait") << Print::Paper::Letter << false;
    }

    void listShowsEveryPairAndPhoneWhole()
    {
        QFETCH(Print::Paper, paper);
        QFETCH(bool, landscape);
        Test::ReportFixture f;
        f.build();
        const QString path =
            m_out.filePath(u"list-%1.pdf"_s.arg(QString::fromUtf8(QTest::currentDataTag())).replace(u' ', u'-'));
        const auto pages =
            Print::SheetRenderer(sheet(f), {Print::SheetLayout::List, false}).writePdf(path, paper, landscape);
        QVERIFY2(pages.ok(), qPrintable(pages.errorMessage()));
        QCOMPARE(pages.value(), 1);
        QCOMPARE(pdfPages(path), 1);
        const QString text = pdfText(path);
        for (const Person &p : {f.dana, f.dean, f.max, f.otto}) {
            QVERIFY2(text.contains(p.name), qPrintable(p.name + u" in: "_s + text));
            QVERIFY2(text.contains(p.phone), qPrintable(p.phone));
        }
        // The longest name is complete in the list (wrapped if need be, never elided).
        QVERIFY(text.contains(Test::ReportFixture::longName()));
        QVERIFY(!text.contains(u"…"_s));
        // Escalation: the senior ops engineer with her phone; the planted gap reads as one.
        QVERIFY(text.contains(u"Sabine Senior +49 30 1111 0009"_s));
        QVERIFY(text.contains(u"— gap —"_s));
        QVERIFY(text.contains(u"Mon 23 Mar 09:00 CET"_s));
        QVERIFY(text.contains(u"Mon 30 Mar 09:00 CEST"_s)); // DST: the zone's own abbreviation
        QVERIFY(text.contains(u"Page 1 of 1"_s));
        QVERIFY(text.contains(u"Valid as of"_s));
        QVERIFY(text.contains(u"Checkout"_s));
    }

    // Issue 17: a business-hours week prints as its five pieces with their local times.
    void listShowsHourWindowPieces()
    {
        Test::ReportFixture f;
        f.build();
        Rotation r = f.rotation;
        r.windows = windowPreset(WindowPreset::BusinessHours);
        QVERIFY(RotationService(*f.db).updateRotation(r).ok());
        Planner::PlanResult plan;
        for (const Planner::Slot &piece : Planner::generateWindowSlots(r, QDate(2026, 4, 13), QDate(2026, 4, 13))) {
            Shift s;
            s.id = ShiftId::create();
            s.rotationId = r.id;
            s.start = piece.start;
            s.end = piece.end;
            s.dev = f.dana.id;
            s.ops = f.otto.id;
            plan.shifts.append(Planner::PlannedShift{s, Planner::Change::Added, {}, {}});
        }
        QCOMPARE(plan.shifts.size(), 5);
        QVERIFY(PlanService(*f.db).apply(plan).ok());
        auto data = ReportService(*f.db).sheet(f.scope(QDate(2026, 4, 13), QDate(2026, 4, 19)));
        QVERIFY2(data.ok(), qPrintable(data.errorMessage()));
        const QString path = m_out.filePath(u"list-windows.pdf"_s);
        QVERIFY(Print::SheetRenderer(data.value(), {Print::SheetLayout::List, false})
                    .writePdf(path, Print::Paper::A4, false));
        const QString text = pdfText(path);
        for (const QString &day :
             {u"Mon 13 Apr"_s, u"Tue 14 Apr"_s, u"Wed 15 Apr"_s, u"Thu 16 Apr"_s, u"Fri 17 Apr"_s}) {
            QVERIFY2(text.contains(day + u" 09:00 CEST"_s), qPrintable(day + u" in: "_s + text));
        }
        QVERIFY2(text.contains(u"17:00"_s), qPrintable(text));
        QVERIFY(!text.contains(u"Sat 18 Apr 09:00"_s));
    }

    void monthGridHasAPagePerMonthAndElidesLongNames()
    {
        Test::ReportFixture f;
        f.build();
        const QString path = m_out.filePath(u"month.pdf"_s);
        const auto pages =
            Print::SheetRenderer(sheet(f), {Print::SheetLayout::Month, true}).writePdf(path, Print::Paper::A4, true);
        QVERIFY2(pages.ok(), qPrintable(pages.errorMessage()));
        QCOMPARE(pages.value(), 2); // March and April
        QCOMPARE(pdfPages(path), 2);
        const QString march = pdfText(path, 1);
        QVERIFY2(march.contains(u"D Dana Dev"_s), qPrintable(march));
        QVERIFY(march.contains(u"O Otto Ops"_s));
        QVERIFY(march.contains(u"from 09:00"_s));
        QVERIFY(march.contains(u"holiday"_s));
        QVERIFY(march.contains(u"Checkout on call"_s)); // the legend
        QVERIFY(march.contains(u"Page 1 of 2"_s));
        const QString april = pdfText(path, 2);
        QVERIFY(april.contains(u"— gap —"_s));
        QVERIFY(april.contains(u"Page 2 of 2"_s));
    }

    // Issue 14: the month sheet cut names beside empty space (the font grew to fill the height,
    // names were elided to the width). A name that fits at a smaller size is printed whole.
    void monthGridPrintsNamesWholeWhenASmallerFontFits()
    {
        Test::ReportFixture f;
        f.build();
        Person dana = f.dana;
        dana.name = u"Anna-Lena Wittgenstein"_s;
        QVERIFY(RosterService(*f.db).updatePerson(dana));
        const QString path = m_out.filePath(u"month-long-name.pdf"_s);
        QVERIFY(
            Print::SheetRenderer(sheet(f), {Print::SheetLayout::Month, true}).writePdf(path, Print::Paper::A4, true));
        const QString march = pdfText(path, 1);
        QVERIFY2(march.contains(u"D Anna-Lena Wittgenstein"_s), qPrintable(march));
    }

    void personalSheetShowsPartnersAndContacts()
    {
        Test::ReportFixture f;
        f.build();
        const QString path = m_out.filePath(u"person.pdf"_s);
        const auto pages = Print::SheetRenderer(sheet(f, f.otto.id), {Print::SheetLayout::Person, false})
                               .writePdf(path, Print::Paper::Letter, false);
        QVERIFY2(pages.ok(), qPrintable(pages.errorMessage()));
        QCOMPARE(pages.value(), 1);
        const QString text = pdfText(path);
        QVERIFY(text.contains(u"Otto Ops"_s));
        QVERIFY(text.contains(u"2 shifts"_s));
        QVERIFY(text.contains(u"Dana Dev +49 30 1111 0001"_s));
        QVERIFY(text.contains(u"Dean Dev +49 30 1111 0002"_s));
        QVERIFY(text.contains(u"Sabine Senior +49 30 1111 0009"_s));
        QVERIFY(!text.contains(f.max.name)); // not his shift
    }

    void longTablesRepeatTheirHeaderOnEveryPage()
    {
        // 120 shifts of one rotation, in memory: the list runs over several pages.
        Test::ReportFixture f;
        f.build();
        Reports::SheetData data = sheet(f);
        data.shifts.clear();
        for (int i = 0; i < 120; ++i) {
            Shift s;
            s.id = ShiftId::create();
            s.rotationId = f.rotation.id;
            s.start = Test::ReportFixture::berlin(3, 23, 9).addDays(i);
            s.end = s.start.addDays(1);
            s.dev = i % 2 ? f.dana.id : f.dean.id;
            s.ops = f.otto.id;
            s.bridgeUrl = u"https://meet.example.com/checkout-on-call-bridge-%1"_s.arg(i);
            data.shifts.append(s);
        }
        const QString path = m_out.filePath(u"long.pdf"_s);
        const auto pages =
            Print::SheetRenderer(data, {Print::SheetLayout::List, false}).writePdf(path, Print::Paper::A4, false);
        QVERIFY(pages.ok());
        QVERIFY2(pages.value() >= 5, qPrintable(QString::number(pages.value())));
        QCOMPARE(pdfPages(path), pages.value());
        for (int page = 1; page <= pages.value(); ++page) {
            const QString text = pdfText(path, page);
            QVERIFY2(pdfText(path, page, true).contains(u"When Developer Ops Escalation Bridge Notes"_s),
                     qPrintable(text));
            QVERIFY(text.contains(u"Page %1 of %2"_s.arg(page).arg(pages.value())));
        }
        // A link longer than its column wraps instead of running into the notes.
        QVERIFY2(pdfText(path, 1).remove(u' ').contains(u"https://meet.example.com/checkout-on-call-bridge-0"_s),
                 qPrintable(pdfText(path, 1)));
    }

    void reportsRenderTablesAndPictures()
    {
        Test::ReportFixture f;
        f.build();
        const ReportScope scope = f.scope(QDate(2026, 3, 23), QDate(2026, 4, 12));
        ReportService reports(*f.db);
        const auto coverage = reports.coverage(scope);
        QVERIFY(coverage.ok());
        const Reports::SheetData data = sheet(f);
        const QString path = m_out.filePath(u"coverage.pdf"_s);
        const auto pages = Print::ReportRenderer::writePdf(
            path, Print::SheetRenderer::header(data, u"Coverage"_s), Print::Paper::A4, false,
            [&](Print::PageDocument &doc) { Print::ReportRenderer::layoutCoverage(doc, coverage.value()); });
        QVERIFY(pages.ok());
        const QString text = pdfText(path);
        QVERIFY2(text.contains(u"no one with production access"_s), qPrintable(text));
        QVERIFY(text.contains(u"2026-04-06 09:00 CEST"_s));
        QVERIFY(text.contains(u"tester@example.com"_s));

        const auto summary = reports.fairness(scope);
        QVERIFY(summary.ok());
        const QString fairness = m_out.filePath(u"fairness.pdf"_s);
        QVERIFY(Print::ReportRenderer::writePdf(
                    fairness, Print::SheetRenderer::header(data, u"Fairness"_s), Print::Paper::Letter, false,
                    [&](Print::PageDocument &doc) {
                        Print::ReportRenderer::layoutFairness(doc, summary.value(), data.people);
                    })
                    .ok());
        const QString fairText = pdfText(fairness);
        QVERIFY(fairText.contains(u"Weighted load against fair share"_s));
        QVERIFY(fairText.contains(u"Otto Ops"_s));
    }
};

QTEST_MAIN(SheetRendererTest)
#include "sheetrenderertest.moc"

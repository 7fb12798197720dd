#include "printsheetdialog.h"

#include "services/planservice.h"
#include "services/rotationservice.h"
#include "testutil.h"
#include "workspace.h"

#include <QComboBox>
#include <QDateEdit>
#include <QProcess>

using namespace Qt::StringLiterals;
using namespace Tandem;

/// The print dialog writes the sheet a lead chose: layout, what to print, period, paper.
class PrintSheetDialogTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    FakeClock m_clock{Test::fixedNow()}; ///< "now" of the widgets and the workspaces (Clock::current())

    static QString pdfText(const QString &path)
    {
        QProcess pdftotext;
        pdftotext.start(u"pdftotext"_s, {u"-layout"_s, path, u"-"_s});
        pdftotext.waitForFinished(30000);
        // Phone numbers are printed with no-break spaces so they never wrap.
        return QString::fromUtf8(pdftotext.readAllStandardOutput()).replace(QChar(0xa0), u' ');
    }

private Q_SLOTS:
    void initTestCase()
    {
        Clock::setCurrent(&m_clock);
        Test::usePrivateHome(m_home, u"printsheetdialogtest"_s);
    }

    void cleanupTestCase() { Clock::setCurrent(nullptr); }

    void exportsTheChosenSheetAsPdf()
    {
        QTemporaryDir dir;
        auto opened = Workspace::open(dir.filePath(u"demo.sqlite"_s), true);
        QVERIFY(opened);
        Workspace &ws = *opened.value();
        const auto rotation = ws.rotations().rotationByName(u"Payments on call"_s).value().value();
        QDate from = m_clock.today().addDays(7);
        while (from.dayOfWeek() != 1) {
            from = from.addDays(1);
        }
        const QDate to = from.addDays(27);
        const auto plan = ws.plans().preview({rotation.id}, from, to);
        QVERIFY(plan);
        QVERIFY(ws.plans().apply(plan.value()));

        PrintSheetDialog dialog(ws);
        auto *layout = dialog.findChild<QComboBox *>(u"layoutCombo"_s);
        auto *scope = dialog.findChild<QComboBox *>(u"scopeCombo"_s);
        layout->setCurrentIndex(1); // list
        const int index = scope->findText(u"Payments on call"_s);
        QVERIFY(index >= 0);
        scope->setCurrentIndex(index);
        dialog.findChild<QDateEdit *>(u"fromDate"_s)->setDate(from);
        dialog.findChild<QDateEdit *>(u"toDate"_s)->setDate(to);
        const QString path = dir.filePath(u"sheet.pdf"_s);
        QVERIFY(dialog.exportPdf(path));
        const QString text = pdfText(path);
        QVERIFY2(text.contains(u"Payments"_s), qPrintable(text.left(400)));
        // Every pair of the plan is on the sheet, with the ops engineer's phone.
        const auto people = ws.roster().people().value();
        for (const auto &planned : plan->shifts) {
            for (const Person &p : people) {
                if (p.id == planned.shift.dev || p.id == planned.shift.ops) {
                    QVERIFY2(text.contains(p.name), qPrintable(p.name));
                }
                if (p.id == planned.shift.ops) {
                    QVERIFY2(text.contains(p.phone), qPrintable(p.phone));
                }
            }
        }
        // Issue 14: the suggested file name had a colon ("Rotation sheet: month"), which some file
        // systems and shares refuse.
        for (int i = 0; i < layout->count(); ++i) {
            layout->setCurrentIndex(i);
            const QString name = dialog.suggestedFileName();
            QVERIFY2(!name.contains(u':') && !name.contains(u'/') && name.endsWith(u".pdf"_s), qPrintable(name));
            QVERIFY2(name.contains(from.toString(Qt::ISODate)), qPrintable(name));
        }
        layout->setCurrentIndex(1);

        // The choice is remembered for the next time.
        PrintSheetDialog again(ws);
        QCOMPARE(again.findChild<QComboBox *>(u"layoutCombo"_s)->currentIndex(), 1);
        QCOMPARE(again.findChild<QComboBox *>(u"scopeCombo"_s)->currentText(), u"Payments on call"_s);
    }

    void aPersonalSheetListsPeople()
    {
        QTemporaryDir dir;
        auto opened = Workspace::open(dir.filePath(u"demo.sqlite"_s), true);
        QVERIFY(opened);
        PrintSheetDialog dialog(*opened.value());
        auto *layout = dialog.findChild<QComboBox *>(u"layoutCombo"_s);
        layout->setCurrentIndex(2); // personal
        auto *scope = dialog.findChild<QComboBox *>(u"scopeCombo"_s);
        QCOMPARE(scope->count(), 30);
        QVERIFY(scope->findText(u"Maya Patel"_s) >= 0);
    }

    void theCalendarPresetsTheMonth()
    {
        QTemporaryDir dir;
        auto opened = Workspace::open(dir.filePath(u"demo.sqlite"_s), true);
        QVERIFY(opened);
        PrintSheetDialog dialog(*opened.value());
        dialog.setSheet(Print::SheetLayout::Month, QDate(2027, 2, 1), QDate(2027, 2, 28));
        QCOMPARE(dialog.findChild<QComboBox *>(u"layoutCombo"_s)->currentData().toInt(),
                 int(Print::SheetLayout::Month));
        QCOMPARE(dialog.findChild<QDateEdit *>(u"fromDate"_s)->date(), QDate(2027, 2, 1));
        QCOMPARE(dialog.findChild<QDateEdit *>(u"toDate"_s)->date(), QDate(2027, 2, 28));
        const QString path = dir.filePath(u"february.pdf"_s);
        QVERIFY(dialog.exportPdf(path));
        QVERIFY(pdfText(path).contains(u"February 2027"_s));
    }
};

QTEST_MAIN(PrintSheetDialogTest)
#include "printsheetdialogtest.moc"

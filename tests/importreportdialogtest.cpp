#include "importreportdialog.h"

#include "testutil.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>

using namespace Qt::StringLiterals;
using namespace Tandem;

namespace {
const QByteArray header = "name,email,role,team,timezone,phone,capacity,production_access\n";
}

/// The report of a roster file with problems, from a real parse and plan on a real database:
/// each problem with its line and column, nothing imported while it shows, "Import the valid
/// rows" only when there are some, and accepting it imports exactly those.
class ImportReportDialogTest : public QObject
{
    Q_OBJECT

    FakeClock m_clock{Test::fixedNow()};

private Q_SLOTS:
    void listsProblemsAndImportsOnlyTheValidRows()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        RosterService roster(*db);
        const QByteArray csv = header + "Ada,ada@example.com,developer,Payments,Europe/Berlin,,1,no\n"
                                        "Bob,bob-at-example.com,operations,Payments,Europe/Berlin,,1,yes\n"
                                        "Cy,cy@example.com,developer,Payments,Mars/Olympus,,1,no\n"
                                        "Di,di@example.com,operations,Payments,Europe/Berlin,,1,yes\n";
        const auto plan = roster.planImport(parseRosterCsv(csv));
        QVERIFY2(plan, qPrintable(plan.errorMessage()));
        QCOMPARE(plan->issues.size(), 2);

        ImportReportDialog dialog(u"team.csv"_s, plan.value());
        dialog.show();
        QCOMPARE(dialog.windowTitle(), u"Problems in team.csv"_s);
        auto *table = dialog.findChild<QTableWidget *>(u"issueTable"_s);
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 2);
        // Bob's e-mail on line 3, column 2; Cy's zone on line 4, column 5.
        QCOMPARE(table->item(0, 0)->text(), u"3"_s);
        QCOMPARE(table->item(0, 1)->text(), u"2 (email)"_s);
        QVERIFY2(table->item(0, 2)->text().contains(u"bob-at-example.com"_s), qPrintable(table->item(0, 2)->text()));
        QCOMPARE(table->item(1, 0)->text(), u"4"_s);
        QCOMPARE(table->item(1, 1)->text(), u"5 (timezone)"_s);
        QVERIFY2(table->item(1, 2)->text().contains(u"Mars/Olympus"_s), qPrintable(table->item(1, 2)->text()));
        bool saysNothingImported = false;
        for (QLabel *label : dialog.findChildren<QLabel *>()) {
            saysNothingImported = saysNothingImported || label->text().contains(u"Nothing has been imported"_s);
        }
        QVERIFY(saysNothingImported);
        QVERIFY(roster.people()->isEmpty()); // the dialog writes nothing

        auto *importValid = dialog.findChild<QPushButton *>(u"importValidButton"_s);
        QVERIFY(importValid);
        QVERIFY(importValid->text().contains(u"2"_s));
        QTest::mouseClick(importValid, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        // What the main window does on Accepted: the valid rows only.
        const auto imported = roster.applyImport(plan.value(), true);
        QVERIFY2(imported, qPrintable(imported.errorMessage()));
        QStringList emails;
        for (const Person &p : roster.people().value()) {
            emails.append(p.email);
        }
        emails.sort();
        QCOMPARE(emails, (QStringList{u"ada@example.com"_s, u"di@example.com"_s}));
    }

    void noValidRowNoImportButton()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        RosterService roster(*db);
        const auto plan = roster.planImport(
            parseRosterCsv(header + "Bob,bob-at-example.com,operations,Payments,Europe/Berlin,,1,yes\n"));
        QVERIFY(plan);
        ImportReportDialog dialog(u"bad.csv"_s, plan.value());
        QVERIFY(!dialog.findChild<QPushButton *>(u"importValidButton"_s));
        QCOMPARE(dialog.findChild<QDialogButtonBox *>()->buttons().size(), 1); // Cancel only
        bool saysNoRow = false;
        for (QLabel *label : dialog.findChildren<QLabel *>()) {
            saysNoRow = saysNoRow || label->text().contains(u"No row can be imported"_s);
        }
        QVERIFY(saysNoRow);
    }
};

QTEST_MAIN(ImportReportDialogTest)
#include "importreportdialogtest.moc"

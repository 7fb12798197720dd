#include "historyimportwizard.h"

#include "historyfixture.h"
#include "mainwindow.h"
#include "store/changelog.h"
#include "store/database.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;

namespace Tandem {

/// The history import wizard offscreen: from the File menu of the real main window through the
/// preview and the choice of an ambiguous name to the import, its undo, and keyboard and screen
/// reader access.
class HistoryImportWizardTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()};
    QTemporaryDir m_dir;

    QString dbPath() const { return m_dir.filePath(u"wizard.sqlite"_s); }

    /// The shifts of the database and its change log, on a connection of their own.
    QPair<int, qint64> state()
    {
        auto db = Database::open(dbPath(), m_clock);
        if (!db) {
            qFatal("%s", qPrintable(db.errorMessage()));
        }
        auto shifts = ShiftRepository(*db.value())
                          .overlapping(QDateTime(QDate(2016, 1, 1), QTime(0, 0), Qt::UTC),
                                       QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC));
        return {int(shifts->size()), ChangeLog(*db.value()).lastSeq().value()};
    }

    static int rowOf(QTableWidget *table, int column, const QString &text)
    {
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, column) && table->item(row, column)->text() == text) {
                return row;
            }
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Clock::setCurrent(&m_clock);
    }

    void cleanupTestCase() { Clock::setCurrent(nullptr); }

    void init()
    {
        QFile::remove(dbPath());
        Test::HistoryFixture fixture(m_dir, m_clock, u"wizard.sqlite"_s);
    }

    void fromTheFileMenuToTheImportAndBack()
    {
        MainWindow window;
        QVERIFY(window.openDatabase(dbPath()));
        window.show();
        auto *action = window.findChild<QAction *>(u"actionImportHistory"_s);
        QVERIFY(action);
        QVERIFY(action->isEnabled());
        const auto before = state();
        action->trigger();
        auto *wizard = window.findChild<HistoryImportWizard *>(u"historyImportWizard"_s);
        QVERIFY(wizard);
        QVERIFY(wizard->isVisible());
        QCOMPARE(wizard->currentId(), int(HistoryImportWizard::SourcePageId));

        // Step 1: nothing to go on without a file.
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        auto *file = wizard->findChild<QLineEdit *>(u"fileEdit"_s);
        file->setText(Test::historySample(u"pagerduty.ics"_s));
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        wizard->findChild<QComboBox *>(u"seatCombo"_s)->setCurrentIndex(0); // developer
        wizard->next();
        QCOMPARE(wizard->currentId(), int(HistoryImportWizard::PreviewPageId));

        // Step 2: every event with its status; the ambiguous and the unmatched name to resolve.
        auto *table = wizard->findChild<QTableWidget *>(u"previewTable"_s);
        QCOMPARE(table->rowCount(), 9);
        QCOMPARE(table->item(0, 2)->text(), u"Jane Doe"_s);
        QCOMPARE(table->item(0, 3)->text(), u"By e-mail"_s);
        QCOMPARE(table->item(0, 4)->text(), u"New shift"_s);
        QCOMPARE(table->item(2, 3)->text(), u"Ambiguous"_s);
        QCOMPARE(table->item(3, 3)->text(), u"Not on the roster"_s);
        QVERIFY(table->item(6, 4)->text().startsWith(u"Fills the empty seat"_s));
        auto *summary = wizard->findChild<QLabel *>(u"summaryLabel"_s);
        QVERIFY2(summary->text().contains(u"adds 3 past shift(s) and fills 1 empty seat(s)"_s),
                 qPrintable(summary->text()));
        auto *resolve = wizard->findChild<QTableWidget *>(u"resolveTable"_s);
        QCOMPARE(resolve->rowCount(), 2);
        const int alexRow = rowOf(resolve, 0, u"Alex Kim"_s);
        QVERIFY(alexRow >= 0);
        QVERIFY(rowOf(resolve, 0, u"Max Mustermann"_s) >= 0);
        auto *alexCombo = qobject_cast<QComboBox *>(resolve->cellWidget(alexRow, 2));
        QVERIFY(alexCombo);
        QCOMPARE(alexCombo->count(), 3); // skip, and the two Alex Kims
        QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());

        // Choosing the person resolves both of Alex's weeks.
        alexCombo->setCurrentIndex(alexCombo->findText(u"Alex  Kim <akim@example.com>"_s));
        QCOMPARE(table->item(2, 3)->text(), u"Chosen"_s);
        QCOMPARE(table->item(2, 4)->text(), u"New shift"_s);
        QCOMPARE(table->item(5, 4)->text(), u"New shift"_s);
        QVERIFY2(summary->text().contains(u"adds 5 past shift(s)"_s), qPrintable(summary->text()));
        QCOMPARE(state(), before); // the preview writes nothing

        // Step 3: import, one undo step.
        QVERIFY(QMetaObject::invokeMethod(wizard, "accept"));
        QTRY_VERIFY(!window.findChild<HistoryImportWizard *>(u"historyImportWizard"_s));
        const auto after = state();
        QCOMPARE(after.first, before.first + 5);
        QCOMPARE(after.second, before.second + 6);
        auto *undo = window.findChild<QAction *>(u"actionUndo"_s);
        QVERIFY(undo->isEnabled());
        QVERIFY2(undo->text().contains(u"Payments on call"_s), qPrintable(undo->text()));
        undo->trigger();
        QCOMPARE(state().first, before.first);
        auto *redo = window.findChild<QAction *>(u"actionRedo"_s);
        redo->trigger();
        QCOMPARE(state().first, before.first + 5);
    }

    void aBrokenFileSaysWhyAndCannotImport()
    {
        auto db = Database::open(dbPath(), m_clock);
        QVERIFY(db.ok());
        const QString path = m_dir.filePath(u"broken.ics"_s);
        QVERIFY(Test::writeFile(path, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026\r\n"));
        HistoryImportWizard wizard(*db.value(), path);
        wizard.show();
        wizard.next();
        auto *summary = wizard.findChild<QLabel *>(u"summaryLabel"_s);
        QVERIFY2(summary->text().contains(u"cannot be imported"_s), qPrintable(summary->text()));
        QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
        QCOMPARE(wizard.findChild<QTableWidget *>(u"previewTable"_s)->rowCount(), 0);
    }

    void everyControlIsNamedAndReachedByKeyboard()
    {
        auto db = Database::open(dbPath(), m_clock);
        QVERIFY(db.ok());
        HistoryImportWizard wizard(*db.value(), Test::historySample(u"opsgenie.ics"_s));
        wizard.findChild<QComboBox *>(u"seatCombo"_s)->setCurrentIndex(1);
        wizard.show();
        wizard.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&wizard));
        auto checkNamed = [&wizard] {
            const auto widgets = wizard.currentPage()->findChildren<QWidget *>();
            for (QWidget *w : widgets) {
                const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w) ||
                                     qobject_cast<QLineEdit *>(w) || qobject_cast<QTableWidget *>(w);
                if (control && w->isVisibleTo(&wizard) && !qobject_cast<QLineEdit *>(w->parentWidget()) &&
                    !qobject_cast<QComboBox *>(w->parentWidget())) {
                    QVERIFY2(!w->accessibleName().isEmpty(),
                             qPrintable(w->objectName() + u' ' + QString::fromLatin1(w->metaObject()->className())));
                    QVERIFY2(w->focusPolicy() & Qt::TabFocus, qPrintable(w->objectName()));
                }
            }
        };
        checkNamed();
        for (QWizard::WizardButton which : {QWizard::NextButton, QWizard::CancelButton}) {
            QVERIFY(!wizard.button(which)->accessibleName().isEmpty());
        }
        // The mnemonics of the first page reach their fields.
        QTest::keyClick(&wizard, Qt::Key_S, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), wizard.findChild<QComboBox *>(u"seatCombo"_s));
        QTest::keyClick(&wizard, Qt::Key_F, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), wizard.findChild<QLineEdit *>(u"fileEdit"_s));
        wizard.next();
        checkNamed();
        auto *resolve = wizard.findChild<QTableWidget *>(u"resolveTable"_s);
        QCOMPARE(resolve->rowCount(), 1); // Kai Berger, not on the roster
        auto *combo = qobject_cast<QComboBox *>(resolve->cellWidget(0, 2));
        QVERIFY(combo);
        QVERIFY2(combo->accessibleName().contains(u"Kai Berger"_s), qPrintable(combo->accessibleName()));
        // Offered: everyone who can take the ops seat.
        QCOMPARE(combo->count(), 1 + 3);
    }
};

} // namespace Tandem

QTEST_MAIN(Tandem::HistoryImportWizardTest)
#include "historyimportwizardtest.moc"

#include "timeoffdialog.h"

#include "itemmodels/rostercommands.h"
#include "testutil.h"

#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Tandem;

/// The time off dialog on a real database: what a lead types is saved at once, refused with
/// the reason when it cannot be, and undoable.
class TimeOffDialogTest : public QObject
{
    Q_OBJECT

    FakeClock m_clock{Test::fixedNow()}; // Wednesday 18 March 2026
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<RosterService> m_roster;
    QUndoStack m_stack;
    std::unique_ptr<RosterEditor> m_editor;
    Person m_ada;

    static QPushButton *button(QDialog &dialog, const QString &text)
    {
        for (QPushButton *b : dialog.findChildren<QPushButton *>()) {
            if (b->text() == text) {
                return b;
            }
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Clock::setCurrent(&m_clock);
        m_db = Test::openFresh(m_dir, m_clock);
        m_roster = std::make_unique<RosterService>(*m_db);
        m_editor = std::make_unique<RosterEditor>(*m_roster, &m_stack);
        auto ada = m_roster->addPerson(Test::makePerson(u"Ada"_s, u"ada@example.com"_s));
        QVERIFY2(ada, qPrintable(ada.errorMessage()));
        m_ada = ada.value();
    }

    void cleanupTestCase() { Clock::setCurrent(nullptr); }

    void addsRefusesEditsAndRemoves()
    {
        TimeOffDialog dialog(*m_editor, m_ada);
        dialog.show();
        auto *table = dialog.findChild<QTableWidget *>(u"timeOffTable"_s);
        auto *from = dialog.findChild<QDateEdit *>(u"fromDate"_s);
        auto *to = dialog.findChild<QDateEdit *>(u"toDate"_s);
        auto *reason = dialog.findChild<QLineEdit *>(u"reasonEdit"_s);
        QPushButton *add = button(dialog, u"&Add"_s);
        QPushButton *save = button(dialog, u"&Save Changes"_s);
        QPushButton *remove = button(dialog, u"&Remove"_s);
        QVERIFY(table && from && to && reason && add && save && remove);
        QCOMPARE(dialog.windowTitle(), u"Time Off: Ada"_s);

        // A new entry starts today (the clock's), and nothing is selected to save or remove.
        QCOMPARE(from->date(), QDate(2026, 3, 18));
        QCOMPARE(to->date(), QDate(2026, 3, 18));
        QCOMPARE(table->rowCount(), 0);
        QVERIFY(!save->isEnabled());
        QVERIFY(!remove->isEnabled());

        // Moving the start past the end takes the end along.
        from->setDate(QDate(2026, 4, 6));
        QCOMPARE(to->date(), QDate(2026, 4, 6));
        to->setDate(QDate(2026, 4, 10));
        QTest::keyClicks(reason, u"Easter"_s);
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 2)->text(), u"Easter"_s);
        QVERIFY(reason->text().isEmpty());
        QList<TimeOff> saved = m_roster->timeOff(m_ada.id).value();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().from, QDate(2026, 4, 6));
        QCOMPARE(saved.first().to, QDate(2026, 4, 10));
        QCOMPARE(saved.first().reason, u"Easter"_s);

        // An end before the start is refused and said; nothing is written.
        from->setDate(QDate(2026, 5, 20));
        to->setDate(QDate(2026, 5, 18));
        QCOMPARE(to->date(), QDate(2026, 5, 18));
        QTest::keyClicks(reason, u"Backwards"_s);
        QTest::mouseClick(add, Qt::LeftButton);
        auto *message = dialog.findChild<QLabel *>(u"messageLabel"_s);
        QVERIFY(message);
        QVERIFY2(message->text().contains(u"before it starts"_s), qPrintable(message->text()));
        QCOMPARE(reason->text(), u"Backwards"_s); // the input is kept to correct
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(m_roster->timeOff(m_ada.id)->size(), 1);

        // Selecting the entry shows it; a change is saved.
        table->selectRow(0);
        QVERIFY(save->isEnabled());
        QVERIFY(remove->isEnabled());
        QCOMPARE(from->date(), QDate(2026, 4, 6));
        QCOMPARE(to->date(), QDate(2026, 4, 10));
        QCOMPARE(reason->text(), u"Easter"_s);
        to->setDate(QDate(2026, 4, 13));
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(message->text().isEmpty());
        saved = m_roster->timeOff(m_ada.id).value();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().to, QDate(2026, 4, 13));

        // Each step is undoable: the change, then the entry.
        const int steps = m_stack.count();
        QVERIFY(steps >= 2);
        m_stack.undo();
        QCOMPARE(m_roster->timeOff(m_ada.id)->first().to, QDate(2026, 4, 10));
        m_stack.redo();
        QCOMPARE(m_roster->timeOff(m_ada.id)->first().to, QDate(2026, 4, 13));

        // Remove.
        table->selectRow(0);
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(table->rowCount(), 0);
        QVERIFY(m_roster->timeOff(m_ada.id)->isEmpty());
        QVERIFY(!remove->isEnabled());
    }
};

QTEST_MAIN(TimeOffDialogTest)
#include "timeoffdialogtest.moc"

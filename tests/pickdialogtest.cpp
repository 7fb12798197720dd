#include "calendar/pickdialog.h"

#include "dialogdriver.h"
#include "testutil.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

using namespace Qt::StringLiterals;
using namespace Tandem;

/// The keyboard pickers of the calendar (Swap Pair With…, Assign Developer…): the arrow keys
/// move the highlighted row from the search field, and Return picks that row and nothing else.
class PickDialogTest : public QObject
{
    Q_OBJECT

private:
    static QList<PickDialog::Item> weeks()
    {
        return {{u"Mon 6 Apr · Payments · Ada + Bob"_s, u"no change in load"_s, true},
                {u"Mon 13 Apr · Payments · Cy + Dee"_s, u"Ada is on leave 13–17 Apr."_s, false},
                {u"Mon 20 Apr · Payments · Eve + Fay"_s, u"Ada +1.0 days"_s, true},
                {u"Mon 27 Apr · Payments · Gus + Hal"_s, u"no change in load"_s, true}};
    }

    /// Types `keys` into the open dialog's search field, then Return; returns the pick.
    static int pick(PickDialog &dialog, const std::function<void(QLineEdit *)> &keys)
    {
        int picked = -2;
        Test::onNextDialog([&](QWidget *) {
            auto *search = dialog.findChild<QLineEdit *>(u"pickFilter"_s);
            keys(search);
            QTest::keyClick(search, Qt::Key_Return);
            if (dialog.isVisible()) {
                dialog.reject();
            }
        });
        const int result = dialog.exec();
        picked = result == QDialog::Accepted ? dialog.currentRow() : -1;
        return picked;
    }

private Q_SLOTS:
    void returnAloneWithNothingHighlightedPicksNothing()
    {
        PickDialog dialog(u"Swap Pair With"_s, u"Swap with:"_s);
        dialog.setItems(weeks());
        QCOMPARE(dialog.currentRow(), -1);
        QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
        QCOMPARE(pick(dialog, [](QLineEdit *) {}), -1);
    }

    void arrowKeysInTheSearchFieldMoveTheHighlight()
    {
        // Down, Down from the search field: the second pickable row (the refused one is skipped).
        PickDialog dialog(u"Swap Pair With"_s, u"Swap with:"_s);
        dialog.setItems(weeks());
        QCOMPARE(pick(dialog,
                      [](QLineEdit *search) {
                          QTest::keyClick(search, Qt::Key_Down);
                          QTest::keyClick(search, Qt::Key_Down);
                      }),
                 2);

        // Down, Down, Up: back to the first.
        PickDialog again(u"Swap Pair With"_s, u"Swap with:"_s);
        again.setItems(weeks());
        QCOMPARE(pick(again,
                      [](QLineEdit *search) {
                          QTest::keyClick(search, Qt::Key_Down);
                          QTest::keyClick(search, Qt::Key_Down);
                          QTest::keyClick(search, Qt::Key_Up);
                      }),
                 0);
    }

    void typingHighlightsTheFirstMatchThatMayBePicked()
    {
        PickDialog dialog(u"Swap Pair With"_s, u"Swap with:"_s);
        dialog.setItems(weeks());
        QCOMPARE(pick(dialog, [](QLineEdit *search) { QTest::keyClicks(search, u"27 apr"_s); }), 3);

        // A refused row is never picked, even when it is the only match.
        PickDialog refused(u"Swap Pair With"_s, u"Swap with:"_s);
        refused.setItems(weeks());
        QCOMPARE(pick(refused, [](QLineEdit *search) { QTest::keyClicks(search, u"13 apr"_s); }), -1);
        auto *list = refused.findChild<QListWidget *>(u"pickList"_s);
        QVERIFY(list->item(1)->text().contains(u"on leave"_s));
    }
};

QTEST_MAIN(PickDialogTest)
#include "pickdialogtest.moc"

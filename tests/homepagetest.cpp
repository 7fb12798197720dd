#include "home/homepage.h"

#include "dialogdriver.h"
#include "fakeclock.h"
#include "services/identity.h"
#include "services/shiftservice.h"
#include "services/swapservice.h"
#include "shiftfixture.h"
#include "testutil.h"
#include "workspace.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFrame>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTranslator>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Tandem;

/// The engineer's Home page, offscreen, on a real database with a fake clock: the right next
/// shift and partner, who is on call now with gaps, handoff notes through the undo stack, the
/// reminder banner, and a refresh when the database changes.
class HomePageTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    // Wednesday 25 March 2026 12:00 UTC: week 0 (Dev 0 + Ops 0) is on call; Dev 1 + Ops 1 next.
    FakeClock m_clock{QDateTime(QDate(2026, 3, 25), QTime(12, 0), Qt::UTC)};

    template <typename T> static T *child(QWidget &page, const QString &name)
    {
        auto *widget = page.findChild<T *>(name);
        if (!widget) {
            qFatal("no %s", qPrintable(name));
        }
        return widget;
    }

    static QTreeWidgetItem *row(QTreeWidget *view, const QString &rotation)
    {
        for (int i = 0; i < view->topLevelItemCount(); ++i) {
            if (view->topLevelItem(i)->text(0) == rotation) {
                return view->topLevelItem(i);
            }
        }
        return nullptr;
    }

    /// Opens the fixture's database as a workspace for the user with `email` (empty: no identity).
    static Result<std::unique_ptr<Workspace>> openAs(const Test::ShiftFixture &f, const QString &email)
    {
        setConfiguredEmail(email);
        return Workspace::open(f.db->path());
    }

    /// Shows `workspace` on `page` at the test's "now".
    void showOn(HomePage &page, Workspace *workspace)
    {
        page.setClock(&m_clock);
        page.setWorkspace(workspace);
        page.show();
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::usePrivateHome(m_home, u"homepagetest"_s);
        auto *translator = new QTranslator(this); // "4 days", as the executable says it
        QVERIFY(translator->load(u":/i18n/tandem_en.qm"_s));
        QCoreApplication::installTranslator(translator);
    }

    void showsTheRightPair()
    {
        Test::ShiftFixture f(m_clock);
        auto opened = openAs(f, u"dev1@example.com"_s);
        QVERIFY2(opened, qPrintable(opened.errorMessage()));
        HomePage page;
        page.resize(1200, 900);
        showOn(page, opened.value().get());

        QVERIFY(!child<QWidget>(page, u"noIdentity"_s)->isVisibleTo(&page));
        const QString title = child<QLabel>(page, u"nextTitle"_s)->text();
        QVERIFY2(title.contains(u"Payments on call: starts in 4 days 20 hours"_s), qPrintable(title));
        const QString partner = child<QLabel>(page, u"nextPartner"_s)->text();
        QVERIFY2(partner.contains(u"Ops 1"_s), qPrintable(partner));
        QVERIFY2(partner.contains(u"developer seat"_s), qPrintable(partner));
        QCOMPARE(page.nextShift()->shift.id, f.shifts.at(1).id);

        auto *onCall = child<QTreeWidget>(page, u"onCallView"_s);
        QCOMPARE(onCall->topLevelItemCount(), 2);
        QTreeWidgetItem *payments = row(onCall, u"Payments on call"_s);
        QVERIFY(payments);
        QVERIFY(payments->text(1).startsWith(u"Dev 0"_s));
        QVERIFY(payments->text(2).startsWith(u"Ops 0"_s));
        QVERIFY2(payments->text(3).contains(u"in 4 days 20 hours"_s), qPrintable(payments->text(3)));
        QVERIFY2(payments->text(4).startsWith(u"Dev 1 and Ops 1"_s), qPrintable(payments->text(4)));
        // Checkout has a developer but nobody in the ops seat: said plainly.
        QTreeWidgetItem *checkout = row(onCall, u"Checkout on call"_s);
        QVERIFY(checkout);
        QVERIFY(checkout->text(1).startsWith(u"Dev 3"_s));
        QCOMPARE(checkout->text(2), u"nobody: the seat is empty (a gap)"_s);

        // Dev 1's own shifts to come: weeks 1 and 5.
        auto *upcoming = child<QTreeWidget>(page, u"upcomingView"_s);
        QCOMPARE(upcoming->topLevelItemCount(), 2);
        QCOMPARE(upcoming->topLevelItem(0)->text(4), u"Ops 1"_s);

        // Someone takes Ops 1 off the next shift: the page follows the commit by itself.
        QVERIFY(opened.value()->shifts().clearSeat(f.shifts.at(1).id, Seat::Ops));
        const QString gap = child<QLabel>(page, u"nextPartner"_s)->text();
        QVERIFY2(gap.contains(u"nobody: the seat is empty"_s), qPrintable(gap));
        setConfiguredEmail({});
    }

    // Issue 14: the Swap/Cover dialog accepted a developer of another team as a colleague.
    void swapDialogOffersTheTeamsDevelopersOnly()
    {
        Test::ShiftFixture f(m_clock);
        RosterService roster(*f.db);
        const Team platform = roster.addTeam(Team{{}, u"Platform"_s, u"Europe/Berlin"_s}).value();
        Person other = Test::makePerson(u"Dev P"_s, u"devp@example.com"_s);
        other.teams = {platform.id};
        QVERIFY(roster.addPerson(other));
        auto opened = openAs(f, u"dev1@example.com"_s);
        QVERIFY(opened);
        HomePage page;
        showOn(page, opened.value().get());
        QStringList offered;
        Test::onNextDialog([&](QWidget *modal) {
            auto *dialog = qobject_cast<QDialog *>(modal);
            QVERIFY(dialog);
            QCOMPARE(dialog->objectName(), u"swapDialog"_s);
            auto *colleagues = dialog->findChild<QComboBox *>(u"colleagueCombo"_s);
            for (int i = 0; i < colleagues->count(); ++i) {
                offered << colleagues->itemText(i);
            }
            dialog->reject();
        });
        child<QPushButton>(page, u"askSwapButton"_s)->click();
        QCOMPARE(offered, (QStringList{u"Dev 0"_s, u"Dev 2"_s, u"Dev 3"_s}));
        setConfiguredEmail({});
    }

    // The Swap/Cover dialog: a request the rules refuse stays in the dialog with the reason and
    // nothing stored; one they allow is stored pending for the colleague, and the page says so.
    void swapDialogSendsARequestOrSaysWhyNot()
    {
        Clock::setCurrent(&m_clock); // the workspace's database checks the rules at this "now"
        Test::ShiftFixture f(m_clock);
        auto opened = openAs(f, u"dev1@example.com"_s);
        QVERIFY(opened);
        HomePage page;
        showOn(page, opened.value().get());
        QSignalSpy status(&page, &HomePage::statusMessage);
        QString refusal;
        bool stayedOpen = false;
        int storedWhileOpen = -1;
        Test::onNextDialog([&](QWidget *modal) {
            auto *dialog = qobject_cast<QDialog *>(modal);
            QVERIFY(dialog && dialog->objectName() == u"swapDialog"_s);
            auto *colleague = dialog->findChild<QComboBox *>(u"colleagueCombo"_s);
            auto *theirs = dialog->findChild<QComboBox *>(u"theirShiftCombo"_s);
            QPushButton *send = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
            QRadioButton *cover = nullptr;
            QRadioButton *swap = nullptr;
            for (QRadioButton *b : dialog->findChildren<QRadioButton *>()) {
                (b->text().contains(u"cover"_s) ? cover : swap) = b;
            }
            QVERIFY(colleague && theirs && send && cover && swap);
            // Dev 0 covering Dev 1's week would go straight from their own week into it.
            cover->setChecked(true);
            colleague->setCurrentIndex(colleague->findText(u"Dev 0"_s));
            QVERIFY(!theirs->isEnabled());
            send->click();
            refusal = dialog->findChild<QLabel *>(u"swapProblem"_s)->text();
            stayedOpen = dialog->isVisible();
            storedWhileOpen = int(SwapService(*f.db).involving(f.devs.at(1).id)->size());
            // A swap with Dev 2's week after next is within the rules.
            swap->setChecked(true);
            colleague->setCurrentIndex(colleague->findText(u"Dev 2"_s));
            QVERIFY(theirs->isEnabled());
            theirs->setCurrentIndex(theirs->findData(f.shifts.at(2).id.toString()));
            QCOMPARE(theirs->currentData().toString(), f.shifts.at(2).id.toString());
            send->click();
        });
        child<QPushButton>(page, u"askSwapButton"_s)->click();
        QVERIFY2(refusal.contains(u"Dev 0"_s) && !refusal.contains(u"is over"_s), qPrintable(refusal));
        QVERIFY(stayedOpen);
        QCOMPARE(storedWhileOpen, 0);
        const QList<SwapRequest> requests = SwapService(*f.db).involving(f.devs.at(1).id).value();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first().kind, SwapKind::Swap);
        QCOMPARE(requests.first().state, SwapState::Pending);
        QCOMPARE(requests.first().target, f.devs.at(2).id);
        QCOMPARE(requests.first().shiftId, f.shifts.at(1).id);
        QCOMPARE(requests.first().otherShiftId, f.shifts.at(2).id);
        QCOMPARE(status.size(), 1);
        QVERIFY2(status.first().first().toString().contains(u"Dev 2"_s), qPrintable(status.first().first().toString()));
        setConfiguredEmail({});
        Clock::setCurrent(nullptr);
    }

    // Issue 14: time off was invisible on Home; a shift during one's leave gave no warning.
    void warnsWhenMyLeaveOverlapsMyShift()
    {
        Test::ShiftFixture f(m_clock);
        auto opened = openAs(f, u"dev1@example.com"_s);
        QVERIFY(opened);
        HomePage page;
        showOn(page, opened.value().get());
        auto *warning = child<QLabel>(page, u"nextLeave"_s);
        QVERIFY(!warning->isVisibleTo(&page));
        // Dev 1's next shift is week 1, Monday 30 March to Monday 6 April.
        QVERIFY(opened.value()->roster().addTimeOff(
            TimeOff{{}, f.devs.at(1).id, QDate(2026, 4, 1), QDate(2026, 4, 3), u"Conference"_s}));
        QTRY_VERIFY(warning->isVisibleTo(&page));
        QVERIFY2(warning->text().contains(u"on leave Wed 1 Apr – Fri 3 Apr"_s), qPrintable(warning->text()));
        auto *upcoming = child<QTreeWidget>(page, u"upcomingView"_s);
        QVERIFY(upcoming->topLevelItem(0)->text(5).contains(u"on leave"_s));
        QVERIFY(upcoming->topLevelItem(1)->text(5).isEmpty()); // week 5 is clear
        setConfiguredEmail({});
    }

    void handoffNoteReachesTheNextPair()
    {
        Test::ShiftFixture f(m_clock);
        f.db.reset(); // the workspace's connection does the writing
        setConfiguredEmail(u"dev0@example.com"_s);
        auto opened = Workspace::open(f.dir.filePath(u"tandem.sqlite"_s));
        QVERIFY(opened);
        Workspace &ws = *opened.value();
        HomePage page;
        page.setClock(&m_clock);
        page.setWorkspace(&ws);
        // Dev 0 is on call: the note goes on the shift under way.
        QCOMPARE(page.noteShift()->shift.id, f.shifts.at(0).id);
        QVERIFY(child<QPushButton>(page, u"leaveNoteButton"_s)->isEnabled());
        QVERIFY(page.leaveNote(u"Queue backlog on payments-3; watch it after 18:00"_s));
        QCOMPARE(ws.undoStack().count(), 1);
        QVERIFY(child<QLabel>(page, u"myNote"_s)->text().contains(u"Queue backlog"_s));

        // Ops 1 (incoming) sees it on their home.
        setConfiguredEmail(u"ops1@example.com"_s);
        page.refresh();
        const QString note = child<QLabel>(page, u"nextNote"_s)->text();
        QVERIFY2(note.contains(u"Handoff note from Dev 0 and Ops 0"_s), qPrintable(note));
        QVERIFY2(note.contains(u"Queue backlog on payments-3"_s), qPrintable(note));
        // Undo takes it back, and the page follows the commit by itself.
        ws.undoStack().undo();
        QVERIFY2(child<QLabel>(page, u"nextNote"_s)->text().contains(u"No handoff note"_s),
                 qPrintable(child<QLabel>(page, u"nextNote"_s)->text()));
        setConfiguredEmail({});
    }

    void withoutIdentityItAsks()
    {
        Test::ShiftFixture f(m_clock);
        auto opened = openAs(f, {});
        QVERIFY(opened);
        HomePage page;
        showOn(page, opened.value().get());
        QVERIFY(child<QWidget>(page, u"noIdentity"_s)->isVisibleTo(&page));
        bool asked = false;
        connect(&page, &HomePage::identityRequested, this, [&asked] { asked = true; });
        child<QPushButton>(page, u"setIdentityButton"_s)->click();
        QVERIFY(asked);
        // Who is on call is for everyone.
        QCOMPARE(child<QTreeWidget>(page, u"onCallView"_s)->topLevelItemCount(), 2);
    }

    void reminderBanner()
    {
        HomePage page;
        page.show();
        auto *banner = child<QFrame>(page, u"reminderBanner"_s);
        QVERIFY(!banner->isVisible());
        Reminder r;
        r.title = u"On call in 1 hour: Payments on call"_s;
        r.text = u"Your shift starts Mon 30 Mar 09:00, with Ops 1."_s;
        page.showReminder(r);
        QVERIFY(banner->isVisible());
        QVERIFY(child<QLabel>(page, u"reminderText"_s)->text().contains(u"On call in 1 hour"_s));
        child<QPushButton>(page, u"dismissReminder"_s)->click();
        QVERIFY(!banner->isVisible());
    }
};

QTEST_MAIN(HomePageTest)
#include "homepagetest.moc"

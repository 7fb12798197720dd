#pragma once

#include "domain/timeoff.h"
#include "services/engineerservice.h"
#include "services/reminders.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;
class QFrame;
class QGroupBox;

namespace Tandem {

class Clock;
class Workspace;

/// The engineer's page: your next shift (when, in your zone and the rotation's, how long until
/// it starts, your partner's phone and chat, the bridge link, the note the pair before left),
/// your shifts to come, swap and cover requests, and who is on call now in every rotation with
/// gaps in plain words. Reads through EngineerService and SwapService; refreshes when the
/// database commits and every minute; notes go through the undo stack.
class HomePage final : public QWidget
{
    Q_OBJECT

public:
    explicit HomePage(QWidget *parent = nullptr);
    ~HomePage() override;

    void setWorkspace(Workspace *workspace);
    /// Tests pass a FakeClock; the default is the system clock.
    void setClock(const Clock *clock);
    void refresh();
    /// Shows a reminder in the banner at the top (also where no tray can show it).
    void showReminder(const Reminder &reminder);

    /// The shift "Leave a handoff note…" writes on: yours under way, else your last one.
    std::optional<MyShift> noteShift() const { return m_noteShift; }
    std::optional<MyShift> nextShift() const { return m_next; }
    /// Writes the handoff note on noteShift() through the undo stack.
    Status leaveNote(const QString &text);

Q_SIGNALS:
    void identityRequested();
    void statusMessage(const QString &text, int timeout);

private:
    void build();
    void fillNext(const Person &me, const QDateTime &now);
    void fillUpcoming(const Person &me, const QList<MyShift> &shifts);
    void fillOnCall(const QDateTime &now);
    void fillRequests(const Person &me);
    void updateRequestButtons();
    void editNote();
    void askForSwap();
    void answer(const QString &verb);
    QString timeText(const QDateTime &utc, const QString &zone) const;
    QString contactText(const std::optional<Person> &person, bool links) const;
    /// The days of my time off that fall into `shift` ("7–9 Dec"), empty when none do.
    QString myLeaveDuring(const Shift &shift) const;

    QPointer<Workspace> m_workspace;
    const Clock *m_clock;
    QTimer m_tick;
    std::optional<Person> m_me;
    std::optional<MyShift> m_next;
    std::optional<MyShift> m_noteShift;
    QList<MyShift> m_upcomingShifts;
    QMetaObject::Connection m_connection;

    QFrame *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QWidget *m_noIdentity = nullptr;
    QLabel *m_greeting = nullptr;
    QGroupBox *m_nextBox = nullptr;
    QLabel *m_nextTitle = nullptr;
    QLabel *m_nextWhen = nullptr;
    QLabel *m_nextPartner = nullptr;
    QLabel *m_nextBridge = nullptr;
    QLabel *m_nextNote = nullptr;
    QLabel *m_myNote = nullptr;
    QLabel *m_shadowing = nullptr; ///< onboarding: the next shift I shadow and my progress
    QLabel *m_nextLeave = nullptr; ///< "You are on leave during this shift"
    QList<TimeOff> m_myLeave;
    QPushButton *m_noteButton = nullptr;
    QPushButton *m_swapButton = nullptr;
    QTreeWidget *m_upcoming = nullptr;
    QTreeWidget *m_requests = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_decline = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_refuse = nullptr;
    QPushButton *m_cancel = nullptr;
    QTreeWidget *m_onCall = nullptr;
};

} // namespace Tandem

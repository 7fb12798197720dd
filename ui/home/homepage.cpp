#include "homepage.h"

#include "../workspace.h"
#include "domain/clock.h"
#include "domain/localeformat.h"
#include "emptystate.h"
#include "itemmodels/shiftcommands.h"
#include "serviceoncall.h"
#include "services/identity.h"
#include "services/onboardingservice.h"
#include "services/rosterservice.h"
#include "services/shiftservice.h"
#include "services/swapservice.h"
#include "store/database.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QTimeZone>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

Q_LOGGING_CATEGORY(lcHome, "tandem.home")

constexpr int RefreshMs = 60 * 1000;
constexpr int IdRole = Qt::UserRole;

QLabel *wrapped(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setOpenExternalLinks(true);
    return label;
}

QTreeWidget *tree(QWidget *parent, const QString &name, const QString &accessibleName, const QStringList &header,
                  const QString &empty)
{
    auto *view = new QTreeWidget(parent);
    view->setObjectName(name);
    view->setAccessibleName(accessibleName);
    EmptyState::install(view, empty);
    view->setRootIsDecorated(false);
    view->setHeaderLabels(header);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->header()->setStretchLastSection(true);
    return view;
}

QString seatName(Seat seat)
{
    return seat == Seat::Ops ? QCoreApplication::translate("Tandem::HomePage", "ops")
                             : QCoreApplication::translate("Tandem::HomePage", "developer");
}

QString stateName(SwapState state)
{
    switch (state) {
    case SwapState::Pending:
        return QCoreApplication::translate("Tandem::HomePage", "waiting for an answer");
    case SwapState::Accepted:
        return QCoreApplication::translate("Tandem::HomePage", "accepted, waiting for a lead");
    case SwapState::Declined:
        return QCoreApplication::translate("Tandem::HomePage", "declined");
    case SwapState::Approved:
        return QCoreApplication::translate("Tandem::HomePage", "approved");
    case SwapState::Cancelled:
        return QCoreApplication::translate("Tandem::HomePage", "cancelled");
    case SwapState::Applied:
        return QCoreApplication::translate("Tandem::HomePage", "done: the seats moved");
    }
    return {};
}

} // namespace

HomePage::HomePage(QWidget *parent) : QWidget(parent), m_clock(&Clock::current())
{
    setObjectName(u"homePage"_s);
    build();
    m_tick.setInterval(RefreshMs);
    connect(&m_tick, &QTimer::timeout, this, &HomePage::refresh);
    m_tick.start();
}

HomePage::~HomePage() = default;

void HomePage::build()
{
    auto *content = new QWidget;
    auto *grid = new QGridLayout(content);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);

    m_banner = new QFrame(content);
    m_banner->setObjectName(u"reminderBanner"_s);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    QPalette bannerPalette = m_banner->palette();
    bannerPalette.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xce));
    bannerPalette.setColor(QPalette::WindowText, QColor(0x3d, 0x30, 0x00));
    m_banner->setPalette(bannerPalette);
    m_bannerText = wrapped(m_banner, u"reminderText"_s);
    auto *dismiss = new QPushButton(tr("&Dismiss"), m_banner);
    dismiss->setObjectName(u"dismissReminder"_s);
    connect(dismiss, &QPushButton::clicked, m_banner, &QWidget::hide);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(dismiss, 0, Qt::AlignTop);
    m_banner->hide();
    grid->addWidget(m_banner, 0, 0, 1, 2);

    m_greeting = wrapped(content, u"greeting"_s);
    QFont big = m_greeting->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_greeting->setFont(big);
    grid->addWidget(m_greeting, 1, 0, 1, 2);

    m_noIdentity = new QWidget(content);
    m_noIdentity->setObjectName(u"noIdentity"_s);
    auto *who =
        new QLabel(tr("Tell Tandem who you are to see your next shift, your partner and reminders."), m_noIdentity);
    who->setWordWrap(true);
    auto *whoButton = new QPushButton(tr("Set My &Identity…"), m_noIdentity);
    whoButton->setObjectName(u"setIdentityButton"_s);
    connect(whoButton, &QPushButton::clicked, this, &HomePage::identityRequested);
    auto *whoLayout = new QHBoxLayout(m_noIdentity);
    whoLayout->setContentsMargins(0, 0, 0, 0);
    whoLayout->addWidget(who, 1);
    whoLayout->addWidget(whoButton);
    grid->addWidget(m_noIdentity, 2, 0, 1, 2);

    m_nextBox = new QGroupBox(tr("Your next shift"), content);
    m_nextBox->setObjectName(u"nextShiftCard"_s);
    m_nextTitle = wrapped(m_nextBox, u"nextTitle"_s);
    QFont title = m_nextTitle->font();
    title.setPointSizeF(title.pointSizeF() * 1.2);
    title.setBold(true);
    m_nextTitle->setFont(title);
    m_nextWhen = wrapped(m_nextBox, u"nextWhen"_s);
    m_nextPartner = wrapped(m_nextBox, u"nextPartner"_s);
    m_nextBridge = wrapped(m_nextBox, u"nextBridge"_s);
    m_nextNote = wrapped(m_nextBox, u"nextNote"_s);
    m_myNote = wrapped(m_nextBox, u"myNote"_s);
    m_shadowing = wrapped(m_nextBox, u"shadowingLabel"_s);
    m_shadowing->hide();
    m_nextLeave = wrapped(m_nextBox, u"nextLeave"_s);
    m_nextLeave->setStyleSheet(u"color: #b00020; font-weight: bold;"_s);
    m_nextLeave->hide();
    m_noteButton = new QPushButton(tr("Leave a &Handoff Note…"), m_nextBox);
    m_noteButton->setObjectName(u"leaveNoteButton"_s);
    m_swapButton = new QPushButton(tr("Ask for &Swap/Cover…"), m_nextBox);
    m_swapButton->setObjectName(u"askSwapButton"_s);
    connect(m_noteButton, &QPushButton::clicked, this, &HomePage::editNote);
    connect(m_swapButton, &QPushButton::clicked, this, &HomePage::askForSwap);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_noteButton);
    buttons->addWidget(m_swapButton);
    buttons->addStretch();
    auto *nextLayout = new QVBoxLayout(m_nextBox);
    for (QLabel *label :
         {m_nextTitle, m_nextLeave, m_nextWhen, m_nextPartner, m_nextBridge, m_nextNote, m_myNote, m_shadowing}) {
        nextLayout->addWidget(label);
    }
    nextLayout->addLayout(buttons);
    nextLayout->addStretch();
    grid->addWidget(m_nextBox, 3, 0);
    grid->setRowStretch(3, 1);

    auto *onCallBox = new QGroupBox(tr("On call now"), content);
    m_onCall = tree(onCallBox, u"onCallView"_s, tr("On call now"),
                    {tr("Rotation"), tr("Developer"), tr("Ops"), tr("Hands off"), tr("Then")},
                    tr("No rotation yet: create one with Rotations ▸ New Rotation…"));
    m_onCall->setWordWrap(true);
    m_onCall->setUniformRowHeights(false);
    auto *onCallLayout = new QVBoxLayout(onCallBox);
    onCallLayout->addWidget(m_onCall);
    grid->addWidget(onCallBox, 4, 0, 1, 2);

    auto *upcomingBox = new QGroupBox(tr("Your upcoming shifts (3 months)"), content);
    m_upcoming = tree(upcomingBox, u"upcomingView"_s, tr("Your upcoming shifts"),
                      {tr("Starts (your time)"), tr("Ends"), tr("Rotation"), tr("Seat"), tr("Partner"), tr("Leave")},
                      tr("No shift planned for you in the next three months."));
    auto *upcomingLayout = new QVBoxLayout(upcomingBox);
    upcomingLayout->addWidget(m_upcoming);
    grid->addWidget(upcomingBox, 3, 1);

    auto *requestsBox = new QGroupBox(tr("Swap and cover requests"), content);
    m_requests = tree(requestsBox, u"requestsView"_s, tr("Swap and cover requests"),
                      {tr("Request"), tr("Shift"), tr("State"), tr("Message")},
                      tr("No swap or cover requests. Ask for Swap/Cover… sends one about your next shift."));
    m_accept = new QPushButton(tr("&Accept"), requestsBox);
    m_accept->setObjectName(u"acceptRequest"_s);
    m_decline = new QPushButton(tr("D&ecline"), requestsBox);
    m_decline->setObjectName(u"declineRequest"_s);
    m_approve = new QPushButton(tr("Ap&prove"), requestsBox);
    m_approve->setObjectName(u"approveRequest"_s);
    m_approve->setToolTip(tr("As a lead: let an accepted swap apply (rotations that need approval)."));
    m_refuse = new QPushButton(tr("&Refuse"), requestsBox);
    m_refuse->setObjectName(u"refuseRequest"_s);
    m_cancel = new QPushButton(tr("&Withdraw"), requestsBox);
    m_cancel->setObjectName(u"cancelRequest"_s);
    connect(m_accept, &QPushButton::clicked, this, [this] { answer(u"accept"_s); });
    connect(m_decline, &QPushButton::clicked, this, [this] { answer(u"decline"_s); });
    connect(m_approve, &QPushButton::clicked, this, [this] { answer(u"approve"_s); });
    connect(m_refuse, &QPushButton::clicked, this, [this] { answer(u"refuse"_s); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { answer(u"cancel"_s); });
    connect(m_requests, &QTreeWidget::currentItemChanged, this, &HomePage::updateRequestButtons);
    auto *requestButtons = new QHBoxLayout;
    for (QPushButton *b : {m_accept, m_decline, m_approve, m_refuse, m_cancel}) {
        requestButtons->addWidget(b);
    }
    requestButtons->addStretch();
    auto *requestsLayout = new QVBoxLayout(requestsBox);
    requestsLayout->addWidget(m_requests);
    requestsLayout->addLayout(requestButtons);
    grid->addWidget(requestsBox, 5, 0, 1, 2);
    grid->setRowStretch(5, 1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    updateRequestButtons();
}

void HomePage::setClock(const Clock *clock)
{
    m_clock = clock ? clock : &Clock::current();
    refresh();
}

void HomePage::setWorkspace(Workspace *workspace)
{
    QObject::disconnect(m_connection);
    m_workspace = workspace;
    if (workspace) {
        m_connection = connect(&workspace->database(), &Database::committed, this, &HomePage::refresh);
    }
    m_banner->hide();
    refresh();
}

void HomePage::showReminder(const Reminder &reminder)
{
    m_bannerText->setText(u"<b>%1</b><br>%2"_s.arg(reminder.title.toHtmlEscaped(), reminder.text.toHtmlEscaped()));
    m_banner->show();
}

QString HomePage::timeText(const QDateTime &utc, const QString &zone) const
{
    const QTimeZone tz(zone.toUtf8());
    const QDateTime local = tz.isValid() ? utc.toTimeZone(tz) : utc.toLocalTime();
    return LocaleFormat::dateTime(local) + u" "_s + local.timeZoneAbbreviation();
}

QString HomePage::contactText(const std::optional<Person> &person, bool links) const
{
    if (!person) {
        return links ? u"<span style='color:#b00020'>%1</span>"_s.arg(tr("nobody: the seat is empty (a gap)"))
                     : tr("nobody: the seat is empty (a gap)");
    }
    QStringList parts{links ? u"<b>%1</b>"_s.arg(person->name.toHtmlEscaped()) : person->name};
    if (!person->phone.isEmpty()) {
        QString digits = person->phone;
        digits.remove(u' ');
        parts << (links ? u"<a href=\"tel:%1\">%2</a>"_s.arg(digits, person->phone.toHtmlEscaped()) : person->phone);
    }
    if (!person->chat.isEmpty()) {
        parts << (links ? person->chat.toHtmlEscaped() : person->chat);
    }
    return parts.join(u" · "_s);
}

void HomePage::refresh()
{
    m_next.reset();
    m_noteShift.reset();
    m_upcomingShifts.clear();
    m_me.reset();
    if (!m_workspace) {
        return;
    }
    Database &db = m_workspace->database();
    const QDateTime now = m_clock->now();
    auto me = resolvePerson(db);
    if (me && me.value()) {
        m_me = me.value();
    }
    m_noIdentity->setVisible(!m_me);
    m_nextBox->setEnabled(m_me.has_value());
    if (m_me) {
        m_greeting->setText(tr("Hello, %1").arg(m_me->name.toHtmlEscaped()));
        // The page is a summary read again at every commit: a failed read (logged) shows nothing
        // until the next one, and the pages that edit the same data show the error.
        const auto leave = m_workspace->roster().timeOff(m_me->id);
        if (!leave) {
            qCWarning(lcHome) << "time off:" << leave.errorMessage();
        }
        m_myLeave = leave.value_or({});
        EngineerService engineers(db);
        const auto upcoming = engineers.upcoming(m_me->id, now, 3);
        if (!upcoming) {
            qCWarning(lcHome) << "upcoming shifts:" << upcoming.errorMessage();
        }
        m_upcomingShifts = upcoming.value_or({});
        const auto note = engineers.currentOrLastShift(m_me->id, now);
        if (note && note.value()) {
            m_noteShift = *note.value();
        }
        const auto next = engineers.nextShift(m_me->id, now);
        if (next && next.value()) {
            m_next = *next.value();
        }
        fillNext(*m_me, now);
        const auto shadowing = OnboardingService(db).summaryFor(m_me->id, now);
        m_shadowing->setText(shadowing ? shadowing->join(u'\n') : QString());
        m_shadowing->setVisible(!m_shadowing->text().isEmpty());
        fillUpcoming(*m_me, m_upcomingShifts);
        fillRequests(*m_me);
    } else {
        m_greeting->setText(tr("On call"));
        m_nextTitle->setText(tr("Nobody is set as you yet."));
        m_shadowing->hide();
        for (QLabel *label : {m_nextWhen, m_nextPartner, m_nextBridge, m_nextNote, m_myNote}) {
            label->clear();
        }
        m_upcoming->clear();
        m_requests->clear();
    }
    fillOnCall(now);
    updateRequestButtons();
}

QString HomePage::myLeaveDuring(const Shift &shift) const
{
    if (!m_me) {
        return {};
    }
    // Whole days in my own zone, as the planner's rule reads time off.
    const QTimeZone zone =
        QTimeZone(m_me->timeZone.toUtf8()).isValid() ? QTimeZone(m_me->timeZone.toUtf8()) : QTimeZone::systemTimeZone();
    const QDate first = shift.start.toTimeZone(zone).date();
    const QDate last = shift.end.addSecs(-1).toTimeZone(zone).date();
    QDate from;
    QDate to;
    for (const TimeOff &t : m_myLeave) {
        if (t.from <= last && t.to >= first) {
            from = from.isValid() ? std::min(from, std::max(t.from, first)) : std::max(t.from, first);
            to = to.isValid() ? std::max(to, std::min(t.to, last)) : std::min(t.to, last);
        }
    }
    if (!from.isValid()) {
        return {};
    }
    const QLocale locale;
    return from == to ? locale.toString(from, u"ddd d MMM"_s)
                      : tr("%1 – %2").arg(locale.toString(from, u"ddd d MMM"_s), locale.toString(to, u"ddd d MMM"_s));
}

void HomePage::fillNext(const Person &me, const QDateTime &now)
{
    m_noteButton->setEnabled(m_noteShift.has_value());
    m_swapButton->setEnabled(m_next.has_value() || !m_upcomingShifts.isEmpty());
    if (m_noteShift && !m_noteShift->shift.note.isEmpty()) {
        m_myNote->setText(tr("Your note for the pair after you: “%1”").arg(m_noteShift->shift.note.toHtmlEscaped()));
    } else {
        m_myNote->clear();
    }
    m_nextLeave->hide();
    if (!m_next) {
        m_nextTitle->setText(tr("No shift of yours is planned."));
        for (QLabel *label : {m_nextPartner, m_nextBridge, m_nextNote}) {
            label->clear();
        }
        // Say where shifts come from, so an empty home is not a dead end.
        m_nextWhen->setText(tr("A lead plans the rotations with Rotations ▸ Plan… (or shares them through a "
                               "CalDAV server: Rotations ▸ Share Team via CalDAV…). Your shifts show here then."));
        return;
    }
    const MyShift &s = *m_next;
    const QString myZone = me.timeZone.isEmpty() ? QString::fromUtf8(QTimeZone::systemTimeZoneId()) : me.timeZone;
    if (s.isUnderway(now)) {
        m_nextTitle->setText(tr("%1: you are on call now, handing off %2")
                                 .arg(s.rotation.name.toHtmlEscaped(), countdownWords(now, s.shift.end)));
    } else {
        m_nextTitle->setText(
            tr("%1: starts %2").arg(s.rotation.name.toHtmlEscaped(), countdownWords(now, s.shift.start)));
    }
    QString when = tr("%1 – %2 (your time, %3)")
                       .arg(timeText(s.shift.start, myZone), timeText(s.shift.end, myZone), myZone.toHtmlEscaped());
    // A second line only where the rotation's clock reads differently (not Toronto vs New York).
    const QTimeZone mine(myZone.toUtf8());
    const QTimeZone theirs(s.rotation.timeZone.toUtf8());
    if (mine.offsetFromUtc(s.shift.start) != theirs.offsetFromUtc(s.shift.start) ||
        mine.offsetFromUtc(s.shift.end) != theirs.offsetFromUtc(s.shift.end)) {
        when += u"<br>"_s + tr("%1 – %2 (the rotation's time, %3)")
                                .arg(timeText(s.shift.start, s.rotation.timeZone),
                                     timeText(s.shift.end, s.rotation.timeZone), s.rotation.timeZone.toHtmlEscaped());
    }
    m_nextWhen->setText(when);
    // Time off during the shift: the planner's rules forbid it; say so where it is read first.
    if (const QString leave = myLeaveDuring(s.shift); !leave.isEmpty()) {
        m_nextLeave->setText(tr("⚠ You are on leave %1, during this shift: ask for a swap or cover "
                                "(Ask for Swap/Cover…) or tell your lead.")
                                 .arg(leave.toHtmlEscaped()));
        m_nextLeave->show();
    }
    m_nextPartner->setText(tr("You hold the %1 seat, with %2").arg(seatName(s.seat), contactText(s.partner, true)));
    if (s.shift.bridgeUrl.isEmpty()) {
        m_nextBridge->setText(tr("No bridge link on this shift."));
    } else {
        m_nextBridge->setText(tr("Bridge: <a href=\"%1\">%2</a>")
                                  .arg(s.shift.bridgeUrl.toHtmlEscaped(), s.shift.bridgeUrl.toHtmlEscaped()));
    }
    if (!s.previous) {
        m_nextNote->setText(tr("No shift before yours in this rotation."));
    } else if (s.handoffNote.isEmpty()) {
        m_nextNote->setText(tr("No handoff note from the pair before you yet."));
    } else {
        QStringList names;
        for (const auto &p : {s.noteDev, s.noteOps}) {
            if (p) {
                names << p->name;
            }
        }
        m_nextNote->setText(tr("Handoff note from %1: “%2”")
                                .arg(names.join(tr(" and ")).toHtmlEscaped(), s.handoffNote.toHtmlEscaped()));
    }
}

void HomePage::fillUpcoming(const Person &me, const QList<MyShift> &shifts)
{
    m_upcoming->clear();
    const QString myZone = me.timeZone.isEmpty() ? QString::fromUtf8(QTimeZone::systemTimeZoneId()) : me.timeZone;
    for (const MyShift &s : shifts) {
        const QString leave = myLeaveDuring(s.shift);
        auto *item = new QTreeWidgetItem(m_upcoming, {timeText(s.shift.start, myZone), timeText(s.shift.end, myZone),
                                                      s.rotation.name, seatName(s.seat),
                                                      s.partner ? s.partner->name : tr("nobody (a gap)"),
                                                      leave.isEmpty() ? QString() : tr("⚠ on leave %1").arg(leave)});
        item->setData(0, IdRole, s.shift.id.toString());
        if (!leave.isEmpty()) {
            item->setForeground(5, QColor(0xb0, 0x00, 0x20));
            item->setToolTip(5, tr("You are on leave %1, during this shift.").arg(leave));
        }
    }
    // The leave column only when a shift falls into leave: otherwise it takes room for nothing.
    bool anyLeave = false;
    for (int i = 0; i < m_upcoming->topLevelItemCount(); ++i) {
        anyLeave = anyLeave || !m_upcoming->topLevelItem(i)->text(5).isEmpty();
    }
    m_upcoming->setColumnHidden(5, !anyLeave);
    if (m_upcoming->topLevelItemCount() > 0) {
        m_upcoming->setCurrentItem(m_upcoming->topLevelItem(0));
    }
}

void HomePage::fillOnCall(const QDateTime &now)
{
    m_onCall->clear();
    const auto onCall = EngineerService(m_workspace->database()).onCallNow(now);
    if (!onCall) {
        Q_EMIT statusMessage(onCall.errorMessage(), 10000);
        return;
    }
    for (const OnCall &c : onCall.value()) {
        QStringList cells{c.rotation.name};
        if (!c.shift) {
            cells << tr("nobody: no shift is planned now") << QString() << QString();
        } else {
            // Two lines a cell: the name, then how to reach them.
            auto person = [this](const std::optional<Person> &p) {
                if (!p) {
                    return contactText(p, false);
                }
                QStringList reach;
                for (const QString &part : {p->phone, p->chat}) {
                    if (!part.isEmpty()) {
                        reach << part;
                    }
                }
                return p->name + u'\n' + reach.join(u" · "_s);
            };
            cells << person(c.dev) << person(c.ops)
                  << timeText(c.shift->end, c.rotation.timeZone) + u'\n' + countdownWords(now, c.shift->end);
        }
        if (c.next) {
            cells << tr("%1 and %2\nfrom %3")
                         .arg(c.nextDev ? c.nextDev->name : tr("nobody"), c.nextOps ? c.nextOps->name : tr("nobody"),
                              timeText(c.next->start, c.rotation.timeZone));
        } else {
            cells << tr("nothing planned");
        }
        auto *item = new QTreeWidgetItem(m_onCall, cells);
        if (c.hasGap()) {
            for (int column = 1; column <= 2; ++column) {
                if (!c.shift || (column == 1 && !c.dev) || (column == 2 && !c.ops)) {
                    item->setForeground(column, QColor(0xb0, 0x00, 0x20));
                }
            }
        }
    }
    addServiceOnCallRows(m_onCall, m_workspace->database(), now); // follow-the-sun services after the rotations
}

void HomePage::fillRequests(const Person &me)
{
    m_requests->clear();
    Database &db = m_workspace->database();
    SwapService swaps(db);
    // As in refresh(): a failed read (logged) lists nothing until the next commit.
    const auto involving = swaps.involving(me.id);
    const auto awaiting = swaps.awaitingApproval();
    for (const auto *read : {&involving, &awaiting}) {
        if (!*read) {
            qCWarning(lcHome) << "swap requests:" << read->errorMessage();
        }
    }
    QList<SwapRequest> requests = involving.value_or({});
    for (const SwapRequest &r : awaiting.value_or({})) {
        if (r.requester != me.id && r.target != me.id) {
            requests.append(r); // a lead sees what waits for approval
        }
    }
    RosterService roster(db);
    auto name = [&roster](PersonId id) {
        const auto p = roster.person(id);
        return p && p.value() ? p.value()->name : tr("someone");
    };
    for (const SwapRequest &r : requests) {
        QString what;
        if (r.requester == me.id) {
            what = r.kind == SwapKind::Swap ? tr("You asked %1 to swap").arg(name(r.target))
                                            : tr("You asked %1 to cover").arg(name(r.target));
        } else if (r.target == me.id) {
            what = r.kind == SwapKind::Swap ? tr("%1 asks you to swap").arg(name(r.requester))
                                            : tr("%1 asks you to cover").arg(name(r.requester));
        } else {
            what = tr("%1 and %2 (needs approval)").arg(name(r.requester), name(r.target));
        }
        // Swaps name both shifts: theirs ⇄ yours, as the person reading sees it.
        QStringList shiftTexts;
        for (const ShiftId &id : {r.shiftId, r.otherShiftId}) {
            if (const auto s = ShiftService(db).shift(id); s && s.value()) {
                shiftTexts << timeText(r.isPartial() ? r.partFrom : s.value()->start, me.timeZone);
            }
        }
        const QString shiftText = shiftTexts.join(u" ⇄ "_s);
        auto *item = new QTreeWidgetItem(m_requests, {what, shiftText, stateName(r.state), r.message});
        item->setData(0, IdRole, r.id.toString());
    }
}

void HomePage::updateRequestButtons()
{
    std::optional<SwapRequest> r;
    if (m_workspace && m_me && m_requests->currentItem()) {
        const auto found = SwapService(m_workspace->database())
                               .find(SwapRequestId::fromString(m_requests->currentItem()->data(0, IdRole).toString()));
        if (found && found.value()) {
            r = *found.value();
        }
    }
    const bool mine = r && m_me && r->requester == m_me->id;
    const bool asked = r && m_me && r->target == m_me->id;
    m_accept->setEnabled(asked && r->state == SwapState::Pending);
    m_decline->setEnabled(asked && r->state == SwapState::Pending);
    m_cancel->setEnabled(mine && r->isOpen());
    const bool lead = r && !mine && !asked && r->state == SwapState::Accepted;
    m_approve->setEnabled(lead);
    m_refuse->setEnabled(lead);
}

void HomePage::answer(const QString &verb)
{
    if (!m_workspace || !m_me || !m_requests->currentItem()) {
        return;
    }
    const SwapRequestId id = SwapRequestId::fromString(m_requests->currentItem()->data(0, IdRole).toString());
    SwapService swaps(m_workspace->database());
    Result<SwapRequest> done = verb == u"accept"    ? swaps.accept(id, m_me->id)
                               : verb == u"decline" ? swaps.decline(id, m_me->id)
                               : verb == u"approve" ? swaps.approve(id, m_me->id)
                               : verb == u"refuse"  ? swaps.refuse(id, m_me->id)
                                                    : swaps.cancel(id, m_me->id);
    if (!done) {
        QMessageBox::warning(this, tr("Request Not Changed"), done.errorMessage());
        return;
    }
    Q_EMIT statusMessage(tr("The request is %1.").arg(stateName(done->state)), 8000);
}

Status HomePage::leaveNote(const QString &text)
{
    if (!m_workspace || !m_noteShift) {
        return Error{tr("You have no shift under way or behind you to leave a note on.")};
    }
    auto edited = m_workspace->shiftEditor().setNote(m_noteShift->shift.id, text);
    return edited ? Status() : Status(edited.error());
}

void HomePage::editNote()
{
    if (!m_noteShift) {
        return;
    }
    bool ok = false;
    const QString text =
        QInputDialog::getMultiLineText(this, tr("Handoff Note"),
                                       tr("For the pair after your shift of %1: what is going on, what to watch.")
                                           .arg(timeText(m_noteShift->shift.start, m_noteShift->rotation.timeZone)),
                                       m_noteShift->shift.note, &ok);
    if (!ok) {
        return;
    }
    if (const Status status = leaveNote(text); !status) {
        QMessageBox::warning(this, tr("Note Not Saved"), status.errorMessage());
        return;
    }
    Q_EMIT statusMessage(tr("Saved the handoff note (Undo takes it back)."), 8000);
}

void HomePage::askForSwap()
{
    if (!m_workspace || !m_me) {
        return;
    }
    // The shift: the one selected in the upcoming list, else the next one.
    std::optional<MyShift> mine = m_next;
    if (QTreeWidgetItem *item = m_upcoming->currentItem()) {
        for (const MyShift &s : std::as_const(m_upcomingShifts)) {
            if (s.shift.id.toString() == item->data(0, IdRole).toString()) {
                mine = s;
            }
        }
    }
    if (!mine) {
        return;
    }
    Database &db = m_workspace->database();
    const QDateTime now = m_clock->now();
    const Person me = *m_me;
    const MyShift shift = *mine;

    QDialog dialog(this);
    dialog.setObjectName(u"swapDialog"_s);
    dialog.setWindowTitle(tr("Ask for Swap or Cover"));
    auto *about = new QLabel(tr("Your %1 seat of %2, %3 – %4")
                                 .arg(seatName(shift.seat), shift.rotation.name,
                                      timeText(shift.shift.start, me.timeZone), timeText(shift.shift.end, me.timeZone)),
                             &dialog);
    about->setWordWrap(true);
    auto *swap = new QRadioButton(tr("&Swap with one of their shifts"), &dialog);
    auto *cover = new QRadioButton(tr("Ask them to &cover"), &dialog);
    swap->setChecked(true);
    auto *colleague = new QComboBox(&dialog);
    colleague->setObjectName(u"colleagueCombo"_s);
    const auto people = m_workspace->roster().people();
    // A failed read offers nobody; the problem line says why.
    for (const Person &p : people.value_or({})) {
        // The developer seat draws from the rotation's team (the rule the request is checked by).
        const bool fits = shift.seat == Seat::Ops
                              ? p.productionAccess
                              : p.role == Role::Developer && p.teams.contains(shift.rotation.teamId);
        if (p.id != me.id && p.active && fits) {
            colleague->addItem(p.name, p.id.toString());
        }
    }
    auto *theirs = new QComboBox(&dialog);
    theirs->setObjectName(u"theirShiftCombo"_s);
    auto *part = new QCheckBox(tr("Only &part of the shift"), &dialog);
    auto *from = new QDateTimeEdit(shift.shift.start.toLocalTime(), &dialog);
    auto *to = new QDateTimeEdit(shift.shift.end.toLocalTime(), &dialog);
    auto *message = new QLineEdit(&dialog);
    message->setPlaceholderText(tr("A word for your colleague (optional)"));
    auto *problem = new QLabel(&dialog);
    problem->setObjectName(u"swapProblem"_s);
    problem->setWordWrap(true);
    problem->setStyleSheet(u"color: #b00020"_s);
    if (!people) {
        problem->setText(people.errorMessage());
    }
    auto fillTheirs = [&] {
        theirs->clear();
        const PersonId other = PersonId::fromString(colleague->currentData().toString());
        const auto upcoming = EngineerService(db).upcoming(other, now, 3);
        if (!upcoming) {
            problem->setText(upcoming.errorMessage()); // and no shift of theirs to offer
        }
        for (const MyShift &s : upcoming.value_or({})) {
            if (s.seat == shift.seat && s.shift.id != shift.shift.id) {
                theirs->addItem(u"%1 – %2, %3"_s.arg(timeText(s.shift.start, me.timeZone),
                                                     timeText(s.shift.end, me.timeZone), s.rotation.name),
                                s.shift.id.toString());
            }
        }
    };
    auto updateEnabled = [&] {
        theirs->setEnabled(swap->isChecked());
        part->setEnabled(cover->isChecked());
        from->setEnabled(cover->isChecked() && part->isChecked());
        to->setEnabled(cover->isChecked() && part->isChecked());
    };
    connect(colleague, &QComboBox::currentIndexChanged, &dialog, fillTheirs);
    connect(swap, &QRadioButton::toggled, &dialog, updateEnabled);
    connect(part, &QCheckBox::toggled, &dialog, updateEnabled);
    fillTheirs();
    updateEnabled();

    auto *form = new QFormLayout;
    form->addRow(tr("C&olleague:"), colleague);
    form->addRow(swap);
    form->addRow(tr("&Their shift:"), theirs);
    form->addRow(cover);
    form->addRow(part);
    form->addRow(tr("&From:"), from);
    form->addRow(tr("T&o:"), to);
    form->addRow(tr("&Message:"), message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Send Request"));
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(about);
    layout->addLayout(form);
    layout->addWidget(problem);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        SwapAsk ask;
        ask.kind = swap->isChecked() ? SwapKind::Swap : SwapKind::Cover;
        ask.shift = shift.shift.id;
        ask.requester = me.id;
        ask.target = PersonId::fromString(colleague->currentData().toString());
        ask.otherShift = ShiftId::fromString(theirs->currentData().toString());
        ask.message = message->text();
        if (cover->isChecked() && part->isChecked()) {
            ask.partFrom = from->dateTime().toUTC();
            ask.partTo = to->dateTime().toUTC();
        }
        // Refused before it is sent: the reason stays in the dialog to change the request.
        auto asked = SwapService(db).request(ask);
        if (!asked) {
            problem->setText(asked.errorMessage());
            return;
        }
        dialog.accept();
    });
    if (dialog.exec() == QDialog::Accepted) {
        Q_EMIT statusMessage(tr("Sent the request to %1.").arg(colleague->currentText()), 8000);
    }
}

} // namespace Tandem

#pragma once

#include "domain/changeentry.h"
#include "engineerservice.h"
#include "store/syncrepository.h"

#include <QDateTime>
#include <QHash>
#include <QList>

namespace Tandem {

/// A desktop notification Tandem owes the user.
struct Reminder
{
    enum class Kind {
        Upcoming, ///< a lead time before one of my shifts
        Starting, ///< my shift starts now (the handoff)
        Moved,    ///< someone else moved one of my shifts
        Removed,  ///< someone else took me off a shift, or deleted it
        Added,    ///< someone else put me on a shift
        Flagged,  ///< a change from the shared calendar broke a rule (a gap, an overlap): for the lead
    };
    Kind kind = Kind::Upcoming;
    ShiftId shift;
    QDateTime at;         ///< when it became due (UTC)
    QDateTime shiftStart; ///< the start of the shift (as it is now), to show it
    QString title;
    QString text;

    friend bool operator==(const Reminder &, const Reminder &) = default;
};

/// "in 2 days 4 hours", "in 45 minutes", "now": how long until `to`, seen at `from`.
QString countdownWords(const QDateTime &from, const QDateTime &to);

/// When to remind an engineer of their shifts, and of changes others made to them. Pure: the
/// caller passes the shifts (EngineerService::upcoming), the changes (Database::committed) and
/// "now" (its Clock), and schedules its timer at nextWakeUp().
class Reminders
{
public:
    /// 24 hours and 1 hour before, and at the handoff.
    static QList<int> defaultLeadMinutes() { return {24 * 60, 60, 0}; }

    explicit Reminders(QList<int> leadMinutes = defaultLeadMinutes());
    QList<int> leadMinutes() const { return m_leads; }

    /// The reminders whose time falls in (since, now], for shifts not over at `now`, oldest
    /// first; of several lead times of one shift in the window only the latest is kept (who
    /// opens Tandem 30 minutes before a shift hears "in 30 minutes" once, not three times).
    QList<Reminder> due(const QList<MyShift> &shifts, const QDateTime &since, const QDateTime &now) const;
    /// The reminder of `shift` as seen at `now`: "On call in 10 minutes" before it starts,
    /// "On call now" once it has (a snoozed reminder is said again this way).
    static Reminder reminderFor(const MyShift &shift, const QDateTime &now);
    /// The earliest reminder time after `now`; null when there is none.
    QDateTime nextWakeUp(const QList<MyShift> &shifts, const QDateTime &now) const;

    /// The changes that someone other than `myActor` made to a shift of `me`: moved (its times
    /// changed), removed (my seat emptied or given to another, or the shift deleted) or added.
    /// `rotationNames` names rotations in the texts. Changes to shifts over at `now` are old news.
    static QList<Reminder> changesByOthers(const QList<ChangeEntry> &changes, PersonId me, const QString &myActor,
                                           const QHash<RotationId, QString> &rotationNames, const QDateTime &now);

    /// The lead hears of a change that came through the shared calendar and broke a rule:
    /// "a teammate via cal.example.com deleted the shift of 14 Dec: gap".
    static Reminder fromSyncFlag(const SyncFlag &flag);

private:
    QList<int> m_leads; ///< minutes before the start, largest first
};

} // namespace Tandem

Q_DECLARE_METATYPE(Tandem::Reminder)

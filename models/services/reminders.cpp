#include "reminders.h"

#include "domain/localeformat.h"
#include "planner/windowcut.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::Reminders", text);
}

QString when(const QDateTime &utc)
{
    // The local zone of the machine: a notification is read where the user is.
    const QDateTime local = utc.toLocalTime();
    return LocaleFormat::dateTime(local) + u' ' + local.timeZoneAbbreviation();
}

QString partnerWords(const MyShift &s)
{
    return s.partner ? tr("with %1").arg(s.partner->name) : tr("with nobody in the other seat yet");
}

QDateTime instant(const QJsonObject &o, const QString &key)
{
    return QDateTime::fromString(o.value(key).toString(), Qt::ISODate).toUTC();
}

bool holds(const QJsonObject &o, const QString &me)
{
    return !o.isEmpty() && (o.value(u"dev"_s).toString() == me || o.value(u"ops"_s).toString() == me);
}

// A piece of a stint of a rotation with hour windows whose earlier piece the person holds too
// (Tuesday 09:00-17:00 of a business-hours week): they were reminded before the stint began; a
// reminder every morning of the week would be noise.
bool continuesStint(const MyShift &s)
{
    return s.previous && Planner::continuesStint(s.rotation, *s.previous, s.shift, s.seat);
}

Reminder shiftReminder(const MyShift &s, const QDateTime &now, bool starting)
{
    Reminder r;
    r.shift = s.shift.id;
    r.at = now;
    r.shiftStart = s.shift.start;
    if (starting) {
        r.kind = Reminder::Kind::Starting;
        r.title = tr("On call now: %1").arg(s.rotation.name);
        r.text = tr("Your shift has started, %1, until %2.").arg(partnerWords(s), when(s.shift.end));
    } else {
        r.kind = Reminder::Kind::Upcoming;
        r.title = tr("On call %1: %2").arg(countdownWords(now, s.shift.start), s.rotation.name);
        r.text = tr("Your shift starts %1, %2.").arg(when(s.shift.start), partnerWords(s));
    }
    if (!s.handoffNote.isEmpty()) {
        r.text += u" "_s + tr("Handoff note: %1").arg(s.handoffNote);
    }
    return r;
}

} // namespace

QString countdownWords(const QDateTime &from, const QDateTime &to)
{
    const qint64 minutes = from.secsTo(to) / 60;
    if (minutes <= 0) {
        return tr("now");
    }
    const int days = int(minutes / (24 * 60));
    const int hours = int(minutes / 60 % 24);
    const int mins = int(minutes % 60);
    QStringList parts;
    if (days > 0) {
        parts << QCoreApplication::translate("Tandem::Reminders", "%n day(s)", nullptr, days);
        if (hours > 0) {
            parts << QCoreApplication::translate("Tandem::Reminders", "%n hour(s)", nullptr, hours);
        }
    } else if (hours > 0) {
        parts << QCoreApplication::translate("Tandem::Reminders", "%n hour(s)", nullptr, hours);
        if (mins > 0 && hours < 6) {
            parts << QCoreApplication::translate("Tandem::Reminders", "%n minute(s)", nullptr, mins);
        }
    } else {
        parts << QCoreApplication::translate("Tandem::Reminders", "%n minute(s)", nullptr, mins);
    }
    return tr("in %1").arg(parts.join(u' '));
}

Reminders::Reminders(QList<int> leadMinutes) : m_leads(std::move(leadMinutes))
{
    std::sort(m_leads.begin(), m_leads.end(), std::greater<int>());
    m_leads.erase(std::unique(m_leads.begin(), m_leads.end()), m_leads.end());
    m_leads.removeIf([](int lead) { return lead < 0; });
}

QList<Reminder> Reminders::due(const QList<MyShift> &shifts, const QDateTime &since, const QDateTime &now) const
{
    QList<Reminder> result;
    for (const MyShift &s : shifts) {
        if (s.shift.end <= now || continuesStint(s)) {
            continue;
        }
        std::optional<int> latest;
        for (int lead : m_leads) { // largest first: the last one in the window is the latest
            const QDateTime at = s.shift.start.addSecs(-qint64(lead) * 60);
            if (at > since && at <= now) {
                latest = lead;
            }
        }
        if (!latest) {
            continue;
        }
        Reminder r = shiftReminder(s, now, *latest == 0);
        r.at = s.shift.start.addSecs(-qint64(*latest) * 60);
        result.append(r);
    }
    std::sort(result.begin(), result.end(), [](const Reminder &a, const Reminder &b) { return a.at < b.at; });
    return result;
}

Reminder Reminders::reminderFor(const MyShift &s, const QDateTime &now)
{
    return shiftReminder(s, now, s.shift.start <= now);
}

QDateTime Reminders::nextWakeUp(const QList<MyShift> &shifts, const QDateTime &now) const
{
    QDateTime next;
    for (const MyShift &s : shifts) {
        if (continuesStint(s)) {
            continue;
        }
        for (int lead : m_leads) {
            const QDateTime at = s.shift.start.addSecs(-qint64(lead) * 60);
            if (at > now && (!next.isValid() || at < next)) {
                next = at;
            }
        }
    }
    return next;
}

QList<Reminder> Reminders::changesByOthers(const QList<ChangeEntry> &changes, PersonId me, const QString &myActor,
                                           const QHash<RotationId, QString> &rotationNames, const QDateTime &now)
{
    QList<Reminder> result;
    const QString id = me.toString();
    for (const ChangeEntry &c : changes) {
        if (c.entity != Entity::Shift || c.actor.compare(myActor, Qt::CaseInsensitive) == 0) {
            continue;
        }
        const bool before = holds(c.before, id);
        const bool after = holds(c.after, id);
        if (!before && !after) {
            continue;
        }
        const QJsonObject &shown = after ? c.after : c.before;
        const QDateTime start = instant(shown, u"start"_s);
        const QDateTime end = instant(shown, u"end"_s);
        if (end.isValid() && end <= now) {
            continue;
        }
        const QString rotation =
            rotationNames.value(RotationId::fromString(shown.value(u"rotation"_s).toString()), tr("a rotation"));
        Reminder r;
        r.shift = ShiftId::fromString(c.entityId);
        r.at = c.at;
        r.shiftStart = start;
        if (before && !after) {
            r.kind = Reminder::Kind::Removed;
            r.title = tr("Shift taken off you: %1").arg(rotation);
            r.text = tr("%1 took you off your shift of %2.").arg(c.actor, when(start));
        } else if (!before && after) {
            r.kind = Reminder::Kind::Added;
            r.title = tr("New shift for you: %1").arg(rotation);
            r.text = tr("%1 put you on call from %2 to %3.").arg(c.actor, when(start), when(end));
        } else if (instant(c.before, u"start"_s) != start || instant(c.before, u"end"_s) != end) {
            r.kind = Reminder::Kind::Moved;
            r.title = tr("Your shift moved: %1").arg(rotation);
            r.text = tr("%1 moved your shift: now %2 to %3.").arg(c.actor, when(start), when(end));
        } else {
            continue; // a note, a link, the partner: not worth a notification
        }
        result.append(r);
    }
    return result;
}

Reminder Reminders::fromSyncFlag(const SyncFlag &flag)
{
    Reminder r;
    r.kind = Reminder::Kind::Flagged;
    r.shift = ShiftId::fromString(flag.shift);
    r.at = flag.detected;
    r.title = flag.kind == u"gap" || flag.kind == u"seat" ? tr("Gap from the shared calendar")
                                                          : tr("A change from the shared calendar breaks a rule");
    r.text = flag.text;
    return r;
}

} // namespace Tandem

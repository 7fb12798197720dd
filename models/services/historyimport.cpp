#include "historyimport.h"

#include "domain/serialize.h"
#include "ical/icalcodec.h"
#include "store/changelog.h"
#include "store/database.h"
#include "store/loggedwrite.h"
#include "store/personrepository.h"
#include "store/shiftrepository.h"
#include "store/transaction.h"
#include "validation.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::HistoryImportService", text);
}

QTimeZone zoneOf(const QString &id)
{
    const QTimeZone zone(id.toUtf8());
    return zone.isValid() ? zone : QTimeZone::utc();
}

/// The longest text of a title kept as the name in the report: a hostile title of 75,000
/// characters is not repeated in every line.
constexpr qsizetype MaxWhoChars = 120;

QString shortened(const QString &text)
{
    return text.size() > MaxWhoChars ? text.left(MaxWhoChars) + u'…' : text;
}

bool fitsSeat(const Person &person, Seat seat)
{
    return seat == Seat::Dev ? person.role == Role::Developer : person.productionAccess;
}

} // namespace

int HistoryPreview::count(HistoryAction action) const
{
    return int(
        std::count_if(events.cbegin(), events.cend(), [action](const HistoryEvent &e) { return e.action == action; }));
}

QString historyMatchToString(HistoryMatch match)
{
    switch (match) {
    case HistoryMatch::Email:
        return u"email"_s;
    case HistoryMatch::Name:
        return u"name"_s;
    case HistoryMatch::Chosen:
        return u"chosen"_s;
    case HistoryMatch::Ambiguous:
        return u"ambiguous"_s;
    case HistoryMatch::Unmatched:
        break;
    }
    return u"unmatched"_s;
}

QString historyActionToString(HistoryAction action)
{
    switch (action) {
    case HistoryAction::Add:
        return u"add"_s;
    case HistoryAction::Fill:
        return u"fill"_s;
    case HistoryAction::AlreadyThere:
        return u"already-there"_s;
    case HistoryAction::Conflict:
        return u"conflict"_s;
    case HistoryAction::NotPast:
        return u"not-past"_s;
    case HistoryAction::Invalid:
        return u"invalid"_s;
    case HistoryAction::NoPerson:
        break;
    }
    return u"no-person"_s;
}

QDate HistoryImportService::firstDayRead(QDate today)
{
    return today.addDays(-MaxImportDays);
}

QString HistoryImportService::matchKey(const QString &name)
{
    // Compatibility decomposition splits "é" into "e" and a combining accent, which is dropped;
    // case folding makes "ß" "ss" and "İ" "i̇" (whose dot is dropped the same way).
    QString folded = name.normalized(QString::NormalizationForm_KD).toCaseFolded();
    // QString folds case one character to one: the full folding of "ß" is "ss".
    folded.replace(u'ß', u"ss"_s);
    const QString &decomposed = folded;
    QString key;
    key.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        const auto category = c.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining ||
            category == QChar::Mark_Enclosing) {
            continue;
        }
        key.append(c);
    }
    return key.simplified();
}

QStringList HistoryImportService::namesIn(const QString &summary, const QList<QPair<QString, QString>> &attendees)
{
    QStringList emails;
    QStringList names;
    auto addUnique = [](QStringList &list, const QString &text) {
        const QString t = text.trimmed();
        if (!t.isEmpty() && !list.contains(t, Qt::CaseInsensitive)) {
            list.append(t);
        }
    };
    for (const auto &[name, email] : attendees) {
        if (email.contains(u'@')) {
            addUnique(emails, email);
        }
        addUnique(names, name);
    }
    static const QRegularExpression emailPattern(u"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"_s);
    for (auto it = emailPattern.globalMatch(summary); it.hasNext();) {
        addUnique(emails, it.next().captured());
    }
    // The title without what the tools put around the name: PagerDuty's "On Call - NAME - SCHEDULE",
    // Opsgenie's "NAME (ROTATION)", Grafana OnCall's "[L1] NAME", "[Schedule] NAME", "On call: NAME".
    QString title = summary;
    static const QRegularExpression bracketed(u"^\\s*\\[[^\\]]*\\]\\s*"_s);
    static const QRegularExpression onCall(u"^\\s*on[ -]?call\\s*[-:–—|]\\s*"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression parenthesized(u"\\s*\\([^)]*\\)\\s*$"_s);
    for (int round = 0; round < 2; ++round) {
        title.remove(bracketed);
        title.remove(onCall);
        title.remove(parenthesized);
    }
    title = title.trimmed();
    if (!title.isEmpty() && !title.contains(u'@')) {
        // PagerDuty: "Jane Doe - Primary" is the name and the schedule; the name first (the text
        // the report shows), then the whole (a name with a dash in it).
        static const QRegularExpression dash(u"\\s+[-–—|]\\s+"_s);
        const QStringList parts = title.split(dash);
        if (parts.size() > 1) {
            addUnique(names, parts.first());
        }
        addUnique(names, title);
        // A login such as "jane.doe" or "jane_doe" may be the name "Jane Doe".
        if (!title.contains(u' ') && (title.contains(u'.') || title.contains(u'_'))) {
            QString spaced = title;
            spaced.replace(u'.', u' ').replace(u'_', u' ');
            addUnique(names, spaced);
        }
    }
    // Then an e-mail's local part as a name, the same way ("jane.doe@old-tool.example").
    for (const QString &email : std::as_const(emails)) {
        QString local = email.section(u'@', 0, 0);
        if (local.contains(u'.') || local.contains(u'_')) {
            local.replace(u'.', u' ').replace(u'_', u' ');
            addUnique(names, local);
        }
    }
    return emails + names;
}

Result<HistoryPreview> HistoryImportService::preview(RotationId rotationId, Seat seat, const QByteArray &ics,
                                                     const Choices &choices) const
{
    // The change log first: a write that lands while we read makes the preview look stale, never
    // the other way round.
    auto version = ChangeLog(m_db).lastSeq();
    if (!version) {
        return version.error();
    }
    auto found = RotationRepository(m_db).find(rotationId);
    if (!found) {
        return found.error();
    }
    if (!found.value()) {
        return Error{tr("The rotation is not in the database."), u"rotation"_s};
    }
    const Rotation rotation = *found.value();
    const QTimeZone zone = zoneOf(rotation.timeZone);
    const QDateTime now = m_db.clock().now().toUTC();
    const QDate today = now.toTimeZone(zone).date();
    auto read = readEvents(ics, firstDayRead(today), today);
    if (!read) {
        return read.error();
    }
    if (read->size() > MaxEvents) {
        return Error{tr("The file has %1 events in the ten years up to today; Tandem imports at most %2 at once. "
                        "Export a shorter period.")
                         .arg(read->size())
                         .arg(MaxEvents)};
    }
    auto people = PersonRepository(m_db).all();
    if (!people) {
        return people.error();
    }
    QHash<PersonId, Person> byId;
    QHash<QString, PersonId> byEmail;
    QHash<QString, QList<PersonId>> byName;
    for (const Person &p : people.value()) {
        byId.insert(p.id, p);
        byEmail.insert(p.email.trimmed().toCaseFolded(), p.id);
        byName[matchKey(p.name)].append(p.id);
    }
    // From early enough that a shift overlapping the first event read is there (no shift lasts
    // longer than MaxShiftSeconds).
    auto existing = ShiftRepository(m_db).overlapping(
        QDateTime(firstDayRead(today), QTime(0, 0), QTimeZone::utc()).addSecs(-MaxShiftSeconds - 2 * 86400),
        now.addDays(2), rotationId);
    if (!existing) {
        return existing.error();
    }
    // The lead's choices as the names are matched: "alex kim" chooses for "Alex  Kim".
    QHash<QString, PersonId> chosenByKey;
    for (auto it = choices.cbegin(); it != choices.cend(); ++it) {
        chosenByKey.insert(matchKey(it.key()), it.value());
    }
    // The rotation's shifts with what this import has decided so far (new shifts, filled seats),
    // so that a second event at the same times is "already there" or a conflict, not a second shift.
    QList<Shift> shifts = existing.value();

    HistoryPreview preview;
    preview.rotation = rotation.id;
    preview.rotationName = rotation.name;
    preview.seat = seat;
    preview.dataVersion = version.value();
    QHash<QString, int> unmatched;
    QStringList unmatchedOrder;
    QHash<QString, QList<PersonId>> ambiguous;
    QStringList ambiguousOrder;
    const QString seatName = seat == Seat::Dev ? tr("developer") : tr("ops");
    auto local = [&zone](const QDateTime &t) { return t.toTimeZone(zone).toString(u"yyyy-MM-dd hh:mm"_s); };

    for (const ImportedEvent &imported : read.value()) {
        HistoryEvent event;
        event.uid = imported.uid;
        event.summary = shortened(imported.summary);
        event.allDay = imported.allDay;
        if (imported.allDay) {
            // A day is read as the rotation's handoff on that day: a week from Monday to Sunday in
            // the old tool is the Monday 09:00 to Monday 09:00 shift of a weekly rotation.
            event.start = QDateTime(imported.firstDay, rotation.handoffTime, zone).toUTC();
            event.end = QDateTime(imported.endDay, rotation.handoffTime, zone).toUTC();
        } else if (imported.floating) {
            // Times without a zone are the team's wall clock: the rotation's zone.
            event.start = QDateTime(imported.start.date(), imported.start.time(), zone).toUTC();
            event.end = QDateTime(imported.end.date(), imported.end.time(), zone).toUTC();
        } else {
            event.start = imported.start;
            event.end = imported.end;
        }

        // Who: the lead's choice, else an e-mail, else a name that is one person's.
        QList<QPair<QString, QString>> attendees;
        for (const ImportedEvent::Attendee &a : imported.attendees) {
            attendees.append({a.name, a.email});
        }
        const QStringList candidates = namesIn(imported.summary, attendees);
        // Named by a name rather than an e-mail where the event has one: what the lead recognizes.
        const auto named =
            std::find_if(candidates.cbegin(), candidates.cend(), [](const QString &c) { return !c.contains(u'@'); });
        event.who = shortened(named != candidates.cend() ? *named : candidates.value(0));
        bool decided = false;
        for (const QString &c : candidates) {
            const auto chosen = chosenByKey.constFind(matchKey(c));
            if (chosen != chosenByKey.constEnd() && byId.contains(*chosen)) {
                event.who = shortened(c);
                event.person = *chosen;
                event.match = HistoryMatch::Chosen;
                decided = true;
                break;
            }
        }
        for (qsizetype i = 0; !decided && i < candidates.size(); ++i) {
            const QString &c = candidates.at(i);
            if (c.contains(u'@')) {
                if (const auto it = byEmail.constFind(c.toCaseFolded()); it != byEmail.constEnd()) {
                    event.who = shortened(c);
                    event.person = *it;
                    event.match = HistoryMatch::Email;
                    decided = true;
                }
            }
        }
        for (qsizetype i = 0; !decided && i < candidates.size(); ++i) {
            const QString &c = candidates.at(i);
            QList<PersonId> fits = byName.value(matchKey(c));
            if (fits.size() > 1) {
                // Namesakes: the one who can take the seat, if only one can.
                QList<PersonId> seatFits;
                for (const PersonId &id : std::as_const(fits)) {
                    if (fitsSeat(byId.value(id), seat)) {
                        seatFits.append(id);
                    }
                }
                if (seatFits.size() == 1) {
                    fits = seatFits;
                }
            }
            if (fits.size() == 1) {
                event.who = shortened(c);
                event.person = fits.first();
                event.match = HistoryMatch::Name;
                decided = true;
            } else if (fits.size() > 1 && event.match != HistoryMatch::Ambiguous) {
                // Remember the first ambiguity; a later candidate that is one person's still wins.
                event.who = shortened(c);
                event.candidates = fits;
                event.match = HistoryMatch::Ambiguous;
            }
        }
        if (!decided) {
            if (event.match == HistoryMatch::Ambiguous) {
                if (!ambiguous.contains(event.who)) {
                    ambiguousOrder.append(event.who);
                }
                ambiguous.insert(event.who, event.candidates);
            } else {
                event.match = HistoryMatch::Unmatched;
                const QString key = event.who.isEmpty() ? event.summary : event.who;
                if (!unmatched.contains(key)) {
                    unmatchedOrder.append(key);
                }
                ++unmatched[key];
            }
        }

        // What it does to the rotation.
        const qint64 seconds = event.start.secsTo(event.end);
        if (event.end > now) {
            event.action = HistoryAction::NotPast;
            event.reason = tr("has not ended yet (%1); only past shifts are imported").arg(local(event.end));
        } else if (seconds < 3600 || seconds > MaxShiftSeconds) {
            event.action = HistoryAction::Invalid;
            event.reason = seconds < 3600
                               ? tr("lasts less than an hour")
                               : tr("lasts longer than %1 days, the longest shift").arg(MaxShiftSeconds / (24 * 3600));
        } else if (event.person.isNull()) {
            event.action = HistoryAction::NoPerson;
            event.reason = event.match == HistoryMatch::Ambiguous
                               ? tr("“%1” is the name of %2 people on the roster; choose one")
                                     .arg(event.who)
                                     .arg(event.candidates.size())
                               : tr("nobody on the roster has the e-mail or the name “%1”").arg(event.who);
        } else {
            QList<qsizetype> overlapping;
            for (qsizetype i = 0; i < shifts.size(); ++i) {
                if (shifts.at(i).start < event.end && shifts.at(i).end > event.start) {
                    overlapping.append(i);
                }
            }
            if (overlapping.isEmpty()) {
                Shift shift;
                shift.id = ShiftId::create();
                shift.rotationId = rotation.id;
                shift.start = event.start;
                shift.end = event.end;
                shift.setSeat(seat, event.person);
                // History: announced long ago. Not locked, so that the lead can still fill the
                // other seat or correct this one.
                shift.state = ShiftState::Published;
                shifts.append(shift);
                event.shift = shift.id;
                event.action = HistoryAction::Add;
            } else if (overlapping.size() == 1 && shifts.at(overlapping.first()).start == event.start &&
                       shifts.at(overlapping.first()).end == event.end) {
                Shift &shift = shifts[overlapping.first()];
                event.shift = shift.id;
                const PersonId holder = shift.seat(seat);
                if (holder == event.person) {
                    event.action = HistoryAction::AlreadyThere;
                } else if (holder.isNull() && shift.state == ShiftState::Locked) {
                    // A lead locked it as it is; the import does not override that.
                    event.action = HistoryAction::Conflict;
                    event.reason = tr("the shift is locked; unlock it to fill its %1 seat").arg(seatName);
                } else if (holder.isNull()) {
                    event.action = HistoryAction::Fill;
                    shift.setSeat(seat, event.person);
                } else {
                    event.action = HistoryAction::Conflict;
                    event.reason = tr("the %1 seat of this shift holds %2")
                                       .arg(seatName, byId.contains(holder) ? byId.value(holder).name
                                                                            : tr("someone no longer on the roster"));
                }
            } else {
                const Shift &shift = shifts.at(overlapping.first());
                event.shift = shift.id;
                event.action = HistoryAction::Conflict;
                event.reason =
                    overlapping.size() == 1
                        ? tr("overlaps the shift of %1 to %2 at other times").arg(local(shift.start), local(shift.end))
                        : tr("overlaps %1 shifts, from %2").arg(overlapping.size()).arg(local(shift.start));
            }
            if ((event.action == HistoryAction::Add || event.action == HistoryAction::Fill) &&
                !fitsSeat(byId.value(event.person), seat)) {
                event.reason = seat == Seat::Dev ? tr("%1 is not a developer").arg(byId.value(event.person).name)
                                                 : tr("%1 has no production access").arg(byId.value(event.person).name);
            }
        }
        preview.events.append(event);
    }
    for (const QString &key : std::as_const(unmatchedOrder)) {
        preview.unmatched.append({key, unmatched.value(key)});
    }
    for (const QString &key : std::as_const(ambiguousOrder)) {
        preview.ambiguous.append({key, ambiguous.value(key)});
    }
    return preview;
}

Result<AppliedPlan> HistoryImportService::apply(const HistoryPreview &preview)
{
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status().error();
    }
    // Under the write lock: the preview's shifts and roster must be what the database holds.
    static const QStringList inputs = {u"person"_s, u"rotation"_s, u"shift"_s};
    auto since = ChangeLog(m_db).changesSince(preview.dataVersion, inputs);
    if (!since) {
        return since.error();
    }
    if (since->count > 0) {
        return Error{tr("The roster or the shifts changed since the preview (changed by %1); nothing was imported. "
                        "Look at the preview again.")
                         .arg(since->firstActor),
                     Field::Stale.toString()};
    }
    ShiftRepository shifts(m_db);
    AppliedPlan applied;
    for (const HistoryEvent &event : preview.events) {
        if (event.action == HistoryAction::Add) {
            Shift shift;
            shift.id = event.shift;
            shift.rotationId = preview.rotation;
            shift.start = event.start;
            shift.end = event.end;
            shift.setSeat(preview.seat, event.person);
            shift.state = ShiftState::Published;
            if (auto status = writeLogged(
                    m_db, [&] { return shifts.insert(shift); },
                    ChangeRecord::created(Entity::Shift, shift.id.toString(), toJson(shift)));
                !status) {
                return status.error();
            }
            applied.added.append(shift);
        } else if (event.action == HistoryAction::Fill) {
            auto before = shifts.find(event.shift);
            if (!before) {
                return before.error();
            }
            if (!before.value() || !before.value()->seat(preview.seat).isNull()) {
                return Error{tr("A shift of the preview changed meanwhile; nothing was imported."),
                             Field::Stale.toString()};
            }
            Shift after = *before.value();
            after.setSeat(preview.seat, event.person);
            ++after.sequence;
            if (auto status = writeLogged(
                    m_db, [&] { return shifts.update(after); },
                    ChangeRecord::updated(Entity::Shift, after.id.toString(), toJson(*before.value()), toJson(after)));
                !status) {
                return status.error();
            }
            applied.changed.append({*before.value(), after});
        }
    }
    if (auto status = transaction.commit(); !status) {
        return status.error();
    }
    return applied;
}

QString historyActionText(HistoryAction action)
{
    switch (action) {
    case HistoryAction::Add:
        return tr("New shift");
    case HistoryAction::Fill:
        return tr("Fills the empty seat");
    case HistoryAction::AlreadyThere:
        return tr("Already there");
    case HistoryAction::Conflict:
        return tr("Not imported");
    case HistoryAction::NotPast:
        return tr("Not past");
    case HistoryAction::Invalid:
        return tr("Not a shift");
    case HistoryAction::NoPerson:
        break;
    }
    return tr("Skipped");
}

QString historyMatchText(HistoryMatch match)
{
    switch (match) {
    case HistoryMatch::Email:
        return tr("By e-mail");
    case HistoryMatch::Name:
        return tr("By name");
    case HistoryMatch::Chosen:
        return tr("Chosen");
    case HistoryMatch::Ambiguous:
        return tr("Ambiguous");
    case HistoryMatch::Unmatched:
        break;
    }
    return tr("Not on the roster");
}

} // namespace Tandem

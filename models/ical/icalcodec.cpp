#include "icalcodec.h"

#include "icsprecheck.h"

#include <KCalendarCore/CalFormat>
#include <KCalendarCore/Event>
#include <KCalendarCore/Exceptions>
#include <KCalendarCore/ICalFormat>
#include <KCalendarCore/Journal>
#include <KCalendarCore/MemoryCalendar>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcIcal, "tandem.ical")

namespace Tandem {

namespace {

using KCalendarCore::Event;
using KCalendarCore::ICalFormat;
using KCalendarCore::Incidence;
using KCalendarCore::Journal;
using KCalendarCore::MemoryCalendar;

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::Ical", text);
}

// The X- properties Tandem owns. Everything else on an event (alarms, colour, location,
// other clients' X- properties) belongs to whoever added it and survives a re-encode.
constexpr QByteArrayView TandemPrefix = "X-TANDEM-";
const QByteArray KindKey = "X-TANDEM-KIND";
const QByteArray RotationKey = "X-TANDEM-ROTATION";
const QByteArray DevKey = "X-TANDEM-DEV";
const QByteArray OpsKey = "X-TANDEM-OPS";
const QByteArray ShadowKey = "X-TANDEM-SHADOW";
const QByteArray StateKey = "X-TANDEM-STATE";
const QByteArray NoteKey = "X-TANDEM-NOTE";
const QByteArray BridgeKey = "X-TANDEM-BRIDGE";
const QByteArray PersonKey = "X-TANDEM-PERSON";
const QByteArray ReasonKey = "X-TANDEM-REASON";
const QByteArray DataKey = "X-TANDEM-DATA";

const QString ProductId = u"-//Tandem//Tandem//EN"_s;

/// Free text in X- properties goes base64 with this prefix. An X- value has no declared type,
/// so clients differ in whether they escape and unescape it (KCalendarCore hands libical the
/// raw value); base64 brings a note with newlines, commas or semicolons back intact through
/// any of them. Ids and state names stay readable.
const QString Base64Prefix = u"base64:"_s;

QString encodeText(const QString &text)
{
    return Base64Prefix + QString::fromLatin1(text.toUtf8().toBase64());
}

QString decodeText(const QString &value)
{
    if (!value.startsWith(Base64Prefix)) {
        return value;
    }
    return QString::fromUtf8(QByteArray::fromBase64(QStringView(value).mid(Base64Prefix.size()).toLatin1()));
}

QTimeZone zoneOf(const QString &id)
{
    QTimeZone zone(id.toUtf8());
    return zone.isValid() ? zone : QTimeZone::utc();
}

QString utcIso(const QDateTime &dt)
{
    return dt.toUTC().toString(Qt::ISODate);
}

void clearTandemProperties(Incidence &incidence)
{
    const auto custom = incidence.customProperties();
    for (auto it = custom.cbegin(); it != custom.cend(); ++it) {
        if (QByteArrayView(it.key()).startsWith(TandemPrefix)) {
            incidence.removeNonKDECustomProperty(it.key());
        }
    }
}

void setProperty(Incidence &incidence, const QByteArray &key, const QString &value)
{
    if (!value.isEmpty()) {
        incidence.setNonKDECustomProperty(key, value);
    }
}

/// The incidence of `previous` to build on, or a fresh one: keeps what other clients added.
template <typename T> QSharedPointer<T> startFrom(const QByteArray &previous, const QString &uid)
{
    if (!previous.isEmpty() && IcsText::precheck(previous, {MaxIcsImportBytes, false, {}, {}})) {
        auto calendar = MemoryCalendar::Ptr::create(QTimeZone::utc());
        ICalFormat format;
        if (format.fromRawString(calendar, previous)) {
            QSharedPointer<T> fallback;
            const auto incidences = calendar->rawIncidences();
            for (const Incidence::Ptr &incidence : incidences) {
                auto typed = incidence.dynamicCast<T>();
                if (!typed || incidence->hasRecurrenceId()) {
                    continue;
                }
                if (incidence->uid() == uid) {
                    return QSharedPointer<T>(typed->clone());
                }
                if (!fallback) {
                    fallback = typed;
                }
            }
            if (fallback) {
                return QSharedPointer<T>(fallback->clone());
            }
        } else {
            qCWarning(lcIcal) << "previous text of" << uid << "does not parse; encoding afresh";
        }
    }
    return QSharedPointer<T>::create();
}

QString personLabel(const IcalDirectory &directory, const PersonId &id)
{
    const auto it = directory.people.constFind(id);
    return it == directory.people.constEnd() ? tr("unknown") : it->name;
}

QString contactLines(const Person &person)
{
    QString text;
    if (!person.phone.isEmpty()) {
        text += u"\n  "_s + tr("Phone: %1").arg(person.phone);
    }
    if (!person.chat.isEmpty()) {
        text += u"\n  "_s + tr("Chat: %1").arg(person.chat);
    }
    if (!person.email.isEmpty()) {
        text += u"\n  "_s + tr("E-mail: %1").arg(person.email);
    }
    return text;
}

QString seatLines(const IcalDirectory &directory, const PersonId &id, const QString &label, const QString &empty)
{
    if (id.isNull()) {
        return label.arg(empty);
    }
    const auto it = directory.people.constFind(id);
    if (it == directory.people.constEnd()) {
        return label.arg(tr("unknown"));
    }
    return label.arg(it->name) + contactLines(*it);
}

QString shiftSummary(const Shift &shift, const IcalDirectory &directory)
{
    const QString dev = shift.dev.isNull() ? tr("(no dev)") : tr("%1 (dev)").arg(personLabel(directory, shift.dev));
    const QString ops = shift.ops.isNull() ? tr("(no ops)") : tr("%1 (ops)").arg(personLabel(directory, shift.ops));
    return tr("On call: %1 + %2").arg(dev, ops);
}

QString shiftDescription(const Shift &shift, const IcalDirectory &directory)
{
    QStringList parts;
    if (const auto it = directory.rotations.constFind(shift.rotationId); it != directory.rotations.constEnd()) {
        parts << tr("Rotation: %1").arg(it->name);
    }
    parts << seatLines(directory, shift.dev, tr("Developer: %1"), tr("nobody (a gap)"));
    parts << seatLines(directory, shift.ops, tr("Operations: %1"), tr("nobody (a gap)"));
    if (!shift.shadow.isNull()) {
        parts << tr("Shadow (onboarding, no production access): %1").arg(personLabel(directory, shift.shadow));
    }
    if (!shift.bridgeUrl.isEmpty()) {
        parts << tr("Bridge: %1").arg(shift.bridgeUrl);
    }
    if (!shift.note.isEmpty()) {
        parts << tr("Handoff note: %1").arg(shift.note);
    }
    return parts.join(u'\n');
}

void addAttendee(Incidence &incidence, const IcalDirectory &directory, const PersonId &id,
                 KCalendarCore::Attendee::Role role = KCalendarCore::Attendee::ReqParticipant)
{
    const auto it = directory.people.constFind(id);
    if (id.isNull() || it == directory.people.constEnd() || it->email.isEmpty()) {
        return;
    }
    // The person's id as the attendee's X-UID, so the text does not change from run to run.
    incidence.addAttendee(
        KCalendarCore::Attendee(it->name, it->email, false, KCalendarCore::Attendee::Accepted, role, id.toString()));
}

Incidence::Ptr shiftEvent(const Shift &shift, const IcalDirectory &directory, const QByteArray &previous,
                          const IcalOptions &options)
{
    auto event = startFrom<Event>(previous, shift.id.toString());
    clearTandemProperties(*event);
    event->setUid(shift.id.toString());
    const auto rotation = directory.rotations.constFind(shift.rotationId);
    const QTimeZone zone = rotation == directory.rotations.constEnd() ? QTimeZone::utc() : zoneOf(rotation->timeZone);
    event->setAllDay(false);
    event->setDtStart(shift.start.toTimeZone(zone));
    event->setDtEnd(shift.end.toTimeZone(zone));
    event->setSummary(shiftSummary(shift, directory));
    event->setDescription(shiftDescription(shift, directory));
    QStringList categories{tr("On call")};
    if (rotation != directory.rotations.constEnd()) {
        categories << rotation->name;
    }
    event->setCategories(categories);
    event->setStatus(shift.state == ShiftState::Planned ? Incidence::StatusTentative : Incidence::StatusConfirmed);
    // ATTENDEE lines are Tandem's: both seats with the option, none without, so turning the
    // option off takes them away again.
    event->clearAttendees();
    if (options.attendees) {
        addAttendee(*event, directory, shift.dev);
        addAttendee(*event, directory, shift.ops);
        // The shadow watches: optional, as RFC 5545 says of ROLE=OPT-PARTICIPANT.
        addAttendee(*event, directory, shift.shadow, KCalendarCore::Attendee::OptParticipant);
    }
    setProperty(*event, KindKey, resourceKindToString(ResourceKind::Shift));
    setProperty(*event, RotationKey, shift.rotationId.isNull() ? QString() : shift.rotationId.toString());
    setProperty(*event, DevKey, shift.dev.isNull() ? QString() : shift.dev.toString());
    setProperty(*event, OpsKey, shift.ops.isNull() ? QString() : shift.ops.toString());
    setProperty(*event, ShadowKey, shift.shadow.isNull() ? QString() : shift.shadow.toString());
    setProperty(*event, StateKey, shiftStateToString(shift.state));
    setProperty(*event, NoteKey, shift.note.isEmpty() ? QString() : encodeText(shift.note));
    setProperty(*event, BridgeKey, shift.bridgeUrl.isEmpty() ? QString() : encodeText(shift.bridgeUrl));
    event->setRevision(shift.sequence);
    return event;
}

Incidence::Ptr timeOffEvent(const TimeOff &timeOff, const IcalDirectory &directory, const QByteArray &previous)
{
    auto event = startFrom<Event>(previous, timeOff.id.toString());
    clearTandemProperties(*event);
    event->setUid(timeOff.id.toString());
    // All day: KCalendarCore keeps the last day inclusive and writes DTEND as the day after.
    event->setDtStart(QDateTime(timeOff.from, QTime(0, 0)));
    event->setDtEnd(QDateTime(timeOff.to, QTime(0, 0)));
    event->setAllDay(true);
    event->setSummary(tr("Time off: %1").arg(personLabel(directory, timeOff.personId)));
    event->setDescription(timeOff.reason);
    event->setCategories({tr("Time off")});
    event->clearAttendees();
    setProperty(*event, KindKey, resourceKindToString(ResourceKind::TimeOff));
    setProperty(*event, PersonKey, timeOff.personId.toString());
    setProperty(*event, ReasonKey, timeOff.reason.isEmpty() ? QString() : encodeText(timeOff.reason));
    return event;
}

Incidence::Ptr dataJournal(const ResourceData &item, const QByteArray &previous)
{
    auto journal = startFrom<Journal>(previous, item.uid);
    clearTandemProperties(*journal);
    journal->setUid(item.uid);
    journal->setSummary(item.kind == ResourceKind::Roster ? tr("Tandem roster") : tr("Tandem request"));
    journal->setDescription(tr("Data of Tandem, the on-call planner. Edit it in Tandem."));
    setProperty(*journal, KindKey, resourceKindToString(item.kind));
    // Base64 of the compact JSON: byte-exact whatever the JSON holds.
    setProperty(*journal, DataKey,
                QString::fromLatin1(QJsonDocument(item.data).toJson(QJsonDocument::Compact).toBase64()));
    return journal;
}

Incidence::Ptr foreignEvent(const ResourceData &item, const QByteArray &previous)
{
    auto event = startFrom<Event>(previous, item.uid);
    event->setUid(item.uid);
    event->setSummary(item.data.value(u"summary"_s).toString());
    const bool allDay = item.data.value(u"allDay"_s).toBool();
    if (allDay) {
        event->setDtStart(QDateTime(QDate::fromString(item.data.value(u"start"_s).toString(), Qt::ISODate), {}));
        event->setDtEnd(QDateTime(QDate::fromString(item.data.value(u"end"_s).toString(), Qt::ISODate), {}));
    } else {
        event->setDtStart(QDateTime::fromString(item.data.value(u"start"_s).toString(), Qt::ISODate));
        event->setDtEnd(QDateTime::fromString(item.data.value(u"end"_s).toString(), Qt::ISODate));
    }
    event->setAllDay(allDay);
    return event;
}

Shift shiftFromJson(const QJsonObject &o, const QString &uid)
{
    Shift s;
    s.id = ShiftId::fromString(uid.isEmpty() ? o.value(u"id"_s).toString() : uid);
    s.rotationId = RotationId::fromString(o.value(u"rotation"_s).toString());
    s.start = QDateTime::fromString(o.value(u"start"_s).toString(), Qt::ISODate).toUTC();
    s.end = QDateTime::fromString(o.value(u"end"_s).toString(), Qt::ISODate).toUTC();
    s.dev = PersonId::fromString(o.value(u"dev"_s).toString());
    s.ops = PersonId::fromString(o.value(u"ops"_s).toString());
    s.shadow = PersonId::fromString(o.value(u"shadow"_s).toString());
    // Not a read of ours: a peer's calendar without a (known) state proposes a planned shift.
    s.state = shiftStateFromString(o.value(u"state"_s).toString()).value_or(ShiftState::Planned);
    s.note = o.value(u"note"_s).toString();
    s.bridgeUrl = o.value(u"bridge"_s).toString();
    s.sequence = o.value(u"sequence"_s).toInt();
    return s;
}

TimeOff timeOffFromJson(const QJsonObject &o, const QString &uid)
{
    TimeOff t;
    t.id = TimeOffId::fromString(uid.isEmpty() ? o.value(u"id"_s).toString() : uid);
    t.personId = PersonId::fromString(o.value(u"person"_s).toString());
    t.from = QDate::fromString(o.value(u"from"_s).toString(), Qt::ISODate);
    t.to = QDate::fromString(o.value(u"to"_s).toString(), Qt::ISODate);
    t.reason = o.value(u"reason"_s).toString();
    return t;
}

QByteArray serialize(const QList<Incidence::Ptr> &incidences, const IcalOptions &options)
{
    KCalendarCore::CalFormat::setApplication(u"Tandem"_s, ProductId);
    auto calendar = MemoryCalendar::Ptr::create(QTimeZone::utc());
    for (const Incidence::Ptr &incidence : incidences) {
        calendar->addIncidence(incidence);
    }
    ICalFormat format;
    QByteArray text = format.toString(calendar).toUtf8();
    if (options.attendees) {
        // KCalendarCore writes no SCHEDULE-AGENT; without it a scheduling server (RFC 6638)
        // would e-mail an invitation for every shift.
        text = IcsText::addParameter(text, "ATTENDEE", "SCHEDULE-AGENT=CLIENT");
    }
    return text;
}

/// Parses checked text into a calendar in UTC.
Result<MemoryCalendar::Ptr> parse(const QByteArray &ics, bool dailyRecurrenceOnly, QDate expandFrom = {},
                                  QDate expandTo = {})
{
    if (auto status = IcsText::precheck(ics, {MaxIcsImportBytes, dailyRecurrenceOnly, expandFrom, expandTo}); !status) {
        return status.error();
    }
    auto calendar = MemoryCalendar::Ptr::create(QTimeZone::utc());
    ICalFormat format;
    if (!format.fromRawString(calendar, ics)) {
        QString detail;
        if (const KCalendarCore::Exception *e = format.exception()) {
            detail = e->arguments().join(u", "_s);
        }
        return Error{detail.isEmpty() ? tr("The text could not be read as iCalendar.")
                                      : tr("The text could not be read as iCalendar: %1").arg(detail)};
    }
    return calendar;
}

QJsonObject foreignData(const Incidence &incidence)
{
    QJsonObject data{{u"summary"_s, incidence.summary()}, {u"allDay"_s, incidence.allDay()}};
    const QDateTime start = incidence.dtStart();
    QDateTime end = start;
    if (incidence.type() == Incidence::TypeEvent) {
        const auto &event = static_cast<const Event &>(incidence);
        if (event.hasEndDate()) {
            end = event.dtEnd();
        }
    }
    if (incidence.allDay()) {
        data.insert(u"start"_s, start.date().toString(Qt::ISODate));
        data.insert(u"end"_s, end.date().toString(Qt::ISODate));
    } else {
        data.insert(u"start"_s, start.isValid() ? utcIso(start) : QString());
        data.insert(u"end"_s, end.isValid() ? utcIso(end) : QString());
    }
    // Who it is about and what kind of event it is: time off of someone on the roster is
    // offered for import (an organizer's or attendee's e-mail, "Vacation" in the categories).
    const auto email = [](const QString &address) {
        return address.startsWith(u"mailto:"_s, Qt::CaseInsensitive) ? address.mid(7) : address;
    };
    QJsonArray attendees;
    for (const KCalendarCore::Attendee &attendee : incidence.attendees()) {
        if (!attendee.email().isEmpty()) {
            attendees.append(email(attendee.email()));
        }
    }
    data.insert(u"organizer"_s, email(incidence.organizer().email()));
    data.insert(u"attendees"_s, attendees);
    data.insert(u"categories"_s, QJsonArray::fromStringList(incidence.categories()));
    data.insert(u"cancelled"_s, incidence.status() == Incidence::StatusCanceled);
    data.insert(u"recurs"_s, incidence.recurs());
    return data;
}

/// The days one occurrence covers in its own zone, last day included: an event that ends at
/// midnight does not touch the next day.
std::pair<QDate, QDate> daysOf(const QDateTime &start, qint64 seconds, bool allDay, qint64 allDayExtraDays)
{
    if (allDay) {
        return {start.date(), start.date().addDays(std::max<qint64>(0, allDayExtraDays))};
    }
    const QDate first = start.date();
    if (seconds <= 0) {
        return {first, first};
    }
    const QDateTime end = start.addSecs(seconds);
    QDate last = end.date();
    if (end.time() == QTime(0, 0) && last > first) {
        last = last.addDays(-1);
    }
    return {first, std::max(first, last)};
}

} // namespace

QString resourceKindToString(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Shift:
        return u"shift"_s;
    case ResourceKind::TimeOff:
        return u"timeoff"_s;
    case ResourceKind::Roster:
        return u"roster"_s;
    case ResourceKind::Request:
        return u"request"_s;
    case ResourceKind::Foreign:
        return u"foreign"_s;
    }
    return {};
}

std::optional<ResourceKind> resourceKindFromString(QStringView text)
{
    for (ResourceKind kind : {ResourceKind::Shift, ResourceKind::TimeOff, ResourceKind::Roster, ResourceKind::Request,
                              ResourceKind::Foreign}) {
        if (text.compare(resourceKindToString(kind), Qt::CaseInsensitive) == 0) {
            return kind;
        }
    }
    return std::nullopt;
}

QByteArray encodeResource(const ResourceData &item, const IcalDirectory &directory, const QByteArray &previous,
                          const IcalOptions &options)
{
    switch (item.kind) {
    case ResourceKind::Shift:
        return serialize({shiftEvent(shiftFromJson(item.data, item.uid), directory, previous, options)}, options);
    case ResourceKind::TimeOff:
        return serialize({timeOffEvent(timeOffFromJson(item.data, item.uid), directory, previous)}, options);
    case ResourceKind::Roster:
    case ResourceKind::Request:
        return serialize({dataJournal(item, previous)}, options);
    case ResourceKind::Foreign:
        return serialize({foreignEvent(item, previous)}, options);
    }
    return {};
}

Result<ResourceData> decodeResource(const QByteArray &ics)
{
    auto parsed = parse(ics, false);
    if (!parsed) {
        return parsed.error();
    }
    QList<Incidence::Ptr> masters;
    QSet<QString> uids;
    const auto incidences = parsed.value()->rawIncidences();
    for (const Incidence::Ptr &incidence : incidences) {
        uids.insert(incidence->uid());
        if (!incidence->hasRecurrenceId()) {
            masters.append(incidence);
        }
    }
    if (masters.isEmpty()) {
        return Error{tr("The resource holds no event, to-do or journal.")};
    }
    if (uids.size() > 1) {
        return Error{tr("The resource holds %1 different objects; a CalDAV resource holds one.").arg(uids.size())};
    }
    const Incidence::Ptr incidence = masters.first();
    ResourceData out;
    out.uid = incidence->uid();
    const QString kindText = incidence->nonKDECustomProperty(KindKey);
    const std::optional<ResourceKind> kind =
        kindText.isEmpty() ? std::optional<ResourceKind>(ResourceKind::Foreign) : resourceKindFromString(kindText);
    if (!kind) {
        return Error{tr("X-TANDEM-KIND “%1” is not a kind this Tandem knows; a newer Tandem may have written it.")
                         .arg(kindText)};
    }
    out.kind = *kind;
    auto x = [&incidence](const QByteArray &key) { return incidence->nonKDECustomProperty(key); };
    auto idOrNull = [](const QString &text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); };
    switch (out.kind) {
    case ResourceKind::Shift: {
        const auto event = incidence.dynamicCast<Event>();
        if (!event || incidence->allDay()) {
            return Error{tr("The shift %1 is not a timed event.").arg(out.uid)};
        }
        // Times come from DTSTART/DTEND, so a shift moved in another calendar app reads moved.
        const QDateTime start = event->dtStart();
        const QDateTime end = event->hasEndDate() ? event->dtEnd() : start;
        out.data = QJsonObject{
            {u"id"_s, out.uid},
            {u"rotation"_s, x(RotationKey)},
            {u"start"_s, utcIso(start)},
            {u"end"_s, utcIso(end)},
            {u"dev"_s, idOrNull(x(DevKey))},
            {u"ops"_s, idOrNull(x(OpsKey))},
            {u"state"_s, x(StateKey).isEmpty() ? shiftStateToString(ShiftState::Planned) : x(StateKey)},
            {u"note"_s, decodeText(x(NoteKey))},
            {u"bridge"_s, decodeText(x(BridgeKey))},
            {u"sequence"_s, incidence->revision()},
        };
        if (!x(ShadowKey).isEmpty()) {
            out.data.insert(u"shadow"_s, x(ShadowKey));
        }
        break;
    }
    case ResourceKind::TimeOff: {
        const auto event = incidence.dynamicCast<Event>();
        if (!event) {
            return Error{tr("The time off %1 is not an event.").arg(out.uid)};
        }
        const QDate from = event->dtStart().date();
        // All day: KCalendarCore gives the last day (DTEND minus one). A timed event edited
        // elsewhere covers the days it touches.
        QDate to = event->hasEndDate() ? event->dtEnd().date() : from;
        if (!event->allDay() && event->hasEndDate() && event->dtEnd().time() == QTime(0, 0) && to > from) {
            to = to.addDays(-1);
        }
        out.data = QJsonObject{
            {u"id"_s, out.uid},
            {u"person"_s, x(PersonKey)},
            {u"from"_s, from.toString(Qt::ISODate)},
            {u"to"_s, std::max(from, to).toString(Qt::ISODate)},
            {u"reason"_s, decodeText(x(ReasonKey))},
        };
        break;
    }
    case ResourceKind::Roster:
    case ResourceKind::Request: {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromBase64(x(DataKey).toLatin1()), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            return Error{tr("The %1 data of %2 is damaged: %3")
                             .arg(resourceKindToString(out.kind), out.uid, error.errorString())};
        }
        out.data = document.object();
        break;
    }
    case ResourceKind::Foreign:
        out.data = foreignData(*incidence);
        break;
    }
    return out;
}

QByteArray exportCalendar(const QList<Shift> &shifts, const QList<TimeOff> &timeOff, const IcalDirectory &directory,
                          const IcalOptions &options)
{
    QList<Incidence::Ptr> incidences;
    incidences.reserve(shifts.size() + timeOff.size());
    for (const Shift &shift : shifts) {
        incidences.append(shiftEvent(shift, directory, {}, options));
    }
    for (const TimeOff &t : timeOff) {
        incidences.append(timeOffEvent(t, directory, {}));
    }
    return serialize(incidences, options);
}

namespace {

// Occurrences replaced by an event with a RECURRENCE-ID: uid -> the replaced starts (UTC).
QHash<QString, QSet<QDateTime>> replacedOccurrences(const Event::List &events)
{
    QHash<QString, QSet<QDateTime>> replaced;
    for (const Event::Ptr &event : events) {
        if (event->hasRecurrenceId()) {
            replaced[event->uid()].insert(event->recurrenceId().toUTC());
        }
    }
    return replaced;
}

// The starts, in the event's zone, of its occurrences that can reach the days `from` to `to`
// (one lasting `spanDays` may start that much earlier), but those another event replaces.
// KCalendarCore stops expanding a rule after 10,000 of its periods without saying so: a rule
// that reaches that is refused rather than read in part.
Result<QList<QDateTime>> occurrenceStarts(const Event::Ptr &event, const QSet<QDateTime> &replaced, QDate from,
                                          QDate to, qint64 spanDays)
{
    const QDateTime start = event->dtStart();
    if (!event->recurs()) {
        return QList<QDateTime>{start};
    }
    constexpr qsizetype ExpansionLimit = 10000;
    const QDateTime windowStart(from.addDays(-spanDays - 1), QTime(0, 0), start.timeZone());
    const QDateTime windowEnd(to.addDays(2), QTime(0, 0), start.timeZone());
    const auto times = event->recurrence()->timesInInterval(windowStart, windowEnd);
    if (times.size() >= ExpansionLimit) {
        return Error{tr("The event “%1” repeats %2 times or more in the period read; Tandem reads fewer.")
                         .arg(event->summary().trimmed().left(80))
                         .arg(ExpansionLimit)};
    }
    QList<QDateTime> starts;
    for (const QDateTime &t : times) {
        if (!replaced.contains(t.toUTC())) {
            starts.append(t.toTimeZone(start.timeZone()));
        }
    }
    return starts;
}

} // namespace

Result<QList<ImportedDay>> readDays(const QByteArray &ics, QDate from, QDate to)
{
    if (!from.isValid() || !to.isValid() || to < from) {
        return Error{tr("The period to import is not a valid range of days.")};
    }
    if (from.daysTo(to) > MaxImportDays) {
        return Error{tr("The period to import is longer than %1 days.").arg(MaxImportDays)};
    }
    auto parsed = parse(ics, true, from, to);
    if (!parsed) {
        return parsed.error();
    }
    const auto events = parsed.value()->rawEvents();
    if (events.isEmpty()) {
        return Error{tr("The file holds no event (VEVENT): there is nothing to import.")};
    }
    const QHash<QString, QSet<QDateTime>> replaced = replacedOccurrences(events);
    QList<ImportedDay> days;
    constexpr qsizetype MaxOccurrences = 100000;
    for (const Event::Ptr &event : events) {
        if (event->status() == Incidence::StatusCanceled) {
            continue;
        }
        const QDateTime start = event->dtStart();
        if (!start.isValid()) {
            continue;
        }
        const QDateTime end = event->hasEndDate() ? event->dtEnd() : start;
        const qint64 seconds = start.secsTo(end);
        const qint64 extraDays = start.date().daysTo(end.date());
        const QString summary = event->summary().trimmed();
        auto add = [&](const QDateTime &occurrence) {
            const auto [first, last] = daysOf(occurrence, seconds, event->allDay(), extraDays);
            if (last >= from && first <= to) {
                days.append(ImportedDay{event->uid(), summary, first, last});
            }
        };
        // Expanded from early enough that an occurrence starting before `from` but lasting into
        // it is found.
        auto starts = occurrenceStarts(event, replaced.value(event->uid()), from, to,
                                       std::min<qint64>(std::max<qint64>(0, extraDays), 400));
        if (!starts) {
            return starts.error();
        }
        for (const QDateTime &occurrence : std::as_const(starts.value())) {
            add(occurrence);
        }
        if (days.size() > MaxOccurrences) {
            return Error{
                tr("The file has more than %1 occurrences in the period; Tandem stops there.").arg(MaxOccurrences)};
        }
    }
    std::sort(days.begin(), days.end(), [](const ImportedDay &a, const ImportedDay &b) {
        return std::tie(a.from, a.to, a.summary, a.uid) < std::tie(b.from, b.to, b.summary, b.uid);
    });
    return days;
}

Result<QList<ImportedEvent>> readEvents(const QByteArray &ics, QDate from, QDate to)
{
    if (!from.isValid() || !to.isValid() || to < from) {
        return Error{tr("The period to import is not a valid range of days.")};
    }
    if (from.daysTo(to) > MaxImportDays) {
        return Error{tr("The period to import is longer than %1 days.").arg(MaxImportDays)};
    }
    // Grafana OnCall's export has no VERSION, which libical needs to read a calendar: checked as
    // it is (so that errors name the file's own lines), then read as iCalendar 2.0.
    QByteArray text = ics;
    static const QRegularExpression version(u"^VERSION[;:]"_s, QRegularExpression::MultilineOption);
    const qsizetype begin = ics.indexOf("BEGIN:VCALENDAR");
    if (begin >= 0 && !version.match(QString::fromUtf8(ics)).hasMatch()) {
        if (auto status = IcsText::precheck(ics, {MaxIcsImportBytes, false, from, to}); !status) {
            return status.error();
        }
        const qsizetype lineEnd = ics.indexOf('\n', begin);
        if (lineEnd > 0) {
            text.insert(lineEnd + 1, "VERSION:2.0\r\n");
        }
    }
    auto parsed = parse(text, false, from, to);
    if (!parsed) {
        return parsed.error();
    }
    const auto events = parsed.value()->rawEvents();
    if (events.isEmpty()) {
        return Error{tr("The file holds no event (VEVENT): there is nothing to import.")};
    }
    const QHash<QString, QSet<QDateTime>> replaced = replacedOccurrences(events);
    const QDateTime first(from, QTime(0, 0), QTimeZone::utc());
    const QDateTime last(to.addDays(1), QTime(0, 0), QTimeZone::utc());
    QList<ImportedEvent> result;
    constexpr qsizetype MaxOccurrences = 100000;
    for (const Event::Ptr &event : events) {
        if (event->status() == Incidence::StatusCanceled) {
            continue;
        }
        const QDateTime start = event->dtStart();
        if (!start.isValid()) {
            continue;
        }
        const QDateTime end = event->hasEndDate() ? event->dtEnd() : start;
        ImportedEvent base;
        base.uid = event->uid();
        base.summary = event->summary().trimmed();
        base.allDay = event->allDay();
        base.floating = !base.allDay && start.timeSpec() == Qt::LocalTime;
        for (const KCalendarCore::Attendee &attendee : event->attendees()) {
            QString email = attendee.email().trimmed();
            if (email.startsWith(u"mailto:"_s, Qt::CaseInsensitive)) {
                email = email.mid(7);
            }
            base.attendees.append({attendee.name().trimmed(), email});
        }
        // An all-day event's DTEND is the day after its last (RFC 5545); KCalendarCore reads it
        // as the last day itself.
        const qint64 extraDays = std::max<qint64>(0, start.date().daysTo(end.date()));
        const qint64 seconds = std::max<qint64>(0, start.secsTo(end));
        auto add = [&](const QDateTime &occurrence) {
            ImportedEvent e = base;
            if (e.allDay) {
                e.firstDay = occurrence.date();
                e.endDay = e.firstDay.addDays(extraDays + 1);
                if (e.endDay <= from || e.firstDay > to) {
                    return;
                }
            } else {
                e.start =
                    e.floating ? QDateTime(occurrence.date(), occurrence.time(), QTimeZone::utc()) : occurrence.toUTC();
                e.end = e.start.addSecs(seconds);
                if (e.end <= first || e.start >= last) {
                    return;
                }
            }
            result.append(e);
        };
        auto starts = occurrenceStarts(event, replaced.value(event->uid()), from, to,
                                       std::min<qint64>(extraDays + seconds / 86400, 400));
        if (!starts) {
            return starts.error();
        }
        for (const QDateTime &occurrence : std::as_const(starts.value())) {
            add(occurrence);
        }
        if (result.size() > MaxOccurrences) {
            return Error{
                tr("The file has more than %1 occurrences in the period; Tandem stops there.").arg(MaxOccurrences)};
        }
    }
    auto key = [](const ImportedEvent &e) {
        return e.allDay ? QDateTime(e.firstDay, QTime(0, 0), QTimeZone::utc()) : e.start;
    };
    std::stable_sort(result.begin(), result.end(), [&key](const ImportedEvent &a, const ImportedEvent &b) {
        const QDateTime ka = key(a);
        const QDateTime kb = key(b);
        return std::tie(ka, a.summary, a.uid) < std::tie(kb, b.summary, b.uid);
    });
    return result;
}

} // namespace Tandem

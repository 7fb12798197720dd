// The engineers' commands: `tandem next`, `tandem now`, `tandem note` and `tandem swap ...`.

#include "cli.h"
#include "clisupport.h"
#include "domain/serialize.h"
#include "services/engineerservice.h"
#include "services/identity.h"
#include "services/reminders.h"
#include "services/rotationservice.h"
#include "services/shiftservice.h"
#include "services/swapservice.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Tandem::CliSupport;

namespace Tandem {

namespace {

const QString TimeFormat = u"ddd yyyy-MM-dd HH:mm"_s;

QDateTime inZone(const QDateTime &utc, const QString &zone)
{
    const QTimeZone tz(zone.toUtf8());
    return tz.isValid() ? utc.toTimeZone(tz) : utc;
}

QString localText(const QDateTime &utc, const QString &zone)
{
    return QLocale::c().toString(inZone(utc, zone), TimeFormat);
}

QJsonValue personJson(const std::optional<Person> &p)
{
    if (!p) {
        return QJsonValue();
    }
    return QJsonObject{{u"id"_s, p->id.toString()},
                       {u"name"_s, p->name},
                       {u"email"_s, p->email},
                       {u"phone"_s, p->phone},
                       {u"chat"_s, p->chat},
                       {u"timezone"_s, p->timeZone},
                       {u"role"_s, roleToString(p->role)}};
}

QString contact(const std::optional<Person> &p)
{
    if (!p) {
        return u"— gap —"_s;
    }
    QStringList parts{p->name};
    if (!p->phone.isEmpty()) {
        parts << p->phone;
    }
    if (!p->chat.isEmpty()) {
        parts << p->chat;
    }
    return parts.join(u", "_s);
}

QJsonObject myShiftJson(const MyShift &s, const Person &me, const QDateTime &now)
{
    QJsonObject o = toJson(s.shift);
    o.insert(u"rotation_name"_s, s.rotation.name);
    o.insert(u"rotation_timezone"_s, s.rotation.timeZone);
    o.insert(u"start_local"_s, inZone(s.shift.start, s.rotation.timeZone).toString(Qt::ISODate));
    o.insert(u"end_local"_s, inZone(s.shift.end, s.rotation.timeZone).toString(Qt::ISODate));
    o.insert(u"start_mine"_s, inZone(s.shift.start, me.timeZone).toString(Qt::ISODate));
    o.insert(u"end_mine"_s, inZone(s.shift.end, me.timeZone).toString(Qt::ISODate));
    o.insert(u"seat"_s, seatToString(s.seat));
    o.insert(u"partner"_s, personJson(s.partner));
    o.insert(u"under_way"_s, s.isUnderway(now));
    o.insert(u"starts_in_seconds"_s, now.secsTo(s.shift.start));
    o.insert(u"handoff_note"_s, s.handoffNote);
    return o;
}

} // namespace

// Resolves --person (else the configured identity) to a person on the roster.
static Result<Person> whoIs(Database &db, const QString &email)
{
    auto found = resolvePerson(db, email);
    if (!found) {
        return found.error();
    }
    if (!found.value()) {
        if (email.isEmpty() && configuredEmail().isEmpty()) {
            return Error{u"--person: say who you are with --person EMAIL (or set your identity in the app)"_s};
        }
        return Error{
            u"--person: nobody on the roster has the e-mail “%1”"_s.arg(email.isEmpty() ? configuredEmail() : email)};
    }
    return *found.value();
}

int Cli::next(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Your next shift (or the one under way): when, in your zone and the rotation's, with whom, and the "
        "handoff note the pair before left; then your shifts of the next 3 months."_s);
    const QCommandLineOption person(u"person"_s, u"Whose shifts (default: your configured identity)."_s, u"EMAIL"_s);
    const QCommandLineOption json(u"json"_s, u"Print a JSON object (format in the README)."_s);
    parser.addOptions({person, json});
    int code = ExitOk;
    if (!parse(parser, u"next [--person EMAIL] [--json]"_s, args, &code)) {
        return code;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return usage(u"next takes no arguments"_s);
    }
    auto db = openDatabaseOrFail();
    if (!db) {
        return ExitBadInput;
    }
    auto me = whoIs(*db, parser.value(person));
    if (!me) {
        return fail(me.errorMessage());
    }
    const QDateTime now = db->clock().now();
    EngineerService engineers(*db);
    auto shifts = engineers.upcoming(me->id, now, 3);
    if (!shifts) {
        return fail(shifts.errorMessage());
    }
    auto next = engineers.nextShift(me->id, now);
    if (!next) {
        return fail(next.errorMessage());
    }
    if (parser.isSet(json)) {
        QJsonArray upcoming;
        for (const MyShift &s : shifts.value()) {
            upcoming.append(myShiftJson(s, me.value(), now));
        }
        const QJsonObject out{
            {u"person"_s, personJson(me.value())},
            {u"now"_s, now.toString(Qt::ISODate)},
            {u"next"_s, next->has_value() ? QJsonValue(myShiftJson(**next, me.value(), now)) : QJsonValue()},
            {u"upcoming"_s, upcoming}};
        print(QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    if (!next->has_value()) {
        print(u"%1 has no shift planned.\n"_s.arg(me->name));
        return ExitOk;
    }
    const MyShift &s = **next;
    const QString myZone = me->timeZone.isEmpty() ? QString::fromUtf8(QTimeZone::systemTimeZoneId()) : me->timeZone;
    QString text = s.isUnderway(now) ? u"%1 is on call now: %2 (%3 seat)\n"_s : u"%1's next shift: %2 (%3 seat)\n"_s;
    text = text.arg(me->name, s.rotation.name, s.seat == Seat::Ops ? u"ops"_s : u"dev"_s);
    text += u"  from   %1 to %2 %3\n"_s.arg(localText(s.shift.start, myZone), localText(s.shift.end, myZone), myZone);
    if (myZone != s.rotation.timeZone) {
        text += u"         %1 to %2 %3\n"_s.arg(localText(s.shift.start, s.rotation.timeZone),
                                                localText(s.shift.end, s.rotation.timeZone), s.rotation.timeZone);
    }
    text += s.isUnderway(now) ? u"  hands off %1\n"_s.arg(countdownWords(now, s.shift.end))
                              : u"  starts %1\n"_s.arg(countdownWords(now, s.shift.start));
    text += u"  with   %1\n"_s.arg(contact(s.partner));
    if (!s.shift.bridgeUrl.isEmpty()) {
        text += u"  bridge %1\n"_s.arg(s.shift.bridgeUrl);
    }
    if (!s.handoffNote.isEmpty()) {
        text += u"  handoff note: %1\n"_s.arg(s.handoffNote);
    }
    text += u"  shift  %1\n"_s.arg(s.shift.id.toString());
    if (shifts->size() > 1) {
        text += u"\nUpcoming (3 months):\n"_s;
        QList<QStringList> rows;
        for (const MyShift &u : shifts.value()) {
            rows.append({localText(u.shift.start, myZone), localText(u.shift.end, myZone), u.rotation.name,
                         u.seat == Seat::Ops ? u"ops"_s : u"dev"_s, u.partner ? u.partner->name : u"— gap —"_s,
                         u.shift.id.toString()});
        }
        text += table({u"start"_s, u"end"_s, u"rotation"_s, u"seat"_s, u"partner"_s, u"shift"_s}, rows);
    }
    print(text);
    return ExitOk;
}

int Cli::now(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Who is on call now in every rotation: the pair, their contacts, when they hand off; gaps plainly."_s);
    const QCommandLineOption rotationOption(u"rotation"_s, u"Only rotation NAME."_s, u"NAME"_s);
    const QCommandLineOption json(u"json"_s, u"Print a JSON array (format in the README)."_s);
    parser.addOptions({rotationOption, json});
    int code = ExitOk;
    if (!parse(parser, u"now [--rotation NAME] [--json]"_s, args, &code)) {
        return code;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return usage(u"now takes no arguments"_s);
    }
    auto db = openDatabaseOrFail();
    if (!db) {
        return ExitBadInput;
    }
    RotationId only;
    if (parser.isSet(rotationOption)) {
        const auto found = RotationService(*db).rotationByName(parser.value(rotationOption));
        if (!found) {
            return fail(found.errorMessage());
        }
        if (!found.value()) {
            return fail(u"--rotation: no rotation named “%1”"_s.arg(parser.value(rotationOption)));
        }
        only = found.value()->id;
    }
    const QDateTime at = db->clock().now();
    auto onCall = EngineerService(*db).onCallNow(at, only);
    if (!onCall) {
        return fail(onCall.errorMessage());
    }
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const OnCall &c : onCall.value()) {
            array.append(QJsonObject{
                {u"rotation"_s, c.rotation.id.toString()},
                {u"rotation_name"_s, c.rotation.name},
                {u"timezone"_s, c.rotation.timeZone},
                {u"shift"_s, c.shift ? QJsonValue(c.shift->id.toString()) : QJsonValue()},
                {u"dev"_s, personJson(c.dev)},
                {u"ops"_s, personJson(c.ops)},
                {u"gap"_s, c.hasGap()},
                {u"handoff"_s, c.shift ? QJsonValue(c.shift->end.toString(Qt::ISODate)) : QJsonValue()},
                {u"handoff_local"_s,
                 c.shift ? QJsonValue(inZone(c.shift->end, c.rotation.timeZone).toString(Qt::ISODate)) : QJsonValue()},
                {u"next_start"_s, c.next ? QJsonValue(c.next->start.toString(Qt::ISODate)) : QJsonValue()},
                {u"next_dev"_s, personJson(c.nextDev)},
                {u"next_ops"_s, personJson(c.nextOps)},
            });
        }
        print(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    QString text;
    for (const OnCall &c : onCall.value()) {
        text += c.rotation.name + u'\n';
        if (!c.shift) {
            text += u"  nobody: no shift is planned now"_s;
            text += c.next ? u"; the next starts %1 %2\n"_s.arg(localText(c.next->start, c.rotation.timeZone),
                                                                c.rotation.timeZone)
                           : u"; none is planned\n"_s;
            continue;
        }
        text += u"  dev    %1\n  ops    %2\n"_s.arg(contact(c.dev), contact(c.ops));
        if (c.hasGap()) {
            text += u"  gap: the %1 seat is empty\n"_s.arg(!c.dev && !c.ops ? u"dev and ops"_s
                                                           : !c.dev         ? u"dev"_s
                                                                            : u"ops"_s);
        }
        text += u"  hands off %1 %2 (%3)\n"_s.arg(localText(c.shift->end, c.rotation.timeZone), c.rotation.timeZone,
                                                  countdownWords(at, c.shift->end));
    }
    print(text.isEmpty() ? u"No rotations.\n"_s : text);
    return ExitOk;
}

int Cli::note(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Leave the handoff note on a shift (what is going on, what to watch); the next pair sees it. An empty "
        "TEXT removes the note."_s);
    const QCommandLineOption shift(u"shift"_s, u"The shift (its id, as `next` and `shifts list --json` print)."_s,
                                   u"ID"_s);
    parser.addOption(shift);
    parser.addPositionalArgument(u"TEXT"_s, u"The note."_s);
    int code = ExitOk;
    if (!parse(parser, u"note --shift ID TEXT"_s, args, &code)) {
        return code;
    }
    if (!parser.isSet(shift)) {
        return usage(u"note needs --shift ID"_s);
    }
    if (parser.positionalArguments().size() != 1) {
        return usage(u"note takes the note as one argument (quote it)"_s);
    }
    const ShiftId id = ShiftId::fromString(parser.value(shift).trimmed());
    if (id.isNull()) {
        return fail(u"--shift: “%1” is not a shift id"_s.arg(parser.value(shift)));
    }
    auto db = openDatabaseOrFail();
    if (!db) {
        return ExitBadInput;
    }
    auto edited = ShiftService(*db).setNote(id, parser.positionalArguments().first());
    if (!edited) {
        return fail(u"--shift: "_s + edited.errorMessage());
    }
    print(edited->isEmpty() ? u"The note was already that.\n"_s : u"Saved the handoff note.\n"_s);
    return ExitOk;
}

// --- swap ---

static QString swapLine(Database &db, RotationContext &context, const SwapRequest &r)
{
    QString shiftText = r.shiftId.toString();
    if (auto s = ShiftService(db).shift(r.shiftId); s && s.value()) {
        shiftText = QLocale::c().toString(s.value()->start.toLocalTime(), TimeFormat);
    }
    return u"%1  %2 %3  %4 → %5  %6%7"_s.arg(r.id.toString(), swapKindToString(r.kind), seatToString(r.seat),
                                             personName(db, context, r.requester), personName(db, context, r.target),
                                             shiftText, u"  ["_s + swapStateToString(r.state) + u"]"_s);
}

int Cli::swapRequest(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Ask a colleague to swap your seat of a shift for theirs (--their-shift), or to cover it (all of it, or "
        "--from/--to). Refused before it is sent when it would break a hard rule."_s);
    const QCommandLineOption shift(u"shift"_s, u"Your shift."_s, u"ID"_s);
    const QCommandLineOption with(u"with"_s, u"The colleague asked."_s, u"EMAIL"_s);
    const QCommandLineOption theirs(u"their-shift"_s, u"Their shift, for a swap."_s, u"ID"_s);
    const QCommandLineOption from(u"from"_s, u"Cover only from this instant (ISO 8601, e.g. 2026-12-01T18:00Z)."_s,
                                  u"DATETIME"_s);
    const QCommandLineOption to(u"to"_s, u"Cover only until this instant (ISO 8601)."_s, u"DATETIME"_s);
    const QCommandLineOption message(u"message"_s, u"A word for the colleague."_s, u"TEXT"_s);
    const QCommandLineOption person(u"person"_s, u"Who asks (default: your configured identity)."_s, u"EMAIL"_s);
    parser.addOptions({shift, with, theirs, from, to, message, person});
    int code = ExitOk;
    const QString synopsis =
        u"swap request --shift ID --with EMAIL [--their-shift ID | --from DATETIME --to DATETIME] [--message TEXT] "
        "[--person EMAIL]"_s;
    if (!parse(parser, synopsis, args, &code)) {
        return code;
    }
    if (!parser.isSet(shift) || !parser.isSet(with)) {
        return usage(u"swap request needs --shift ID and --with EMAIL"_s);
    }
    if (parser.isSet(theirs) && (parser.isSet(from) || parser.isSet(to))) {
        return usage(u"--their-shift (a swap) and --from/--to (cover of a part) exclude each other"_s);
    }
    if (parser.isSet(from) != parser.isSet(to)) {
        return usage(u"--from and --to go together"_s);
    }
    auto db = openDatabaseOrFail();
    if (!db) {
        return ExitBadInput;
    }
    auto me = whoIs(*db, parser.value(person));
    if (!me) {
        return fail(me.errorMessage());
    }
    auto colleague = resolvePerson(*db, parser.value(with));
    if (!colleague || !colleague.value()) {
        return fail(u"--with: nobody on the roster has the e-mail “%1”"_s.arg(parser.value(with)));
    }
    SwapAsk ask;
    ask.kind = parser.isSet(theirs) ? SwapKind::Swap : SwapKind::Cover;
    ask.shift = ShiftId::fromString(parser.value(shift).trimmed());
    ask.otherShift = ShiftId::fromString(parser.value(theirs).trimmed());
    ask.requester = me->id;
    ask.target = colleague.value()->id;
    ask.message = parser.value(message);
    if (parser.isSet(from)) {
        ask.partFrom = QDateTime::fromString(parser.value(from).trimmed(), Qt::ISODate);
        ask.partTo = QDateTime::fromString(parser.value(to).trimmed(), Qt::ISODate);
        if (!ask.partFrom.isValid() || !ask.partTo.isValid()) {
            return fail(u"--from/--to: not an ISO 8601 date and time (e.g. 2026-12-01T18:00Z)"_s);
        }
    }
    auto asked = SwapService(*db).request(ask);
    if (!asked) {
        return fail(asked.errorMessage());
    }
    print(u"Asked %1: request %2 (%3)\n"_s.arg(colleague.value()->name, asked->id.toString(),
                                               swapStateToString(asked->state)));
    return ExitOk;
}

int Cli::swapAnswer(const QStringList &args, const QString &verb)
{
    QCommandLineParser parser;
    const QCommandLineOption person(u"person"_s, u"Who answers (default: your configured identity)."_s, u"EMAIL"_s);
    parser.addOption(person);
    parser.addPositionalArgument(u"ID"_s, u"The request."_s);
    int code = ExitOk;
    if (!parse(parser, u"swap %1 ID [--person EMAIL]"_s.arg(verb), args, &code)) {
        return code;
    }
    if (parser.positionalArguments().size() != 1) {
        return usage(u"swap %1 takes the request id"_s.arg(verb));
    }
    const SwapRequestId id = SwapRequestId::fromString(parser.positionalArguments().first().trimmed());
    if (id.isNull()) {
        return fail(u"“%1” is not a request id"_s.arg(parser.positionalArguments().first()));
    }
    auto db = openDatabaseOrFail();
    if (!db) {
        return ExitBadInput;
    }
    auto me = whoIs(*db, parser.value(person));
    if (!me) {
        return fail(me.errorMessage());
    }
    SwapService swaps(*db);
    Result<SwapRequest> done = Error{};
    if (verb == u"accept") {
        done = swaps.accept(id, me->id);
    } else if (verb == u"decline") {
        done = swaps.decline(id, me->id);
    } else if (verb == u"approve") {
        done = swaps.approve(id, me->id);
    } else if (verb == u"refuse") {
        done = swaps.refuse(id, me->id);
    } else {
        done = swaps.cancel(id, me->id);
    }
    if (!done) {
        return fail(done.errorMessage());
    }
    print(u"Request %1 is %2.\n"_s.arg(id.toString(), swapStateToString(done->state)));
    return ExitOk;
}

int Cli::swapAccept(const QStringList &args)
{
    return swapAnswer(args, u"accept"_s);
}
int Cli::swapDecline(const QStringList &args)
{
    return swapAnswer(args, u"decline"_s);
}
int Cli::swapApprove(const QStringList &args)
{
    return swapAnswer(args, u"approve"_s);
}
int Cli::swapRefuse(const QStringList &args)
{
    return swapAnswer(args, u"refuse"_s);
}
int Cli::swapCancel(const QStringList &args)
{
    return swapAnswer(args, u"cancel"_s);
}

int Cli::swapList(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Requests you made or were asked, newest first; with --waiting, those waiting for a lead."_s);
    const QCommandLineOption person(u"person"_s, u"Whose requests (default: your configured identity)."_s, u"EMAIL"_s);
    const QCommandLineOption waiting(u"waiting"_s, u"Accepted requests waiting for a lead's approval."_s);
    const QCommandLineOption json(u"json"_s, u"Print a JSON array of requests (format in the README)."_s);
    parser.addOptions({person, waiting, json});
    int code = ExitOk;
    if (!parse(parser, u"swap list [--person EMAIL | --waiting] [--json]"_s, args, &code)) {
        return code;
    }
    auto db = openDatabaseOrFail();
    if (!db) {
        return ExitBadInput;
    }
    SwapService swaps(*db);
    Result<QList<SwapRequest>> requests = QList<SwapRequest>();
    if (parser.isSet(waiting)) {
        requests = swaps.awaitingApproval();
    } else {
        auto me = whoIs(*db, parser.value(person));
        if (!me) {
            return fail(me.errorMessage());
        }
        requests = swaps.involving(me->id);
    }
    if (!requests) {
        return fail(requests.errorMessage());
    }
    auto context = rotationContext(*db);
    if (!context) {
        return fail(context.errorMessage());
    }
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const SwapRequest &r : requests.value()) {
            QJsonObject o = toJson(r);
            o.insert(u"requester_name"_s, personName(*db, context.value(), r.requester));
            o.insert(u"target_name"_s, personName(*db, context.value(), r.target));
            array.append(o);
        }
        print(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    QString text;
    for (const SwapRequest &r : requests.value()) {
        text += swapLine(*db, context.value(), r) + u'\n';
    }
    print(text.isEmpty() ? u"No requests.\n"_s : text);
    return ExitOk;
}

} // namespace Tandem

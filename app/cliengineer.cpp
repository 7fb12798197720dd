// The engineers' commands: `tandem next`, `tandem now`, `tandem note` and `tandem swap ...`.

#include "cli.h"
#include "clicommands.h"
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

QDateTime inZone(const QDateTime &utc, const QString &zone)
{
    const QTimeZone tz(zone.toUtf8());
    return tz.isValid() ? utc.toTimeZone(tz) : utc;
}

QString localText(const QDateTime &utc, const QString &zone)
{
    return dayAndTime(inZone(utc, zone));
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
        return Cli::tr("— gap —");
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
            return Error{Cli::tr("--person: say who you are with --person EMAIL (or set your identity in the app)")};
        }
        return Error{Cli::tr("--person: nobody on the roster has the e-mail “%1”")
                         .arg(email.isEmpty() ? configuredEmail() : email)};
    }
    return *found.value();
}

// --- swap ---

static QString swapLine(Database &db, RotationContext &context, const SwapRequest &r)
{
    QString shiftText = r.shiftId.toString();
    if (auto s = ShiftService(db).shift(r.shiftId); s && s.value()) {
        shiftText = dayAndTime(s.value()->start.toLocalTime());
    }
    return u"%1  %2 %3  %4 → %5  %6%7"_s.arg(r.id.toString(), swapKindWords(r.kind), seatWords(r.seat),
                                             personName(db, context, r.requester), personName(db, context, r.target),
                                             shiftText, u"  ["_s + swapStateWords(r.state) + u"]"_s);
}

namespace {

class Next final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    Next()
        : DatabaseCommand(
              {u"next"_s}, u"next [--person EMAIL] [--json]"_s,
              tr("Your next shift: when (your zone and the rotation's), with whom, the handoff note; then 3 months."))
    {
        setDescription(
            tr("Your next shift (or the one under way): when, in your zone and the rotation's, with whom, and the "
               "handoff note the pair before left; then your shifts of the next 3 months."));
        addOptions({m_person, m_json});
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (!parser.positionalArguments().isEmpty()) {
            return usage(tr("next takes no arguments"));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_person{u"person"_s, tr("Whose shifts (default: your configured identity)."), u"EMAIL"_s};
    const QCommandLineOption m_json{u"json"_s, tr("Print a JSON object (format in the README).")};
};

class Now final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    Now()
        : DatabaseCommand({u"now"_s}, u"now [--rotation NAME] [--json]"_s,
                          tr("Who is on call now in each rotation, their contacts and handoff; gaps plainly."))
    {
        setDescription(
            tr("Who is on call now in every rotation: the pair, their contacts, when they hand off; gaps plainly."));
        addOptions({m_rotationOption, m_json});
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (!parser.positionalArguments().isEmpty()) {
            return usage(tr("now takes no arguments"));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_rotationOption{u"rotation"_s, tr("Only rotation NAME."), u"NAME"_s};
    const QCommandLineOption m_json{u"json"_s, tr("Print a JSON array (format in the README).")};
};

class Note final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    Note()
        : DatabaseCommand({u"note"_s}, u"note --shift ID TEXT"_s,
                          tr("Leave the handoff note on a shift for the next pair."))
    {
        setDescription(
            tr("Leave the handoff note on a shift (what is going on, what to watch); the next pair sees it. An empty "
               "TEXT removes the note."));
        addOptions({m_shift});
        addArgument(u"TEXT"_s, tr("The note."));
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (!parser.isSet(m_shift)) {
            return usage(tr("note needs --shift ID"));
        }
        if (parser.positionalArguments().size() != 1) {
            return usage(tr("note takes the note as one argument (quote it)"));
        }
        m_id = ShiftId::fromString(parser.value(m_shift).trimmed());
        if (m_id.isNull()) {
            return fail(tr("--shift: “%1” is not a shift id").arg(parser.value(m_shift)));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_shift{u"shift"_s, tr("The shift (its id, as `next` and `shifts list --json` print)."),
                                     u"ID"_s};
    ShiftId m_id; ///< --shift, read by check()
};

class SwapRequestCommand final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    SwapRequestCommand()
        : DatabaseCommand({u"swap"_s, u"request"_s},
                          u"swap request --shift ID --with EMAIL [--their-shift ID | --from DATETIME --to DATETIME] "
                          "[--message TEXT] [--person EMAIL]"_s,
                          tr("Ask a colleague to swap shifts (--their-shift) or to cover yours (all, or a part)."))
    {
        setListing(
            u"swap request --shift ID --with EMAIL [--their-shift ID | --from DATETIME --to DATETIME] [--message TEXT]"_s);
        setDescription(
            tr("Ask a colleague to swap your seat of a shift for theirs (--their-shift), or to cover it (all of it, or "
               "--from/--to). Refused before it is sent when it would break a hard rule."));
        addOptions({m_shift, m_with, m_theirs, m_from, m_to, m_message, m_person});
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (!parser.isSet(m_shift) || !parser.isSet(m_with)) {
            return usage(tr("swap request needs --shift ID and --with EMAIL"));
        }
        if (parser.isSet(m_theirs) && (parser.isSet(m_from) || parser.isSet(m_to))) {
            return usage(tr("--their-shift (a swap) and --from/--to (cover of a part) exclude each other"));
        }
        if (parser.isSet(m_from) != parser.isSet(m_to)) {
            return usage(tr("--from and --to go together"));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_shift{u"shift"_s, tr("Your shift."), u"ID"_s};
    const QCommandLineOption m_with{u"with"_s, tr("The colleague asked."), u"EMAIL"_s};
    const QCommandLineOption m_theirs{u"their-shift"_s, tr("Their shift, for a swap."), u"ID"_s};
    const QCommandLineOption m_from{u"from"_s, tr("Cover only from this instant (ISO 8601, e.g. 2026-12-01T18:00Z)."),
                                    u"DATETIME"_s};
    const QCommandLineOption m_to{u"to"_s, tr("Cover only until this instant (ISO 8601)."), u"DATETIME"_s};
    const QCommandLineOption m_message{u"message"_s, tr("A word for the colleague."), u"TEXT"_s};
    const QCommandLineOption m_person{u"person"_s, tr("Who asks (default: your configured identity)."), u"EMAIL"_s};
};

/// swap accept, decline, approve, refuse and cancel: an answer to request ID by --person.
class SwapAnswer final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    SwapAnswer(const QString &verb, const QString &listing, const QString &summary)
        : DatabaseCommand({u"swap"_s, verb}, u"swap %1 ID [--person EMAIL]"_s.arg(verb), summary), m_verb(verb)
    {
        setListing(listing);
        addOptions({m_person});
        addArgument(u"ID"_s, tr("The request."));
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (parser.positionalArguments().size() != 1) {
            return usage(tr("swap %1 takes the request id").arg(m_verb));
        }
        m_id = SwapRequestId::fromString(parser.positionalArguments().first().trimmed());
        if (m_id.isNull()) {
            return fail(tr("“%1” is not a request id").arg(parser.positionalArguments().first()));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QString m_verb;
    const QCommandLineOption m_person{u"person"_s, tr("Who answers (default: your configured identity)."), u"EMAIL"_s};
    SwapRequestId m_id; ///< the ID, read by check()
};

int SwapAnswer::runOn(const QCommandLineParser &parser, Database &db)
{
    auto me = whoIs(db, parser.value(m_person));
    if (!me) {
        return fail(me.errorMessage());
    }
    SwapService swaps(db);
    Result<SwapRequest> done = Error{};
    if (m_verb == u"accept") {
        done = swaps.accept(m_id, me->id);
    } else if (m_verb == u"decline") {
        done = swaps.decline(m_id, me->id);
    } else if (m_verb == u"approve") {
        done = swaps.approve(m_id, me->id);
    } else if (m_verb == u"refuse") {
        done = swaps.refuse(m_id, me->id);
    } else {
        done = swaps.cancel(m_id, me->id);
    }
    if (!done) {
        return fail(done.errorMessage());
    }
    print(tr("Request %1 is %2.\n").arg(m_id.toString(), swapStateWords(done->state)));
    return ExitOk;
}

class SwapList final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    SwapList()
        : DatabaseCommand({u"swap"_s, u"list"_s}, u"swap list [--person EMAIL | --waiting] [--json]"_s,
                          tr("Requests you made or were asked, or those waiting for a lead."))
    {
        setDescription(tr("Requests you made or were asked, newest first; with --waiting, those waiting for a lead."));
        addOptions({m_person, m_waiting, m_json});
    }

private:
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_person{u"person"_s, tr("Whose requests (default: your configured identity)."),
                                      u"EMAIL"_s};
    const QCommandLineOption m_waiting{u"waiting"_s, tr("Accepted requests waiting for a lead's approval.")};
    const QCommandLineOption m_json{u"json"_s, tr("Print a JSON array of requests (format in the README).")};
};

int Next::runOn(const QCommandLineParser &parser, Database &db)
{
    auto me = whoIs(db, parser.value(m_person));
    if (!me) {
        return fail(me.errorMessage());
    }
    const QDateTime now = db.clock().now();
    EngineerService engineers(db);
    auto shifts = engineers.upcoming(me->id, now, 3);
    if (!shifts) {
        return fail(shifts.errorMessage());
    }
    auto next = engineers.nextShift(me->id, now);
    if (!next) {
        return fail(next.errorMessage());
    }
    if (parser.isSet(m_json)) {
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
        print(tr("%1 has no shift planned.\n").arg(me->name));
        return ExitOk;
    }
    const MyShift &s = **next;
    const QString myZone = me->timeZone.isEmpty() ? QString::fromUtf8(QTimeZone::systemTimeZoneId()) : me->timeZone;
    QString text = s.isUnderway(now) ? tr("%1 is on call now: %2 (%3)\n") : tr("%1's next shift: %2 (%3)\n");
    text = text.arg(me->name, s.rotation.name, s.seat == Seat::Ops ? tr("ops seat") : tr("dev seat"));
    text += tr("  from   %1 to %2 %3\n").arg(localText(s.shift.start, myZone), localText(s.shift.end, myZone), myZone);
    if (myZone != s.rotation.timeZone) {
        text += tr("         %1 to %2 %3\n")
                    .arg(localText(s.shift.start, s.rotation.timeZone), localText(s.shift.end, s.rotation.timeZone),
                         s.rotation.timeZone);
    }
    text += s.isUnderway(now) ? tr("  hands off %1\n").arg(countdownWords(now, s.shift.end))
                              : tr("  starts %1\n").arg(countdownWords(now, s.shift.start));
    text += tr("  with   %1\n").arg(contact(s.partner));
    if (!s.shift.bridgeUrl.isEmpty()) {
        text += tr("  bridge %1\n").arg(s.shift.bridgeUrl);
    }
    if (!s.handoffNote.isEmpty()) {
        text += tr("  handoff note: %1\n").arg(s.handoffNote);
    }
    text += tr("  shift  %1\n").arg(s.shift.id.toString());
    if (shifts->size() > 1) {
        text += tr("\nUpcoming (3 months):\n");
        QList<QStringList> rows;
        for (const MyShift &u : shifts.value()) {
            rows.append({localText(u.shift.start, myZone), localText(u.shift.end, myZone), u.rotation.name,
                         seatWords(u.seat), u.partner ? u.partner->name : tr("— gap —"), u.shift.id.toString()});
        }
        text += table({tr("start"), tr("end"), tr("rotation"), tr("seat"), tr("partner"), tr("shift")}, rows);
    }
    print(text);
    return ExitOk;
}

int Now::runOn(const QCommandLineParser &parser, Database &db)
{
    RotationId only;
    if (parser.isSet(m_rotationOption)) {
        const auto found = RotationService(db).rotationByName(parser.value(m_rotationOption));
        if (!found) {
            return fail(found.errorMessage());
        }
        if (!found.value()) {
            return fail(tr("--rotation: no rotation named “%1”").arg(parser.value(m_rotationOption)));
        }
        only = found.value()->id;
    }
    const QDateTime at = db.clock().now();
    auto onCall = EngineerService(db).onCallNow(at, only);
    if (!onCall) {
        return fail(onCall.errorMessage());
    }
    if (parser.isSet(m_json)) {
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
            text += tr("  nobody: no shift is planned now");
            text += c.next ? tr("; the next starts %1 %2\n")
                                 .arg(localText(c.next->start, c.rotation.timeZone), c.rotation.timeZone)
                           : tr("; none is planned\n");
            continue;
        }
        text += tr("  dev    %1\n  ops    %2\n").arg(contact(c.dev), contact(c.ops));
        if (c.hasGap()) {
            text += !c.dev && !c.ops ? tr("  gap: the dev and ops seat is empty\n")
                    : !c.dev         ? tr("  gap: the dev seat is empty\n")
                                     : tr("  gap: the ops seat is empty\n");
        }
        text += tr("  hands off %1 %2 (%3)\n")
                    .arg(localText(c.shift->end, c.rotation.timeZone), c.rotation.timeZone,
                         countdownWords(at, c.shift->end));
    }
    print(text.isEmpty() ? tr("No rotations.\n") : text);
    return ExitOk;
}

int Note::runOn(const QCommandLineParser &parser, Database &db)
{
    auto edited = ShiftService(db).setNote(m_id, parser.positionalArguments().first());
    if (!edited) {
        return fail(u"--shift: "_s + edited.errorMessage());
    }
    print(edited->isEmpty() ? tr("The note was already that.\n") : tr("Saved the handoff note.\n"));
    return ExitOk;
}

int SwapRequestCommand::runOn(const QCommandLineParser &parser, Database &db)
{
    auto me = whoIs(db, parser.value(m_person));
    if (!me) {
        return fail(me.errorMessage());
    }
    auto colleague = resolvePerson(db, parser.value(m_with));
    if (!colleague) {
        return fail(colleague.errorMessage()); // the read failed: say so, not "nobody"
    }
    if (!colleague.value()) {
        return fail(tr("--with: nobody on the roster has the e-mail “%1”").arg(parser.value(m_with)));
    }
    SwapAsk ask;
    ask.kind = parser.isSet(m_theirs) ? SwapKind::Swap : SwapKind::Cover;
    ask.shift = ShiftId::fromString(parser.value(m_shift).trimmed());
    ask.otherShift = ShiftId::fromString(parser.value(m_theirs).trimmed());
    ask.requester = me->id;
    ask.target = colleague.value()->id;
    ask.message = parser.value(m_message);
    if (parser.isSet(m_from)) {
        ask.partFrom = QDateTime::fromString(parser.value(m_from).trimmed(), Qt::ISODate);
        ask.partTo = QDateTime::fromString(parser.value(m_to).trimmed(), Qt::ISODate);
        if (!ask.partFrom.isValid() || !ask.partTo.isValid()) {
            return fail(tr("--from/--to: not an ISO 8601 date and time (e.g. 2026-12-01T18:00Z)"));
        }
    }
    auto asked = SwapService(db).request(ask);
    if (!asked) {
        return fail(asked.errorMessage());
    }
    print(tr("Asked %1: request %2 (%3)\n")
              .arg(colleague.value()->name, asked->id.toString(), swapStateWords(asked->state)));
    return ExitOk;
}

int SwapList::runOn(const QCommandLineParser &parser, Database &db)
{
    SwapService swaps(db);
    Result<QList<SwapRequest>> requests = QList<SwapRequest>();
    if (parser.isSet(m_waiting)) {
        requests = swaps.awaitingApproval();
    } else {
        auto me = whoIs(db, parser.value(m_person));
        if (!me) {
            return fail(me.errorMessage());
        }
        requests = swaps.involving(me->id);
    }
    if (!requests) {
        return fail(requests.errorMessage());
    }
    auto context = rotationContext(db);
    if (!context) {
        return fail(context.errorMessage());
    }
    if (parser.isSet(m_json)) {
        QJsonArray array;
        for (const SwapRequest &r : requests.value()) {
            QJsonObject o = toJson(r);
            o.insert(u"requester_name"_s, personName(db, context.value(), r.requester));
            o.insert(u"target_name"_s, personName(db, context.value(), r.target));
            array.append(o);
        }
        print(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    QString text;
    for (const SwapRequest &r : requests.value()) {
        text += swapLine(db, context.value(), r) + u'\n';
    }
    print(text.isEmpty() ? tr("No requests.\n") : text);
    return ExitOk;
}

} // namespace

std::unique_ptr<Command> nextCommand()
{
    return std::make_unique<Next>();
}

std::unique_ptr<Command> nowCommand()
{
    return std::make_unique<Now>();
}

std::unique_ptr<Command> noteCommand()
{
    return std::make_unique<Note>();
}

std::unique_ptr<Command> swapRequestCommand()
{
    return std::make_unique<SwapRequestCommand>();
}

// Answering a request: two lines of the help stand for the five commands.
std::unique_ptr<Command> swapAnswerCommand(const QString &verb)
{
    const QString answer = Cli::tr("Answer a request you were asked; an accepted one applies unless a lead "
                                   "must approve.");
    const QString approval = Cli::tr("As a lead, approve or refuse an accepted request of a rotation that "
                                     "needs approval.");
    if (verb == u"accept" || verb == u"decline") {
        return std::make_unique<SwapAnswer>(verb, u"swap accept|decline ID [--person EMAIL]"_s, answer);
    }
    if (verb == u"approve" || verb == u"refuse") {
        return std::make_unique<SwapAnswer>(verb, u"swap approve|refuse ID [--person EMAIL]"_s, approval);
    }
    return std::make_unique<SwapAnswer>(verb, u"swap cancel ID [--person EMAIL]"_s,
                                        Cli::tr("Withdraw a request you made."));
}

std::unique_ptr<Command> swapListCommand()
{
    return std::make_unique<SwapList>();
}

} // namespace Tandem

// tandem import history: past on-call of another tool's calendar export into a rotation.

#include "cli.h"
#include "clicommands.h"
#include "clisupport.h"
#include "services/historyimport.h"
#include "services/icalservice.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Tandem::CliSupport;

namespace Tandem {

namespace {

// How the person was found: the wizard's words, but for the choice, which is --map here.
QString matchWords(HistoryMatch match)
{
    return match == HistoryMatch::Chosen ? Cli::tr("by --map") : historyMatchText(match);
}

class ImportHistory final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    ImportHistory()
        : DatabaseCommand(
              {u"import"_s, u"history"_s},
              u"import history ROTATION FILE --seat dev|ops [--map TEXT=EMAIL]... [--dry-run]"_s,
              tr("Import past on-call from another tool's calendar export (PagerDuty, Opsgenie...) as past shifts."))
    {
        setDescription(
            tr("Import the past on-call of another tool's calendar export (PagerDuty, Opsgenie, Grafana OnCall, or any "
               ".ics whose events name the person on call in the title or as attendee) into one seat of a rotation, so "
               "that the fairness look-back starts from what happened. People are matched by e-mail, else by name "
               "(accents and case ignored); what matches nobody or several people is listed, and --map says who it "
               "is. Only events that ended are read. An event with no shift at its time becomes a shift with the other "
               "seat empty; one at exactly the times of a shift fills that seat when it is empty; anything else is "
               "reported and left alone. The preview is printed first; the import is one transaction."));
        addOptions({m_seat, m_map, m_dryRun});
        addArgument(u"ROTATION"_s, tr("The rotation (name)."));
        addArgument(u"FILE"_s, tr("The .ics file."));
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (parser.positionalArguments().size() != 2) {
            return usage(tr("import history needs a ROTATION and a FILE"));
        }
        if (!parser.isSet(m_seat)) {
            return usage(tr("import history needs --seat dev or --seat ops"));
        }
        const QString seatText = parser.value(m_seat).trimmed().toLower();
        if (seatText != u"dev" && seatText != u"ops") {
            return usage(tr("--seat: “%1” is not a seat (dev or ops)").arg(parser.value(m_seat)));
        }
        m_theSeat = seatText == u"dev" ? Seat::Dev : Seat::Ops;
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_seat{u"seat"_s, tr("The seat the export's people take: dev or ops."), u"SEAT"_s};
    const QCommandLineOption m_map{u"map"_s,
                                   tr("The person (e-mail on the roster) a name or e-mail of the file means; repeat "
                                      "for several, e.g. --map \"Alex Kim=alex.kim@example.com\"."),
                                   u"TEXT=EMAIL"_s};
    const QCommandLineOption m_dryRun{u"dry-run"_s, tr("Show what would be imported; write nothing.")};
    Seat m_theSeat = Seat::Dev; ///< --seat, read by check()
};

int ImportHistory::runOn(const QCommandLineParser &parser, Database &db)
{
    const Seat theSeat = m_theSeat;
    const QString rotationName = parser.positionalArguments().at(0);
    const QString path = parser.positionalArguments().at(1);
    auto rotation = RotationService(db).rotationByName(rotationName);
    if (!rotation) {
        return fail(rotation.errorMessage());
    }
    if (!rotation.value()) {
        return fail(tr("no rotation “%1”").arg(rotationName));
    }
    HistoryImportService::Choices choices;
    RosterService roster(db);
    for (const QString &entry : parser.values(m_map)) {
        const qsizetype eq = entry.lastIndexOf(u'=');
        if (eq <= 0) {
            return usage(tr("--map: “%1” is not TEXT=EMAIL").arg(entry));
        }
        const QString email = entry.mid(eq + 1).trimmed();
        auto person = roster.personByEmail(email);
        if (!person) {
            return fail(person.errorMessage());
        }
        if (!person.value()) {
            return fail(tr("--map: nobody on the roster has the e-mail “%1”").arg(email));
        }
        choices.insert(entry.left(eq).trimmed(), person.value()->id);
    }
    auto bytes = IcalService::readFile(path);
    if (!bytes) {
        return fail(bytes.errorMessage());
    }
    HistoryImportService service(db);
    auto preview = service.preview(rotation.value()->id, theSeat, bytes.value(), choices);
    if (!preview) {
        QString message = preview.errorMessage();
        if (message.endsWith(u'.')) {
            message.chop(1);
        }
        return fail(tr("%1: %2; nothing was imported").arg(path, message));
    }
    const HistoryPreview &p = preview.value();

    // The preview: every event with whom it names and what it does, in the rotation's zone.
    const QTimeZone zone(rotation.value()->timeZone.toUtf8());
    RotationContext context;
    auto people = roster.people();
    if (!people) {
        return fail(people.errorMessage());
    }
    for (const Person &person : people.value()) {
        context.people.insert(person.id, person);
    }
    QList<QStringList> rows;
    for (const HistoryEvent &e : p.events) {
        QString person = e.person.isNull() ? e.who : context.people.value(e.person).name;
        QString what = historyActionText(e.action);
        if (!e.reason.isEmpty()) {
            what += u": "_s + e.reason;
        }
        rows.append({dayAndTime(e.start.toTimeZone(zone)), dayAndTime(e.end.toTimeZone(zone)), person,
                     matchWords(e.match), what});
    }
    print(tr("%1, %2 seat, from %3 (times in %4):\n")
              .arg(rotation.value()->name, seatWords(theSeat), QFileInfo(path).fileName(), rotation.value()->timeZone));
    print(table({tr("From"), tr("To"), tr("Who"), tr("Matched"), tr("Import")}, rows));
    if (!p.unmatched.isEmpty()) {
        print(u'\n' + tr("Not on the roster (add them, or say who they are with --map TEXT=EMAIL):") + u'\n');
        for (const auto &[text, count] : p.unmatched) {
            print(u"  "_s + tr("%1 (%n event(s))", nullptr, count).arg(text) + u'\n');
        }
    }
    if (!p.ambiguous.isEmpty()) {
        print(u'\n' + tr("Ambiguous (choose with --map TEXT=EMAIL):") + u'\n');
        for (const auto &[text, candidates] : p.ambiguous) {
            QStringList emails;
            for (const PersonId &id : candidates) {
                emails.append(context.people.value(id).email);
            }
            print(u"  %1: %2\n"_s.arg(text, emails.join(u", "_s)));
        }
    }
    const QString counts = tr("%1 new shift(s), %2 seat(s) filled; %3 already there, %4 conflict(s), %5 not past, %6 "
                              "not a shift, %7 without a person")
                               .arg(p.count(HistoryAction::Add))
                               .arg(p.count(HistoryAction::Fill))
                               .arg(p.count(HistoryAction::AlreadyThere))
                               .arg(p.count(HistoryAction::Conflict))
                               .arg(p.count(HistoryAction::NotPast))
                               .arg(p.count(HistoryAction::Invalid))
                               .arg(p.count(HistoryAction::NoPerson));
    if (parser.isSet(m_dryRun)) {
        print(u'\n' + tr("Dry run, nothing was written: %1.").arg(counts) + u'\n');
        return ExitOk;
    }
    if (p.toWrite() == 0) {
        print(u'\n' + tr("Nothing to import: %1.").arg(counts) + u'\n');
        return ExitOk;
    }
    auto applied = service.apply(p);
    if (!applied) {
        return fail(tr("%1; nothing was imported").arg(applied.errorMessage()));
    }
    const QString other = theSeat == Seat::Dev ? seatWords(Seat::Ops) : seatWords(Seat::Dev);
    print(u'\n' +
          tr("Imported: %1. The %2 seat of new shifts is empty: fill it, or import the other seat's export.")
              .arg(counts, other) +
          u'\n');
    return ExitOk;
}

} // namespace

std::unique_ptr<Command> importHistoryCommand()
{
    return std::make_unique<ImportHistory>();
}

} // namespace Tandem

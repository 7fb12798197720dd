// The follow-the-sun service commands: `tandem service add|list|show|edit|remove`, and the text
// of `tandem report coverage --service` (the command itself is in clireport.cpp).

#include "cli.h"
#include "clicommands.h"
#include "clisupport.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "services/servicecatalog.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Tandem::CliSupport;

namespace Tandem {

namespace {

/// --name, --leg, --zone and --team, shared by add and edit.
struct ServiceOptions
{
    QCommandLineOption leg{u"leg"_s,
                           Cli::tr("A rotation covering the service (repeat, in order; edit: replaces all legs)."),
                           u"ROTATION"_s};
    QCommandLineOption zone{u"zone"_s, Cli::tr("IANA zone the service's days are shown in (default: the team's)."),
                            u"ZONE"_s};
    QCommandLineOption team{u"team"_s, Cli::tr("The team of the service (default: the first leg's)."), u"TEAM"_s};
};

// The rotations --leg names, in order; an unknown one is an error naming it.
Result<QList<RotationId>> legsByName(Database &db, const QStringList &names)
{
    RotationService rotations(db);
    QList<RotationId> legs;
    for (const QString &name : names) {
        const auto found = rotations.rotationByName(name);
        if (!found) {
            return found.error();
        }
        if (!found.value()) {
            return Error{Cli::tr("--leg: no rotation named “%1”").arg(name)};
        }
        legs.append(found.value()->id);
    }
    return legs;
}

Result<Service> serviceByName(Database &db, const QString &name)
{
    const auto found = ServiceCatalog(db).serviceByName(name);
    if (!found) {
        return found.error();
    }
    if (!found.value()) {
        return Error{Cli::tr("no service named “%1”").arg(name)};
    }
    return *found.value();
}

// "--name: ..." for an error that names its field.
QString withOption(const Error &error)
{
    static const QHash<QString, QString> options{
        {u"name"_s, u"name"_s}, {u"legs"_s, u"leg"_s}, {u"timezone"_s, u"zone"_s}, {u"team"_s, u"team"_s}};
    const QString option = options.value(error.field);
    return option.isEmpty() ? error.message : u"--%1: %2"_s.arg(option, error.message);
}

QJsonObject serviceJson(const Service &s, const QList<Rotation> &legs, const QString &team)
{
    QJsonArray legArray;
    for (const Rotation &r : legs) {
        legArray.append(QJsonObject{{u"rotation"_s, r.name}, {u"timezone"_s, r.timeZone}});
    }
    return QJsonObject{{u"id"_s, s.id.toString()},  {u"name"_s, s.name},        {u"team"_s, team},
                       {u"timezone"_s, s.timeZone}, {u"required"_s, u"24/7"_s}, {u"legs"_s, legArray}};
}

QString legNames(const QList<Rotation> &legs)
{
    QStringList names;
    for (const Rotation &r : legs) {
        names.append(r.name);
    }
    return names.join(u", "_s);
}

class ServiceAdd final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    ServiceAdd()
        : DatabaseCommand({u"service"_s, u"add"_s}, u"service add NAME --leg ROTATION... [--zone ZONE] [--team TEAM]"_s,
                          tr("Add a follow-the-sun service covered 24/7 by the legs' rotations."))
    {
        setDescription(tr("Add a service: what must be covered around the clock, and the rotations (legs) that "
                          "cover it, e.g. a Berlin rotation 07:00-19:00 and a New York rotation 13:00-01:00. "
                          "`tandem report coverage --service NAME` finds the holes between the legs."));
        addOptions({m_options.leg, m_options.zone, m_options.team});
        addArgument(u"NAME"_s, tr("The service's name."));
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (parser.positionalArguments().size() != 1) {
            return usage(tr("service add needs exactly one NAME"));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override
    {
        Service s;
        s.name = parser.positionalArguments().first();
        s.timeZone = parser.value(m_options.zone);
        auto legs = legsByName(db, parser.values(m_options.leg));
        if (!legs) {
            return fail(legs.errorMessage());
        }
        s.legs = legs.value();
        if (parser.isSet(m_options.team)) {
            const auto team = RosterService(db).teamByName(parser.value(m_options.team));
            if (!team || !team.value()) {
                return fail(team ? tr("--team: no team named “%1”").arg(parser.value(m_options.team))
                                 : team.errorMessage());
            }
            s.teamId = team.value()->id;
        }
        const auto added = ServiceCatalog(db).addService(s);
        if (!added) {
            return fail(withOption(added.error()));
        }
        print(tr("Added service %1 (%2), %n leg(s)\n", nullptr, int(added->legs.size()))
                  .arg(added->name, added->timeZone));
        return ExitOk;
    }

    const ServiceOptions m_options;
};

class ServiceList final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    ServiceList() : DatabaseCommand({u"service"_s, u"list"_s}, u"service list [--json]"_s, tr("List the services."))
    {
        setDescription(tr("List the follow-the-sun services and their legs."));
        addOptions({m_json});
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (!parser.positionalArguments().isEmpty()) {
            return usage(tr("service list takes no arguments"));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override
    {
        ServiceCatalog catalog(db);
        const auto services = catalog.services();
        if (!services) {
            return fail(services.errorMessage());
        }
        RosterService roster(db);
        QJsonArray array;
        QList<QStringList> rows;
        for (const Service &s : services.value()) {
            const auto legs = catalog.legs(s);
            if (!legs) {
                return fail(legs.errorMessage());
            }
            const auto team = roster.team(s.teamId);
            const QString teamName = team && team.value() ? team.value()->name : QString();
            if (parser.isSet(m_json)) {
                array.append(serviceJson(s, legs.value(), teamName));
            } else {
                rows.append({s.name, teamName, s.timeZone, legNames(legs.value())});
            }
        }
        if (parser.isSet(m_json)) {
            print(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        } else {
            print(table({tr("NAME"), tr("TEAM"), tr("ZONE"), tr("LEGS")}, rows));
        }
        return ExitOk;
    }

    const QCommandLineOption m_json{u"json"_s, tr("Print a JSON array (format in the README).")};
};

class ServiceShow final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    ServiceShow()
        : DatabaseCommand({u"service"_s, u"show"_s}, u"service show NAME [--json]"_s,
                          tr("Show a service, its legs and who holds it now."))
    {
        setDescription(tr("Show a service: its zone, its legs with their zones, and which leg and pair hold it now."));
        addOptions({m_json});
        addArgument(u"NAME"_s, tr("The service."));
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (parser.positionalArguments().size() != 1) {
            return usage(tr("service show needs exactly one NAME"));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override
    {
        const auto s = serviceByName(db, parser.positionalArguments().first());
        if (!s) {
            return fail(s.errorMessage());
        }
        ServiceCatalog catalog(db);
        const auto legs = catalog.legs(s.value());
        if (!legs) {
            return fail(legs.errorMessage());
        }
        const auto team = RosterService(db).team(s->teamId);
        const QString teamName = team && team.value() ? team.value()->name : QString();
        const auto now = catalog.onCallAt(db.clock().now());
        if (!now) {
            return fail(now.errorMessage());
        }
        QString onNow = tr("not covered now");
        for (const ServiceNow &n : now.value()) {
            if (n.service.id == s->id && n.covered()) {
                onNow = tr("%1: %2 + %3").arg(n.leg->name, n.dev->name, n.ops->name);
            }
        }
        if (parser.isSet(m_json)) {
            QJsonObject object = serviceJson(s.value(), legs.value(), teamName);
            object.insert(u"now"_s, onNow);
            print(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
            return ExitOk;
        }
        QString text = tr("Service: %1\nTeam: %2\nZone: %3\nRequired: around the clock (24/7)\n")
                           .arg(s->name, teamName, s->timeZone);
        const auto inUse = RotationService(db).rotations();
        if (!inUse) {
            return fail(inUse.errorMessage());
        }
        for (const Rotation &r : legs.value()) {
            const bool removed =
                std::none_of(inUse->cbegin(), inUse->cend(), [&](const Rotation &x) { return x.id == r.id; });
            text += tr("Leg: %1 (%2)%3\n").arg(r.name, r.timeZone, removed ? tr(", removed") : QString());
        }
        if (legs->isEmpty()) {
            text += tr("Legs: none\n");
        }
        text += tr("Now: %1\n").arg(onNow);
        print(text);
        return ExitOk;
    }

    const QCommandLineOption m_json{u"json"_s, tr("Print a JSON object (format in the README).")};
};

class ServiceEdit final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    ServiceEdit()
        : DatabaseCommand({u"service"_s, u"edit"_s},
                          u"service edit NAME [--name NEW] [--leg ROTATION...] [--zone ZONE] [--team TEAM]"_s,
                          tr("Rename a service, or set its legs or zone."))
    {
        setDescription(tr("Change a service: --name renames it; --leg (repeated) replaces its legs, in order; "
                          "--zone and --team move it."));
        addOptions({m_name, m_options.leg, m_options.zone, m_options.team});
        addArgument(u"NAME"_s, tr("The service."));
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (parser.positionalArguments().size() != 1) {
            return usage(tr("service edit needs exactly one NAME"));
        }
        if (!parser.isSet(m_name) && !parser.isSet(m_options.leg) && !parser.isSet(m_options.zone) &&
            !parser.isSet(m_options.team)) {
            return usage(tr("service edit needs --name, --leg, --zone or --team"));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override
    {
        auto s = serviceByName(db, parser.positionalArguments().first());
        if (!s) {
            return fail(s.errorMessage());
        }
        Service changed = s.value();
        if (parser.isSet(m_name)) {
            changed.name = parser.value(m_name);
        }
        if (parser.isSet(m_options.zone)) {
            changed.timeZone = parser.value(m_options.zone);
            if (changed.timeZone.trimmed().isEmpty()) {
                return fail(tr("--zone: the zone is empty"));
            }
        }
        if (parser.isSet(m_options.leg)) {
            auto legs = legsByName(db, parser.values(m_options.leg));
            if (!legs) {
                return fail(legs.errorMessage());
            }
            changed.legs = legs.value();
        }
        if (parser.isSet(m_options.team)) {
            const auto team = RosterService(db).teamByName(parser.value(m_options.team));
            if (!team || !team.value()) {
                return fail(team ? tr("--team: no team named “%1”").arg(parser.value(m_options.team))
                                 : team.errorMessage());
            }
            changed.teamId = team.value()->id;
        }
        if (auto status = ServiceCatalog(db).updateService(changed); !status) {
            return fail(withOption(status.error()));
        }
        print(tr("Changed service %1\n").arg(changed.name.trimmed()));
        return ExitOk;
    }

    const QCommandLineOption m_name{u"name"_s, tr("The new name."), u"NEW"_s};
    const ServiceOptions m_options;
};

class ServiceRemove final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    ServiceRemove()
        : DatabaseCommand({u"service"_s, u"remove"_s}, u"service remove NAME"_s,
                          tr("Remove a service; its rotations and their shifts stay."))
    {
        setDescription(tr("Remove a service. Its legs are rotations of their own: they and their shifts stay."));
        addArgument(u"NAME"_s, tr("The service."));
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (parser.positionalArguments().size() != 1) {
            return usage(tr("service remove needs exactly one NAME"));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override
    {
        const auto s = serviceByName(db, parser.positionalArguments().first());
        if (!s) {
            return fail(s.errorMessage());
        }
        if (auto status = ServiceCatalog(db).removeService(s->id); !status) {
            return fail(status.errorMessage());
        }
        print(tr("Removed service %1\n").arg(s->name));
        return ExitOk;
    }
};

} // namespace

QString serviceCoverageText(const Reports::ServiceCoverage &c)
{
    const QTimeZone zone(c.timeZone.toUtf8());
    const auto local = [&](const QDateTime &utc) { return dayAndTime(zone.isValid() ? utc.toTimeZone(zone) : utc); };
    const auto minutes = [](qint64 m) { return QString::number(m); };
    QStringList legs;
    for (const Reports::ServiceLeg &l : c.legs) {
        legs.append(l.removed ? Cli::tr("%1 (%2, removed)").arg(l.name, l.timeZone)
                              : Cli::tr("%1 (%2)").arg(l.name, l.timeZone));
    }
    QString text = Cli::tr("Coverage of %1 (%2) from %3 to %4\n").arg(c.name, c.timeZone, local(c.from), local(c.to));
    text += Cli::tr("Legs: %1\n").arg(legs.isEmpty() ? Cli::tr("none") : legs.join(u", "_s));
    text += Cli::tr("Covered by a pair: %1% (%2 of %3 minutes); holes: %4 minutes (not covered %5, no pair %6); "
                    "overlaps: %7 minutes\n")
                .arg(QString::number(c.coveredPercent(), 'f', 2), minutes(c.coveredMinutes), minutes(c.requiredMinutes),
                     minutes(c.holeMinutes()), minutes(c.uncoveredMinutes), minutes(c.noPairMinutes),
                     minutes(c.overlapMinutes));
    QList<QStringList> rows;
    qsizetype h = 0;
    qsizetype o = 0;
    while (h < c.holes.size() || o < c.overlaps.size()) {
        if (o >= c.overlaps.size() || (h < c.holes.size() && c.holes.at(h).start <= c.overlaps.at(o).start)) {
            const Reports::ServiceHole &x = c.holes.at(h++);
            rows.append({Reports::serviceHoleKindText(x.kind), local(x.start), local(x.end), minutes(x.minutes()),
                         c.legNames(x.legs),
                         x.kind == Reports::ServiceHole::NoPair ? Reports::gapReasonText(x.reason) : QString()});
        } else {
            const Reports::ServiceOverlap &x = c.overlaps.at(o++);
            rows.append({Cli::tr("overlap"), local(x.start), local(x.end), minutes(x.minutes()), c.legNames(x.legs),
                         QString()});
        }
    }
    if (!rows.isEmpty()) {
        text += u'\n' + table({Cli::tr("KIND"), Cli::tr("FROM"), Cli::tr("TO"), Cli::tr("MINUTES"), Cli::tr("LEGS"),
                               Cli::tr("WHY")},
                              rows);
    }
    return text;
}

std::unique_ptr<Command> serviceAddCommand()
{
    return std::make_unique<ServiceAdd>();
}

std::unique_ptr<Command> serviceListCommand()
{
    return std::make_unique<ServiceList>();
}

std::unique_ptr<Command> serviceShowCommand()
{
    return std::make_unique<ServiceShow>();
}

std::unique_ptr<Command> serviceEditCommand()
{
    return std::make_unique<ServiceEdit>();
}

std::unique_ptr<Command> serviceRemoveCommand()
{
    return std::make_unique<ServiceRemove>();
}

} // namespace Tandem

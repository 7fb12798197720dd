// Sharing through CalDAV: `tandem sync`, `tandem sync status|conflicts|resolve|disconnect`.

#include "cli.h"
#include "clisupport.h"
#include "services/rosterservice.h"
#include "services/syncservice.h"
#include "store/database.h"
#include "sync/credentials.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

/// The password for headless use (TANDEM_CALDAV_PASSWORD), else the keychain's; empty with
/// no user name (servers without authentication).
Result<QString> passwordFor(const QUrl &url, const QString &username)
{
    if (qEnvironmentVariableIsSet("TANDEM_CALDAV_PASSWORD")) {
        return qEnvironmentVariable("TANDEM_CALDAV_PASSWORD");
    }
    if (username.isEmpty()) {
        return QString();
    }
    auto stored = Credentials::read(url, username);
    if (!stored) {
        return Error{u"no password for %1: %2 For headless use set TANDEM_CALDAV_PASSWORD."_s.arg(
            username, stored.errorMessage())};
    }
    return stored.value();
}

QJsonObject statusJson(const SyncStatus &s, const QString &teamName)
{
    QJsonArray conflicts;
    for (const SyncConflict &c : s.conflicts) {
        conflicts.append(QJsonObject{{u"uid"_s, c.uid},
                                     {u"kind"_s, c.kind},
                                     {u"fields"_s, QJsonArray::fromStringList(c.fields)},
                                     {u"mine"_s, c.mine},
                                     {u"theirs"_s, c.theirs}});
    }
    return QJsonObject{
        {u"team"_s, teamName},
        {u"url"_s, s.account.url.toString()},
        {u"user"_s, s.account.username},
        {u"read_only"_s, s.account.readOnly},
        {u"last_sync"_s,
         s.account.lastSync.isValid() ? QJsonValue(s.account.lastSync.toString(Qt::ISODate)) : QJsonValue()},
        {u"last_status"_s, s.account.lastStatus},
        {u"pending"_s, s.pending},
        {u"conflicts"_s, conflicts},
    };
}

// The team's name for output; empty for a team this database no longer has.
QString teamName(Database &db, TeamId id)
{
    for (const Team &team : RosterService(db).teams().value_or({})) {
        if (team.id == id) {
            return team.name;
        }
    }
    return {};
}

} // namespace

int Cli::sync(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == u"status" || sub == u"conflicts") {
        return syncStatus(args.mid(1), sub == u"conflicts");
    }
    if (sub == u"resolve") {
        return syncResolve(args.mid(1));
    }
    if (sub == u"disconnect") {
        return syncDisconnect(args.mid(1));
    }
    static const QString synopsis = u"sync [--team NAME] [--url URL --user USER [--create] [--allow-http]]"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Two-way sync of shifts, time off and the roster with a CalDAV server (Nextcloud, Radicale, Fastmail...). "
        "With --url, first connect: --team shares that team in the calendar at URL (a server address is searched "
        "for the user's calendars); without --team, join the team another lead shares there. The password comes "
        "from TANDEM_CALDAV_PASSWORD, else from the system keychain. Without --url, sync every connected team "
        "(or --team)."_s);
    const QCommandLineOption team(u"team"_s, u"The team to share or sync."_s, u"NAME"_s);
    const QCommandLineOption url(u"url"_s, u"The calendar (collection) or server address."_s, u"URL"_s);
    const QCommandLineOption user(u"user"_s, u"The user name on the server."_s, u"USER"_s);
    const QCommandLineOption create(u"create"_s, u"Create the calendar when there is none (MKCALENDAR)."_s);
    const QCommandLineOption allowHttp(u"allow-http"_s,
                                       u"Allow plain HTTP to another machine: passwords and rotations travel "
                                       "unencrypted. Loopback needs no option."_s);
    parser.addOptions({team, url, user, create, allowHttp});
    int code = ExitOk;
    if (!parse(parser, synopsis, args, &code)) {
        return code;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return usage(u"unknown sync command “%1” (status, conflicts, resolve, disconnect)"_s.arg(
            parser.positionalArguments().first()));
    }
    auto db = openDatabaseOrFail();
    if (!db) {
        return ExitBadInput;
    }
    SyncService service(*db);
    QList<TeamId> teams;
    if (parser.isSet(team)) {
        auto found = RosterService(*db).teamByName(parser.value(team));
        if (!found || !found.value()) {
            return fail(u"--team: there is no team “%1”"_s.arg(parser.value(team)));
        }
        teams.append(found.value()->id);
    }
    if (parser.isSet(url)) {
        ConnectRequest request;
        request.team = teams.value(0);
        request.url = QUrl::fromUserInput(parser.value(url));
        request.username = parser.value(user);
        request.allowInsecureHttp = parser.isSet(allowHttp);
        request.create = parser.isSet(create);
        auto password = passwordFor(request.url, request.username);
        if (!password) {
            return fail(password.errorMessage());
        }
        request.password = password.value();
        auto connected = service.connect(request);
        if (!connected) {
            return fail(u"--url: %1"_s.arg(connected.errorMessage()));
        }
        teams = {connected.value()};
    } else if (teams.isEmpty()) {
        auto accounts = service.accounts();
        if (!accounts) {
            return fail(accounts.errorMessage());
        }
        for (const SyncAccount &a : accounts.value()) {
            teams.append(a.team);
        }
        if (teams.isEmpty()) {
            return fail(u"no team is shared yet: connect one with tandem sync --team NAME --url URL --user USER"_s);
        }
    }
    int result = ExitOk;
    for (const TeamId &id : std::as_const(teams)) {
        auto status = service.status(id);
        if (!status) {
            result = fail(status.errorMessage());
            continue;
        }
        auto password = passwordFor(status->account.url, status->account.username);
        if (!password) {
            result = fail(password.errorMessage());
            continue;
        }
        const SyncReport report = service.sync(id, password.value());
        const QString name = teamName(*db, id);
        if (report.ok) {
            print(u"%1: %2 (%3)\n"_s.arg(name, report.message,
                                         CliSupport::plural(report.requests, u"request"_s, u"requests"_s)));
        } else {
            result = fail(u"%1: %2"_s.arg(name, report.message));
        }
    }
    return result;
}

int Cli::syncStatus(const QStringList &args, bool conflictsOnly)
{
    const QString synopsis =
        conflictsOnly ? u"sync conflicts [--team NAME] [--json]"_s : u"sync status [--team NAME] [--json]"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(conflictsOnly
                                         ? u"Changes both sides made differently, with both versions."_s
                                         : u"Where each shared team syncs to, when it last did, what waits."_s);
    const QCommandLineOption team(u"team"_s, u"Only this team."_s, u"NAME"_s);
    const QCommandLineOption json(u"json"_s, u"Print JSON."_s);
    parser.addOptions({team, json});
    int code = ExitOk;
    if (!parse(parser, synopsis, args, &code)) {
        return code;
    }
    auto db = openDatabaseOrFail();
    if (!db) {
        return ExitBadInput;
    }
    SyncService service(*db);
    auto accounts = service.accounts();
    if (!accounts) {
        return fail(accounts.errorMessage());
    }
    QJsonArray out;
    QString text;
    for (const SyncAccount &a : accounts.value()) {
        const QString name = teamName(*db, a.team);
        if (parser.isSet(team) && name.compare(parser.value(team), Qt::CaseInsensitive) != 0) {
            continue;
        }
        auto status = service.status(a.team);
        if (!status) {
            return fail(status.errorMessage());
        }
        out.append(statusJson(status.value(), name));
        if (conflictsOnly) {
            for (const SyncConflict &c : status->conflicts) {
                text += u"%1 %2 %3: %4\n  mine:   %5\n  theirs: %6\n"_s.arg(
                    name, c.kind, c.uid, c.fields.join(u", "_s),
                    QString::fromUtf8(QJsonDocument(c.mine).toJson(QJsonDocument::Compact)),
                    QString::fromUtf8(QJsonDocument(c.theirs).toJson(QJsonDocument::Compact)));
            }
            continue;
        }
        text += u"%1\n  calendar:   %2 (user %3)%4\n  last sync:  %5\n  status:     %6\n  waiting:    %7 "
                "local changes\n  conflicts:  %8\n"_s.arg(
                    name, a.url.toDisplayString(), a.username.isEmpty() ? u"none"_s : a.username,
                    a.readOnly ? u", read-only"_s : QString(),
                    a.lastSync.isValid() ? a.lastSync.toString(Qt::ISODate) : u"never"_s,
                    a.lastStatus.isEmpty() ? u"-"_s : a.lastStatus, QString::number(status->pending),
                    QString::number(status->conflicts.size()));
    }
    if (parser.isSet(json)) {
        print(QString::fromUtf8(QJsonDocument(out).toJson()));
    } else {
        print(text.isEmpty() ? (conflictsOnly ? u"No conflicts.\n"_s : u"No team is shared.\n"_s) : text);
    }
    return ExitOk;
}

int Cli::syncResolve(const QStringList &args)
{
    static const QString synopsis = u"sync resolve UID (--mine | --theirs) [--team NAME]"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Settle a conflict: keep this database's version (sent at the next sync) or "
                                     "take the server's."_s);
    const QCommandLineOption team(u"team"_s, u"The team of the conflict."_s, u"NAME"_s);
    const QCommandLineOption mine(u"mine"_s, u"Keep the local version."_s);
    const QCommandLineOption theirs(u"theirs"_s, u"Take the server's version."_s);
    parser.addOptions({team, mine, theirs});
    parser.addPositionalArgument(u"UID"_s, u"The conflicting item (see tandem sync conflicts)."_s);
    int code = ExitOk;
    if (!parse(parser, synopsis, args, &code)) {
        return code;
    }
    if (parser.positionalArguments().size() != 1 || parser.isSet(mine) == parser.isSet(theirs)) {
        return usage(u"usage: tandem "_s + synopsis);
    }
    auto db = openDatabaseOrFail();
    if (!db) {
        return ExitBadInput;
    }
    SyncService service(*db);
    auto accounts = service.accounts();
    if (!accounts) {
        return fail(accounts.errorMessage());
    }
    const QString uid = parser.positionalArguments().first();
    for (const SyncAccount &a : accounts.value()) {
        auto status = service.status(a.team);
        if (!status) {
            return fail(status.errorMessage());
        }
        for (const SyncConflict &c : status->conflicts) {
            if (c.uid == uid) {
                if (auto resolved = service.resolve(a.team, uid, parser.isSet(mine)); !resolved) {
                    return fail(resolved.errorMessage());
                }
                print(parser.isSet(mine) ? u"Kept the local version of %1; it goes out at the next sync.\n"_s.arg(uid)
                                         : u"Took the server's version of %1.\n"_s.arg(uid));
                return ExitOk;
            }
        }
    }
    return fail(u"UID: there is no conflict on “%1” (see tandem sync conflicts)"_s.arg(uid));
}

int Cli::syncDisconnect(const QStringList &args)
{
    static const QString synopsis = u"sync disconnect --team NAME"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Stop sharing a team: the local data stays, the server is not touched, the keychain entry is removed."_s);
    const QCommandLineOption team(u"team"_s, u"The team."_s, u"NAME"_s);
    parser.addOption(team);
    int code = ExitOk;
    if (!parse(parser, synopsis, args, &code)) {
        return code;
    }
    if (!parser.isSet(team)) {
        return usage(u"sync disconnect needs --team NAME"_s);
    }
    auto db = openDatabaseOrFail();
    if (!db) {
        return ExitBadInput;
    }
    auto found = RosterService(*db).teamByName(parser.value(team));
    if (!found || !found.value()) {
        return fail(u"--team: there is no team “%1”"_s.arg(parser.value(team)));
    }
    SyncService service(*db);
    auto status = service.status(found.value()->id);
    if (!status) {
        return fail(u"--team: %1"_s.arg(status.errorMessage()));
    }
    if (auto done = service.disconnect(found.value()->id); !done) {
        return fail(done.errorMessage());
    }
    if (!status->account.username.isEmpty()) {
        (void)Credentials::remove(status->account.url, status->account.username);
    }
    print(u"%1 is no longer shared.\n"_s.arg(found.value()->name));
    return ExitOk;
}

} // namespace Tandem

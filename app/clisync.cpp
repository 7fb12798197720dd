// Sharing through CalDAV: `tandem sync`, `tandem sync status|conflicts|resolve|flags|timeoff|disconnect`.

#include "cli.h"
#include "clicommands.h"
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
        return Error{Cli::tr("no password for %1: %2 For headless use set TANDEM_CALDAV_PASSWORD.")
                         .arg(username, stored.errorMessage())};
    }
    return stored.value();
}

QJsonObject flagJson(const SyncFlag &f)
{
    return QJsonObject{{u"id"_s, f.id},
                       {u"kind"_s, f.kind},
                       {u"shift"_s, f.shift},
                       {u"rotation"_s, f.rotation},
                       {u"start"_s, f.start.toString(Qt::ISODate)},
                       {u"end"_s, f.end.toString(Qt::ISODate)},
                       {u"actor"_s, f.actor},
                       {u"text"_s, f.text},
                       {u"detected"_s, f.detected.toString(Qt::ISODate)}};
}

QJsonArray offersJson(const QList<SyncOffer> &offers)
{
    QJsonArray result;
    for (const SyncOffer &o : offers) {
        result.append(QJsonObject{{u"uid"_s, o.uid},
                                  {u"person"_s, o.person},
                                  {u"from"_s, o.from.toString(Qt::ISODate)},
                                  {u"to"_s, o.to.toString(Qt::ISODate)},
                                  {u"summary"_s, o.summary}});
    }
    return result;
}

QJsonObject statusJson(const SyncStatus &s, const QString &teamName)
{
    QJsonArray conflicts;
    for (const SyncConflict &c : s.conflicts) {
        conflicts.append(QJsonObject{{u"uid"_s, c.uid},
                                     {u"kind"_s, c.kind},
                                     {u"fields"_s, QJsonArray::fromStringList(c.fields)},
                                     {u"mine"_s, c.mine},
                                     {u"theirs"_s, c.theirs},
                                     {u"problem"_s, c.problem}});
    }
    QJsonArray flags;
    for (const SyncFlag &f : s.flags) {
        flags.append(flagJson(f));
    }
    return QJsonObject{
        {u"team"_s, teamName},
        // Never with a user name or password in it, whatever an older version stored.
        {u"url"_s, s.account.url.adjusted(QUrl::RemoveUserInfo).toString()},
        {u"user"_s, s.account.username},
        {u"read_only"_s, s.account.readOnly},
        {u"last_sync"_s,
         s.account.lastSync.isValid() ? QJsonValue(s.account.lastSync.toString(Qt::ISODate)) : QJsonValue()},
        {u"last_status"_s, s.account.lastStatus},
        {u"pending"_s, s.pending},
        {u"conflicts"_s, conflicts},
        {u"flags"_s, flags},
        {u"timeoff_offers"_s, offersJson(s.offers)},
    };
}

// The command-line option that settles an error of the sync service (Error::field), so the
// message names what to type rather than a checkbox of the GUI.
QString withOption(const Error &error)
{
    if (error.field == u"create") {
        return u"%1 (--create)"_s.arg(error.message);
    }
    if (error.field == u"allow_http") {
        return u"%1 (--allow-http)"_s.arg(error.message);
    }
    if (error.field == UrlCredentialsField) {
        return Cli::tr(
                   "%1 (--use-url-credentials takes them; or --user USER and TANDEM_CALDAV_PASSWORD or the keychain)")
            .arg(error.message);
    }
    if (error.field == SameNamedTeamField) {
        return Cli::tr("%1 (--link-team, or --rename-team NEW-NAME)").arg(error.message);
    }
    return error.message;
}

// The team's name for output; empty for a team this database no longer has.
QString teamName(Database &db, TeamId id)
{
    // Output only: a failed read names no team, as for a team this database no longer has.
    for (const Team &team : RosterService(db).teams().value_or({})) {
        if (team.id == id) {
            return team.name;
        }
    }
    return {};
}

// The status of every shared team, or of the one `only` names (empty: all).
struct TeamStatus
{
    QString name;
    SyncStatus status;
};

Result<QList<TeamStatus>> statuses(Database &db, const QString &only)
{
    SyncService service(db);
    auto accounts = service.accounts();
    if (!accounts) {
        return accounts.error();
    }
    QList<TeamStatus> result;
    for (const SyncAccount &a : accounts.value()) {
        const QString name = teamName(db, a.team);
        if (!only.isEmpty() && name.compare(only, Qt::CaseInsensitive) != 0) {
            continue;
        }
        auto status = service.status(a.team);
        if (!status) {
            return status.error();
        }
        result.append(TeamStatus{name, status.value()});
    }
    return result;
}

} // namespace

namespace {

class Sync final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    Sync()
        : DatabaseCommand({u"sync"_s},
                          u"sync [--team NAME] [--url URL --user USER [--create] [--allow-http] "
                          "[--use-url-credentials] [--link-team | --rename-team NEW]]"_s,
                          tr("Share a team through a CalDAV server, or join one, and sync both ways."))
    {
        setDescription(tr(
            "Two-way sync of shifts, time off and the roster with a CalDAV server (Nextcloud, Radicale, Fastmail...). "
            "With --url, first connect: --team shares that team in the calendar at URL (a server address is searched "
            "for the user's calendars); without --team, join the team another lead shares there. The password comes "
            "from TANDEM_CALDAV_PASSWORD, else from the system keychain. Without --url, sync every connected team "
            "(or --team)."));
        addOptions({m_team, m_url, m_user, m_create, m_allowHttp, m_urlCredentials, m_linkTeam, m_renameTeam});
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (!parser.positionalArguments().isEmpty()) {
            return usage(tr("unknown sync command “%1” (status, conflicts, resolve, disconnect)")
                             .arg(parser.positionalArguments().first()));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;
    void warn(const QString &message) const
    {
        fprintf(err(), "tandem: warning: %s\n", qPrintable(message));
        fflush(err());
    }

    const QCommandLineOption m_team{u"team"_s, tr("The team to share or sync."), u"NAME"_s};
    const QCommandLineOption m_url{u"url"_s, tr("The calendar (collection) or server address."), u"URL"_s};
    const QCommandLineOption m_user{u"user"_s, tr("The user name on the server."), u"USER"_s};
    const QCommandLineOption m_create{u"create"_s, tr("Create the calendar at URL when nothing is there (MKCALENDAR); "
                                                      "with a server address, one named after the team.")};
    const QCommandLineOption m_allowHttp{u"allow-http"_s,
                                         tr("Allow plain HTTP to another machine: passwords and rotations travel "
                                            "unencrypted. Loopback needs no option.")};
    const QCommandLineOption m_urlCredentials{
        u"use-url-credentials"_s,
        tr("Take the user name and password written in URL (https://user:secret@host/...); they are never stored "
           "with the address (the password goes to the keychain).")};
    const QCommandLineOption m_linkTeam{u"link-team"_s, tr("Joining: this database's team of the shared team's name is "
                                                           "the same team; merge it into the shared one.")};
    const QCommandLineOption m_renameTeam{u"rename-team"_s,
                                          tr("Joining: keep this database's team of the shared team's name apart, "
                                             "renamed to NEW."),
                                          u"NEW"_s};
};

/// sync status and sync conflicts: the shared teams' state, or only their conflicts.
class SyncStatusCommand final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    explicit SyncStatusCommand(bool conflictsOnly)
        : DatabaseCommand({u"sync"_s, conflictsOnly ? u"conflicts"_s : u"status"_s},
                          conflictsOnly ? u"sync conflicts [--team NAME] [--json]"_s
                                        : u"sync status [--team NAME] [--json]"_s,
                          conflictsOnly ? tr("Changes both sides made differently, with both versions.")
                                        : tr("Where each shared team syncs to, when it last did, what waits.")),
          m_conflictsOnly(conflictsOnly)
    {
        setDescription(summary());
        addOptions({m_team, m_json});
    }

private:
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const bool m_conflictsOnly;
    const QCommandLineOption m_team{u"team"_s, tr("Only this team."), u"NAME"_s};
    const QCommandLineOption m_json{u"json"_s, tr("Print JSON.")};
};

int SyncStatusCommand::runOn(const QCommandLineParser &parser, Database &db)
{
    auto teams = statuses(db, parser.value(m_team));
    if (!teams) {
        return fail(teams.errorMessage());
    }
    QJsonArray array;
    QString text;
    for (const auto &[name, teamStatus] : teams.value()) {
        const SyncStatus *status = &teamStatus;
        const SyncAccount &a = status->account;
        array.append(statusJson(*status, name));
        if (m_conflictsOnly) {
            for (const SyncConflict &c : status->conflicts) {
                text +=
                    tr("%1 %2 %3: %4\n  mine:   %5\n  theirs: %6\n")
                        .arg(name, c.kind, c.uid, c.problem.isEmpty() ? c.fields.join(u", "_s) : c.problem,
                             c.mine.isEmpty() ? tr("deleted")
                                              : QString::fromUtf8(QJsonDocument(c.mine).toJson(QJsonDocument::Compact)),
                             c.theirs.isEmpty()
                                 ? tr("deleted")
                                 : QString::fromUtf8(QJsonDocument(c.theirs).toJson(QJsonDocument::Compact)));
            }
            continue;
        }
        text += tr("%1\n  calendar:   %2 (user %3)%4\n  last sync:  %5\n  status:     %6\n  waiting:    %7 "
                   "local changes\n  conflicts:  %8\n")
                    .arg(name, a.url.adjusted(QUrl::RemoveUserInfo).toDisplayString(),
                         a.username.isEmpty() ? tr("none") : a.username, a.readOnly ? tr(", read-only") : QString(),
                         a.lastSync.isValid() ? a.lastSync.toString(Qt::ISODate) : tr("never"),
                         a.lastStatus.isEmpty() ? u"-"_s : a.lastStatus, QString::number(status->pending),
                         QString::number(status->conflicts.size()));
        for (const SyncFlag &f : status->flags) {
            text += tr("  flagged:    [%1] %2\n").arg(f.id).arg(f.text);
        }
        if (!status->offers.isEmpty()) {
            text += tr("  time off offered: %1 (tandem sync timeoff)\n").arg(status->offers.size());
        }
    }
    if (parser.isSet(m_json)) {
        print(QString::fromUtf8(QJsonDocument(array).toJson()));
    } else {
        print(text.isEmpty() ? (m_conflictsOnly ? tr("No conflicts.\n") : tr("No team is shared.\n")) : text);
    }
    return ExitOk;
}

class SyncResolve final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    SyncResolve()
        : DatabaseCommand({u"sync"_s, u"resolve"_s}, u"sync resolve UID (--mine | --theirs) [--team NAME]"_s,
                          tr("Keep the local version of a conflict or take the server's."))
    {
        setDescription(tr("Settle a conflict: keep this database's version (sent at the next sync) or "
                          "take the server's."));
        addOptions({m_team, m_mine, m_theirs});
        addArgument(u"UID"_s, tr("The conflicting item (see tandem sync conflicts)."));
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (parser.positionalArguments().size() != 1 || parser.isSet(m_mine) == parser.isSet(m_theirs)) {
            return usage(tr("usage: tandem %1").arg(synopsis()));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_team{u"team"_s, tr("The team of the conflict."), u"NAME"_s};
    const QCommandLineOption m_mine{u"mine"_s, tr("Keep the local version.")};
    const QCommandLineOption m_theirs{u"theirs"_s, tr("Take the server's version.")};
};

class SyncDisconnect final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    SyncDisconnect()
        : DatabaseCommand({u"sync"_s, u"disconnect"_s}, u"sync disconnect --team NAME"_s, tr("Stop sharing a team."))
    {
        setDescription(
            tr("Stop sharing a team: the local data stays, the server is not touched, the keychain entry is removed."));
        addOptions({m_team});
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (!parser.isSet(m_team)) {
            return usage(tr("sync disconnect needs --team NAME"));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_team{u"team"_s, tr("The team."), u"NAME"_s};
};

class SyncFlags final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    SyncFlags()
        : DatabaseCommand(
              {u"sync"_s, u"flags"_s}, u"sync flags [--team NAME] [--json] [--dismiss ID]"_s,
              tr("Changes from the server that break a rule (gaps, overlaps, hard rules), until fixed or dismissed."))
    {
        setDescription(tr(
            "Changes another client made through the server that break a rule: a shift deleted or cut short (a gap), "
            "an end moved past the next shift (an overlap), an emptied seat, someone seated against a hard rule. "
            "Tandem "
            "applies them (the server is the shared truth) and flags them until the problem is fixed or dismissed."));
        addOptions({m_team, m_json, m_dismiss});
    }

private:
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_team{u"team"_s, tr("Only this team."), u"NAME"_s};
    const QCommandLineOption m_json{u"json"_s, tr("Print JSON.")};
    const QCommandLineOption m_dismiss{u"dismiss"_s, tr("The lead has seen flag ID: it goes."), u"ID"_s};
};

class SyncTimeOff final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    SyncTimeOff()
        : DatabaseCommand({u"sync"_s, u"timeoff"_s},
                          u"sync timeoff [--team NAME] [--json] [--import UID | --dismiss UID]"_s,
                          tr("Time off other calendar clients put in the shared calendar, offered for import."))
    {
        setDescription(tr(
            "All-day events other calendar clients put in the shared calendar that read as time off (vacation, out of "
            "office, time off, leave...) of someone on the roster, by their e-mail as organizer or attendee. Tandem "
            "never "
            "takes them silently: --import makes one this database's time off (it then travels as Tandem's own), "
            "--dismiss stops offering it."));
        addOptions({m_team, m_json, m_import, m_dismiss});
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (parser.isSet(m_import) && parser.isSet(m_dismiss)) {
            return usage(tr("--import and --dismiss exclude each other"));
        }
        return std::nullopt;
    }
    int runOn(const QCommandLineParser &parser, Database &db) override;

    const QCommandLineOption m_team{u"team"_s, tr("Only this team."), u"NAME"_s};
    const QCommandLineOption m_json{u"json"_s, tr("Print JSON.")};
    const QCommandLineOption m_import{u"import"_s, tr("Import the offered time off UID."), u"UID"_s};
    const QCommandLineOption m_dismiss{u"dismiss"_s, tr("Do not offer UID again."), u"UID"_s};
};

int Sync::runOn(const QCommandLineParser &parser, Database &db)
{
    SyncService service(db);
    QList<TeamId> teams;
    if (parser.isSet(m_team)) {
        auto found = RosterService(db).teamByName(parser.value(m_team));
        if (!found || !found.value()) {
            return fail(tr("--team: there is no team “%1”").arg(parser.value(m_team)));
        }
        teams.append(found.value()->id);
    }
    for (const QCommandLineOption *option : {&m_create, &m_allowHttp, &m_urlCredentials, &m_linkTeam, &m_renameTeam}) {
        if (parser.isSet(*option) && !parser.isSet(m_url)) {
            return usage(tr("--%1 goes with --url").arg(option->names().first()));
        }
    }
    if (parser.isSet(m_linkTeam) && parser.isSet(m_renameTeam)) {
        return usage(tr("--link-team and --rename-team exclude each other"));
    }
    QString connectPassword;
    if (parser.isSet(m_url)) {
        ConnectRequest request;
        request.team = teams.value(0);
        request.url = QUrl::fromUserInput(parser.value(m_url));
        request.username = parser.value(m_user);
        request.allowInsecureHttp = parser.isSet(m_allowHttp);
        request.create = parser.isSet(m_create);
        request.credentialsFromUrl = parser.isSet(m_urlCredentials);
        if (parser.isSet(m_linkTeam)) {
            request.join.sameName = JoinOptions::SameName::Link;
        } else if (parser.isSet(m_renameTeam)) {
            request.join.sameName = JoinOptions::SameName::Rename;
            request.join.newName = parser.value(m_renameTeam);
        }
        if (request.allowInsecureHttp) {
            warn(
                request.url.scheme() == u"http"_s
                    ? tr("--allow-http: the password and the rotations travel to %1 unencrypted; anyone on the network "
                         "between can read and change them.")
                          .arg(request.url.host())
                    : tr("--allow-http has no effect on an https:// address."));
        }
        const QUrl plain = request.url.adjusted(QUrl::RemoveUserInfo);
        const QString username = request.url.userName().isEmpty() ? request.username : request.url.userName();
        if (request.url.password().isEmpty() || !request.credentialsFromUrl) {
            auto password = passwordFor(plain, username);
            if (!password && request.url.userInfo().isEmpty()) {
                return fail(password.errorMessage());
            }
            request.password = password.value_or(QString()); // none: the URL has m_user info (checked above)
        }
        QStringList notes;
        auto connected = service.connect(request, {}, &notes);
        if (!connected) {
            return fail(u"--url: %1"_s.arg(withOption(connected.error())));
        }
        for (const QString &note : std::as_const(notes)) {
            print(note + u'\n');
        }
        if (request.credentialsFromUrl && !request.url.password().isEmpty()) {
            // Taken from the address on the m_user's word: kept in the keychain, never in the address.
            connectPassword = request.url.password();
            auto account = service.status(connected.value());
            if (account && !qEnvironmentVariableIsSet("TANDEM_CALDAV_PASSWORD")) {
                if (auto stored = Credentials::write(account->account.url, username, connectPassword); !stored) {
                    warn(tr("the password could not be stored in the keychain (%1); set TANDEM_CALDAV_PASSWORD for the "
                            "next syncs.")
                             .arg(stored.errorMessage()));
                }
            }
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
            return fail(tr("no team is shared yet: connect one with tandem sync --team NAME --url URL --user USER"));
        }
    }
    int result = ExitOk;
    for (const TeamId &id : std::as_const(teams)) {
        auto status = service.status(id);
        if (!status) {
            result = fail(status.errorMessage());
            continue;
        }
        auto password = connectPassword.isEmpty() ? passwordFor(status->account.url, status->account.username)
                                                  : Result<QString>(connectPassword);
        if (!password) {
            result = fail(password.errorMessage());
            continue;
        }
        const QString name = teamName(db, id);
        if (status->account.allowInsecureHttp && status->account.url.scheme() == u"http"_s && !parser.isSet(m_url)) {
            warn(tr("%1 syncs over plain HTTP to %2 (--allow-http): the password and the rotations travel unencrypted.")
                     .arg(name, status->account.url.host()));
        }
        const SyncReport report = service.sync(id, password.value());
        if (report.ok) {
            print(u"%1: %2 (%3)\n"_s.arg(name, report.message, tr("%n request(s)", nullptr, report.requests)));
        } else {
            QString message = u"%1: %2"_s.arg(name, report.message);
            if (report.error && report.error->kind == DavError::Kind::InsecureRefused) {
                message += u" (--allow-http)"_s;
            }
            if (report.error && report.error->kind == DavError::Kind::Tls) {
                // What to compare with the administrator's word; Tandem offers no way around it.
                for (const QSslCertificate &certificate : report.error->certificates) {
                    message += u"\n"_s + certificateDetails(certificate);
                }
            }
            result = fail(message);
        }
    }
    return result;
}

int SyncResolve::runOn(const QCommandLineParser &parser, Database &db)
{
    SyncService service(db);
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
                if (auto resolved = service.resolve(a.team, uid, parser.isSet(m_mine)); !resolved) {
                    return fail(resolved.errorMessage());
                }
                print(parser.isSet(m_mine)
                          ? tr("Kept the local version of %1; it goes out at the next sync.\n").arg(uid)
                          : tr("Took the server's version of %1.\n").arg(uid));
                return ExitOk;
            }
        }
    }
    return fail(tr("UID: there is no conflict on “%1” (see tandem sync conflicts)").arg(uid));
}

int SyncDisconnect::runOn(const QCommandLineParser &parser, Database &db)
{
    auto found = RosterService(db).teamByName(parser.value(m_team));
    if (!found || !found.value()) {
        return fail(tr("--team: there is no team “%1”").arg(parser.value(m_team)));
    }
    SyncService service(db);
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
    print(tr("%1 is no longer shared.\n").arg(found.value()->name));
    return ExitOk;
}

int SyncFlags::runOn(const QCommandLineParser &parser, Database &db)
{
    SyncService service(db);
    auto teams = statuses(db, parser.value(m_team));
    if (!teams) {
        return fail(teams.errorMessage());
    }
    QJsonArray out;
    QString text;
    for (const auto &[name, status] : teams.value()) {
        for (const SyncFlag &f : status.flags) {
            if (parser.isSet(m_dismiss)) {
                if (QString::number(f.id) == parser.value(m_dismiss)) {
                    if (auto done = service.dismissFlag(status.account.team, f.id); !done) {
                        return fail(done.errorMessage());
                    }
                    print(tr("Dismissed: %1\n").arg(f.text));
                    return ExitOk;
                }
                continue;
            }
            QJsonObject row = flagJson(f);
            row.insert(u"team"_s, name);
            out.append(row);
            text += u"%1 [%2] %3\n"_s.arg(name).arg(f.id).arg(f.text);
        }
    }
    if (parser.isSet(m_dismiss)) {
        return fail(tr("--dismiss: there is no flag %1 (see tandem sync flags)").arg(parser.value(m_dismiss)));
    }
    if (parser.isSet(m_json)) {
        print(QString::fromUtf8(QJsonDocument(out).toJson()));
    } else {
        print(text.isEmpty() ? tr("No flags.\n") : text);
    }
    return ExitOk;
}

int SyncTimeOff::runOn(const QCommandLineParser &parser, Database &db)
{
    SyncService service(db);
    auto teams = statuses(db, parser.value(m_team));
    if (!teams) {
        return fail(teams.errorMessage());
    }
    const QString uid = parser.isSet(m_import) ? parser.value(m_import) : parser.value(m_dismiss);
    QJsonArray out;
    QString text;
    for (const auto &[name, status] : teams.value()) {
        const TeamId teamId = status.account.team;
        for (const SyncOffer &o : status.offers) {
            auto person = RosterService(db).person(PersonId::fromString(o.person));
            const QString who = person && person.value() ? person.value()->name : o.person;
            if (!uid.isEmpty()) {
                if (o.uid != uid) {
                    continue;
                }
                if (parser.isSet(m_import)) {
                    auto added = service.importOffer(teamId, uid);
                    if (!added) {
                        return fail(u"--import: %1"_s.arg(added.errorMessage()));
                    }
                    print(tr("Imported time off of %1, %2 to %3; it goes to the server at the next sync.\n")
                              .arg(who, o.from.toString(Qt::ISODate), o.to.toString(Qt::ISODate)));
                    return ExitOk;
                }
                if (auto done = service.dismissOffer(teamId, uid); !done) {
                    return fail(u"--dismiss: %1"_s.arg(done.errorMessage()));
                }
                print(tr("Not offered again: “%1” of %2.\n").arg(o.summary, who));
                return ExitOk;
            }
            QJsonObject row = offersJson({o}).first().toObject();
            row.insert(u"team"_s, name);
            row.insert(u"person_name"_s, who);
            out.append(row);
            text += tr("%1  %2: %3 to %4 “%5” (%6)\n")
                        .arg(o.uid, who, o.from.toString(Qt::ISODate), o.to.toString(Qt::ISODate), o.summary, name);
        }
    }
    if (!uid.isEmpty()) {
        return fail(tr("%1: no time off is offered as “%2” (see tandem sync timeoff)")
                        .arg(parser.isSet(m_import) ? u"--import"_s : u"--dismiss"_s, uid));
    }
    if (parser.isSet(m_json)) {
        print(QString::fromUtf8(QJsonDocument(out).toJson()));
    } else {
        print(text.isEmpty() ? tr("No time off offered.\n")
                             : text + tr("Import one with tandem sync timeoff --import UID, or --dismiss UID.\n"));
    }
    return ExitOk;
}

} // namespace

std::unique_ptr<Command> syncCommand()
{
    return std::make_unique<Sync>();
}

std::unique_ptr<Command> syncStatusCommand()
{
    return std::make_unique<SyncStatusCommand>(false);
}

std::unique_ptr<Command> syncConflictsCommand()
{
    return std::make_unique<SyncStatusCommand>(true);
}

std::unique_ptr<Command> syncResolveCommand()
{
    return std::make_unique<SyncResolve>();
}

std::unique_ptr<Command> syncDisconnectCommand()
{
    return std::make_unique<SyncDisconnect>();
}

std::unique_ptr<Command> syncFlagsCommand()
{
    return std::make_unique<SyncFlags>();
}

std::unique_ptr<Command> syncTimeOffCommand()
{
    return std::make_unique<SyncTimeOff>();
}

} // namespace Tandem

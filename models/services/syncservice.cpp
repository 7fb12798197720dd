#include "syncservice.h"

#include "store/database.h"
#include "store/teamrepository.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::SyncService", text);
}

Error davError(const DavError &error)
{
    return Error{error.message, u"url"_s};
}

// A path segment for a new collection named after the team: "Platform Ops" -> "platform-ops".
QString slug(const QString &name)
{
    QString result;
    for (const QChar c : name.toLower()) {
        if (c.isLetterOrNumber() && c.unicode() < 128) {
            result += c;
        } else if (!result.endsWith(u'-')) {
            result += u'-';
        }
    }
    while (result.endsWith(u'-')) {
        result.chop(1);
    }
    return result.isEmpty() ? u"tandem"_s : u"tandem-"_s + result;
}

} // namespace

Result<TeamId> SyncService::connect(const ConnectRequest &request, const SyncProgressFn &progress)
{
    if (!request.url.isValid() || request.url.host().isEmpty() ||
        (request.url.scheme() != u"https"_s && request.url.scheme() != u"http"_s)) {
        return Error{tr("Give the address of the calendar or the server, starting with https://."), u"url"_s};
    }
    QString teamName;
    if (!request.team.isNull()) {
        auto team = TeamRepository(m_db).find(request.team);
        if (!team) {
            return team.error();
        }
        if (!team.value()) {
            return Error{tr("There is no such team."), u"team"_s};
        }
        teamName = team.value()->name;
    }
    DavSettings settings;
    settings.url = request.url;
    settings.username = request.username;
    settings.password = request.password;
    settings.allowInsecureHttp = request.allowInsecureHttp;
    if (!settings.url.path().endsWith(u'/')) {
        settings.url.setPath(settings.url.path() + u'/');
    }
    const auto step = [&](const QString &what) {
        if (progress) {
            progress(what, 0, 0);
        }
    };

    step(tr("Looking at %1").arg(settings.url.toDisplayString()));
    auto info = CalDavClient(settings).collectionInfo();
    const DavError *infoError = std::get_if<DavError>(&info);
    const bool isCalendar = !infoError && std::get<CollectionInfo>(info).isCalendar;
    if (infoError && infoError->kind != DavError::Kind::NotFound) {
        return davError(*infoError);
    }
    if (!isCalendar) {
        if (infoError && request.create) {
            // Nothing there yet: create the collection at exactly that address.
            step(tr("Creating the calendar"));
            auto made = CalDavClient(settings).makeCalendar(teamName.isEmpty() ? u"Tandem"_s : teamName);
            if (auto *error = std::get_if<DavError>(&made)) {
                return davError(*error);
            }
        } else {
            // A server or principal address: discover the calendars of the user.
            step(tr("Discovering the calendars of %1").arg(request.username));
            CalDavClient client(settings);
            auto home = client.discoverCalendarHome();
            if (auto *error = std::get_if<DavError>(&home)) {
                return Error{tr("%1 is not a calendar, and finding the calendars there failed: %2")
                                 .arg(settings.url.toDisplayString(), error->message),
                             u"url"_s};
            }
            auto calendars = client.listCalendars(std::get<QUrl>(home));
            if (auto *error = std::get_if<DavError>(&calendars)) {
                return davError(*error);
            }
            const auto list = std::get<QList<CollectionInfo>>(calendars);
            const QString wanted = slug(teamName.isEmpty() ? u"tandem"_s : teamName);
            QUrl found;
            QStringList names;
            for (const CollectionInfo &c : list) {
                if (!c.isCalendar) {
                    continue;
                }
                names.append(u"%1 (%2)"_s.arg(c.displayName, c.url.toDisplayString()));
                if (c.url.path().endsWith(u'/' + wanted + u'/') ||
                    (!teamName.isEmpty() && c.displayName.compare(teamName, Qt::CaseInsensitive) == 0)) {
                    found = c.url;
                }
            }
            if (found.isEmpty() && request.create) {
                found = std::get<QUrl>(home).resolved(QUrl(wanted + u'/'));
                DavSettings at = settings;
                at.url = found;
                step(tr("Creating the calendar %1").arg(found.toDisplayString()));
                auto made = CalDavClient(at).makeCalendar(teamName.isEmpty() ? u"Tandem"_s : teamName);
                if (auto *error = std::get_if<DavError>(&made)) {
                    return davError(*error);
                }
            }
            if (found.isEmpty()) {
                return Error{names.isEmpty()
                                 ? tr("The server has no calendar for this user yet. Turn on “create the calendar”.")
                                 : tr("%1 is not a calendar. Calendars there: %2. Give one of them, or turn on "
                                      "“create the calendar”.")
                                       .arg(settings.url.toDisplayString(), names.join(u"; "_s)),
                             u"url"_s};
            }
            settings.url = found;
        }
    }

    if (request.team.isNull()) {
        step(tr("Reading the team from the calendar"));
        CalDavClient client(settings);
        return joinCollection(m_db, client);
    }
    if (auto status = connectTeam(m_db, request.team, settings); !status) {
        return status.error();
    }
    return request.team;
}

Status SyncService::disconnect(TeamId team)
{
    return disconnectTeam(m_db, team);
}

Result<QList<SyncAccount>> SyncService::accounts() const
{
    return SyncRepository(m_db).accounts();
}

Result<SyncStatus> SyncService::status(TeamId team) const
{
    SyncRepository repo(m_db);
    auto account = repo.account(team);
    if (!account) {
        return account.error();
    }
    if (!account.value()) {
        return Error{tr("This team is not shared through a CalDAV server."), u"team"_s};
    }
    SyncStatus status;
    status.account = *account.value();
    auto conflicts = repo.conflicts(team);
    if (!conflicts) {
        return conflicts.error();
    }
    status.conflicts = conflicts.value();
    auto pending = pendingChanges(m_db, team);
    if (!pending) {
        return pending.error();
    }
    status.pending = pending.value();
    return status;
}

Result<DavSettings> SyncService::settings(TeamId team, const QString &password) const
{
    auto account = SyncRepository(m_db).account(team);
    if (!account) {
        return account.error();
    }
    if (!account.value()) {
        return Error{tr("This team is not shared through a CalDAV server."), u"team"_s};
    }
    DavSettings settings;
    settings.url = account.value()->url;
    settings.username = account.value()->username;
    settings.password = password;
    settings.allowInsecureHttp = account.value()->allowInsecureHttp;
    return settings;
}

SyncReport SyncService::sync(TeamId team, const QString &password, const SyncProgressFn &progress)
{
    auto davSettings = settings(team, password);
    if (!davSettings) {
        SyncReport report;
        report.message = davSettings.errorMessage();
        return report;
    }
    SyncEngine engine(m_db, team, davSettings.value());
    engine.setProgress(progress);
    return engine.run();
}

Status SyncService::resolve(TeamId team, const QString &uid, bool keepMine)
{
    return resolveConflict(m_db, team, uid, keepMine);
}

} // namespace Tandem

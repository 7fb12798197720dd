#include "syncservice.h"

#include "rosterservice.h"
#include "store/database.h"
#include "store/teamrepository.h"
#include "store/transaction.h"
#include "sync/localitems.h"
#include "syncflagger.h"

#include <QCoreApplication>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSyncService, "tandem.sync.service")

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::SyncService", text);
}

Error davError(const DavError &error)
{
    if (error.kind == DavError::Kind::InsecureRefused) {
        return Error{error.message, u"allow_http"_s};
    }
    if (error.kind == DavError::Kind::Tls && !error.certificates.isEmpty()) {
        // What to compare with the administrator's word: the certificate the server showed.
        return Error{error.message + u"\n"_s + certificateDetails(error.certificates.first()), u"url"_s};
    }
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

Result<TeamId> SyncService::connect(const ConnectRequest &request, const SyncProgressFn &progress, QStringList *notes)
{
    if (!request.url.isValid() || request.url.host().isEmpty() ||
        (request.url.scheme() != u"https"_s && request.url.scheme() != u"http"_s)) {
        return Error{tr("Give the address of the calendar or the server, starting with https://."), u"url"_s};
    }
    QString username = request.username;
    QString password = request.password;
    if (!request.url.userInfo().isEmpty()) {
        // A password in an address ends up in settings, logs and screenshots: never kept there.
        if (!request.credentialsFromUrl) {
            return Error{tr("The address holds a user name and password (%1@…). Tandem keeps passwords only in the "
                            "keychain: confirm to take them from the address, or give the address without them and "
                            "the user name and password apart.")
                             .arg(request.url.userName()),
                         UrlCredentialsField.toString()};
        }
        if (!username.isEmpty() && username != request.url.userName()) {
            return Error{tr("The address names the user “%1”, the user name given is “%2”: give one of them.")
                             .arg(request.url.userName(), username),
                         UrlCredentialsField.toString()};
        }
        username = request.url.userName();
        if (!request.url.password().isEmpty()) {
            password = request.url.password();
        }
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
    settings.url = request.url.adjusted(QUrl::RemoveUserInfo);
    settings.username = username;
    settings.password = password;
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
    if (!isCalendar && infoError && request.create) {
        // Nothing there yet: create the calendar exactly at that address, and nowhere else.
        step(tr("Creating the calendar %1").arg(settings.url.toDisplayString()));
        auto made = CalDavClient(settings).makeCalendar(teamName.isEmpty() ? u"Tandem"_s : teamName);
        if (auto *error = std::get_if<DavError>(&made)) {
            return davError(*error);
        }
        auto check = CalDavClient(settings).collectionInfo();
        if (auto *error = std::get_if<DavError>(&check)) {
            return davError(*error);
        }
        if (!std::get<CollectionInfo>(check).isCalendar) {
            return Error{tr("%1 could not be made a calendar: the server made something else there.")
                             .arg(settings.url.toDisplayString()),
                         u"url"_s};
        }
    } else if (!isCalendar) {
        // A server or principal address: discover the calendars of the user.
        step(tr("Discovering the calendars of %1").arg(username));
        CalDavClient client(settings);
        auto home = client.discoverCalendarHome();
        if (auto *error = std::get_if<DavError>(&home)) {
            return Error{tr("%1 is not a calendar, and finding the calendars there failed: %2")
                             .arg(settings.url.toDisplayString(), error->message),
                         u"url"_s};
        }
        const QUrl homeUrl = std::get<QUrl>(home);
        const QString named = settings.url.path();
        if (!infoError && named.startsWith(homeUrl.path()) && named.size() > homeUrl.path().size()) {
            // An address inside the user's calendars that holds something else (an address
            // book, a folder): not a place to search, and not one to create a calendar beside.
            return Error{tr("%1 is not a calendar (it is another kind of collection); Tandem creates a calendar only "
                            "where nothing is. Give the address of a calendar, or a new one.")
                             .arg(settings.url.toDisplayString()),
                         u"url"_s};
        }
        auto calendars = client.listCalendars(homeUrl);
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
            found = homeUrl.resolved(QUrl(wanted + u'/'));
            DavSettings at = settings;
            at.url = found;
            step(tr("Creating the calendar %1").arg(found.toDisplayString()));
            auto made = CalDavClient(at).makeCalendar(teamName.isEmpty() ? u"Tandem"_s : teamName);
            if (auto *error = std::get_if<DavError>(&made)) {
                return davError(*error);
            }
        }
        if (found.isEmpty()) {
            return Error{names.isEmpty() ? tr("The server has no calendar for this user yet; Tandem can create one.")
                                         : tr("%1 is not a calendar. Calendars there: %2. Give one of them, or let "
                                              "Tandem create one.")
                                               .arg(settings.url.toDisplayString(), names.join(u"; "_s)),
                         u"create"_s};
        }
        settings.url = found;
    }

    if (request.team.isNull()) {
        step(tr("Reading the team from the calendar"));
        CalDavClient client(settings);
        return joinCollection(m_db, client, request.join, notes);
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
    // "Mine" as it is now: what resolving works with.
    LocalItems local(m_db, team);
    for (SyncConflict &c : status.conflicts) {
        // The kind is one this code wrote into the conflict row; nothing of another kind conflicts.
        auto current = local.current(ResourceRef{resourceKindFromString(c.kind).value_or(ResourceKind::Shift), c.uid});
        if (current) {
            // Gone here (deleted locally): "mine" is nothing, which is what the conflict shows.
            c.mine = current.value().value_or(QJsonObject());
        }
    }
    auto flags = repo.flags(team);
    if (!flags) {
        return flags.error();
    }
    status.flags = flags.value();
    auto offers = repo.offers(team);
    if (!offers) {
        return offers.error();
    }
    for (const SyncOffer &offer : offers.value()) {
        if (offer.state == SyncOffer::State::Open) {
            status.offers.append(offer);
        }
    }
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
    SyncReport report = engine.run();

    // The server's changes are applied (it is the shared truth); what they broke is flagged
    // for the lead, and flags whose problem is gone (the gap filled, the overlap undone) go.
    SyncRepository repo(m_db);
    SyncFlagger flagger(m_db, team);
    auto known = repo.flags(team);
    auto found = flagger.find(report.applied, remoteActor(davSettings->url));
    if (!known || !found) {
        qCWarning(lcSyncService) << "cannot flag the changes of" << team.toString() << ":"
                                 << (known ? found.errorMessage() : known.errorMessage());
        return report;
    }
    Transaction tx(m_db);
    if (!tx.status()) {
        return report;
    }
    QList<SyncFlag> kept;
    for (const SyncFlag &flag : known.value()) {
        auto holds = flagger.holds(flag);
        if (holds && !holds.value()) {
            (void)repo.removeFlag(team, flag.id);
        } else {
            kept.append(flag);
        }
    }
    for (SyncFlag flag : found.value()) {
        const bool duplicate = std::any_of(kept.cbegin(), kept.cend(), [&](const SyncFlag &k) {
            return k.kind == flag.kind && k.shift == flag.shift && k.start == flag.start && k.end == flag.end;
        });
        if (duplicate) {
            continue;
        }
        if (auto id = repo.addFlag(team, flag); id) {
            flag.id = id.value();
            kept.append(flag);
            report.flags.append(flag);
        }
    }
    if (!report.flags.isEmpty()) {
        report.message +=
            u' ' + QCoreApplication::translate("Tandem::SyncService", "%n change(s) from the server break a rule: %1.",
                                               nullptr, int(report.flags.size()))
                       .arg(report.flags.first().text);
        (void)repo.setOutcome(team, report.ok ? m_db.clock().now().toUTC() : QDateTime(), report.message);
    }
    if (!tx.commit()) {
        qCWarning(lcSyncService) << "the flags of" << team.toString() << "could not be stored";
    }
    return report;
}

Status SyncService::resolve(TeamId team, const QString &uid, bool keepMine)
{
    return resolveConflict(m_db, team, uid, keepMine);
}

Result<QList<SyncFlag>> SyncService::allFlags() const
{
    SyncRepository repo(m_db);
    auto accounts = repo.accounts();
    if (!accounts) {
        return accounts.error();
    }
    QList<SyncFlag> result;
    for (const SyncAccount &account : accounts.value()) {
        auto flags = repo.flags(account.team);
        if (!flags) {
            return flags.error();
        }
        result += flags.value();
    }
    return result;
}

Result<QList<SyncOffer>> SyncService::allOffers() const
{
    SyncRepository repo(m_db);
    auto accounts = repo.accounts();
    if (!accounts) {
        return accounts.error();
    }
    QList<SyncOffer> result;
    for (const SyncAccount &account : accounts.value()) {
        auto offers = repo.offers(account.team);
        if (!offers) {
            return offers.error();
        }
        for (const SyncOffer &offer : offers.value()) {
            if (offer.state == SyncOffer::State::Open) {
                result.append(offer);
            }
        }
    }
    return result;
}

Status SyncService::dismissFlag(TeamId team, qint64 id)
{
    Transaction tx(m_db);
    if (!tx.status()) {
        return tx.status();
    }
    if (auto status = SyncRepository(m_db).removeFlag(team, id); !status) {
        return status;
    }
    return tx.commit();
}

Result<TimeOff> SyncService::importOffer(TeamId team, const QString &uid)
{
    SyncRepository repo(m_db);
    auto offers = repo.offers(team);
    if (!offers) {
        return offers.error();
    }
    for (SyncOffer offer : offers.value()) {
        if (offer.uid != uid || offer.state != SyncOffer::State::Open) {
            continue;
        }
        Transaction tx(m_db);
        if (!tx.status()) {
            return tx.status().error();
        }
        TimeOff timeOff;
        timeOff.personId = PersonId::fromString(offer.person);
        timeOff.from = offer.from;
        timeOff.to = offer.to;
        timeOff.reason = offer.summary;
        auto added = RosterService(m_db).addTimeOff(timeOff);
        if (!added) {
            return added.error();
        }
        offer.state = SyncOffer::State::Imported;
        offer.timeOff = added->id.toString();
        if (auto status = repo.saveOffer(team, offer); !status) {
            return status.error();
        }
        if (auto status = tx.commit(); !status) {
            return status.error();
        }
        return added.value();
    }
    return Error{tr("There is no time off offered as %1 (see the offers in the sync status).").arg(uid)};
}

Status SyncService::dismissOffer(TeamId team, const QString &uid)
{
    SyncRepository repo(m_db);
    auto offers = repo.offers(team);
    if (!offers) {
        return offers.error();
    }
    for (SyncOffer offer : offers.value()) {
        if (offer.uid == uid && offer.state == SyncOffer::State::Open) {
            Transaction tx(m_db);
            if (!tx.status()) {
                return tx.status();
            }
            offer.state = SyncOffer::State::Dismissed;
            if (auto status = repo.saveOffer(team, offer); !status) {
                return status;
            }
            return tx.commit();
        }
    }
    return Error{tr("There is no time off offered as %1 (see the offers in the sync status).").arg(uid)};
}

} // namespace Tandem

// Linking a team to a CalDAV collection: connecting it, joining a team shared there, and
// disconnecting it. The sync runs themselves are in syncengine.cpp.
#include "domain/serialize.h"
#include "ical/icalcodec.h"
#include "localitems.h"
#include "remoteversion.h"
#include "store/changelog.h"
#include "store/database.h"
#include "store/idrewrite.h"
#include "store/loggedwrite.h"
#include "store/syncrepository.h"
#include "store/teamrepository.h"
#include "store/transaction.h"
#include "syncengine.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Tandem {

Status connectTeam(Database &db, TeamId team, const DavSettings &settings)
{
    SyncRepository repo(db);
    Transaction tx(db);
    if (!tx.status()) {
        return tx.status();
    }
    SyncAccount account;
    account.team = team;
    account.url = settings.url;
    account.username = settings.username;
    account.allowInsecureHttp = settings.allowInsecureHttp;
    if (auto old = repo.account(team); old && old.value() && old.value()->url == settings.url) {
        // Connecting again keeps the sync state, and tries writing again after a 403.
        account = *old.value();
        account.username = settings.username;
        account.allowInsecureHttp = settings.allowInsecureHttp;
        account.readOnly = false;
    } else if (auto status = repo.removeAccount(team); !status) {
        return status; // another collection: start over
    }
    if (auto status = repo.saveAccount(account); !status) {
        return status;
    }
    return tx.commit();
}

Result<TeamId> joinCollection(Database &db, CalDavClient &client, const JoinOptions &options, QStringList *notes)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("Tandem::SyncEngine", text); };
    const QString href = client.hrefFor(RosterResourceName.toString());
    auto got = client.multiget({href});
    if (auto *error = std::get_if<DavError>(&got)) {
        return Error{error->message};
    }
    const auto items = std::get<QList<DavItem>>(got);
    if (items.isEmpty()) {
        return Error{tr("The collection %1 holds no Tandem team (no %2.ics in it).")
                         .arg(client.settings().url.toDisplayString(), RosterResourceName)};
    }
    auto decoded = decodeResource(items.first().data);
    if (!decoded) {
        return decoded.error();
    }
    if (decoded->kind != ResourceKind::Roster) {
        return Error{tr("%1 is not a Tandem roster.").arg(href)};
    }
    const TeamId team = TeamId::fromString(decoded->uid);
    const ResourceRef ref{ResourceKind::Roster, decoded->uid};
    LocalItems local(db, team);
    if (const QString problem = local.problemWith(ref, decoded->data); !problem.isEmpty()) {
        return Error{tr("The team on the server cannot be joined: %1").arg(problem)};
    }
    const QString theirName = decoded->data.value(u"team"_s).toObject().value(u"name"_s).toString();
    SyncRepository repo(db);
    TeamRepository teams(db);
    if (auto already = repo.account(team); !already) {
        return already.error();
    } else if (already.value() && already.value()->url != client.settings().url.adjusted(QUrl::RemoveUserInfo)) {
        return Error{
            tr("The team %1 is shared through %2 already.").arg(theirName, already.value()->url.toDisplayString())};
    }
    auto named = teams.findByName(theirName);
    if (!named) {
        return named.error();
    }
    std::optional<Team> sameName;
    if (named.value() && named.value()->id != team) {
        sameName = named.value();
    }
    if (sameName && options.sameName == JoinOptions::SameName::Refuse) {
        return Error{tr("This database has a team “%1” already. Link it to the shared team (its people, rotations "
                        "and shifts join it and go to the server), or keep it apart under another name.")
                         .arg(sameName->name),
                     SameNamedTeamField.toString()};
    }

    Transaction tx(db);
    if (!tx.status()) {
        return tx.status().error();
    }
    bool linked = false;
    QStringList said;
    if (sameName && options.sameName == JoinOptions::SameName::Rename) {
        const QString newName = options.newName.trimmed();
        if (newName.isEmpty() || newName.compare(theirName, Qt::CaseInsensitive) == 0) {
            return Error{tr("Give your team “%1” a new name, other than the shared team's.").arg(sameName->name),
                         SameNamedTeamField.toString()};
        }
        if (auto taken = teams.findByName(newName); !taken) {
            return taken.error();
        } else if (taken.value()) {
            return Error{tr("There is a team “%1” already.").arg(newName), SameNamedTeamField.toString()};
        }
        Team renamed = *sameName;
        renamed.name = newName;
        if (auto status = writeLogged(
                db, [&]() -> Status { return teams.update(renamed); },
                ChangeRecord::updated(Entity::Team, renamed.id.toString(), toJson(*sameName), toJson(renamed)));
            !status) {
            return status.error();
        }
        said.append(tr("Your team “%1” is now called “%2”.").arg(sameName->name, newName));
    } else if (sameName) {
        // Link: the local team is the shared team. It takes the shared id (its rotations,
        // holidays and memberships follow); rotations and pools of the same name are matched
        // when the roster is applied, people by e-mail.
        if (auto shared = repo.account(sameName->id); !shared) {
            return shared.error();
        } else if (shared.value()) {
            return Error{tr("Your team “%1” is shared through %2: stop sharing it there first, or keep it apart under "
                            "another name.")
                             .arg(sameName->name, shared.value()->url.toDisplayString()),
                         SameNamedTeamField.toString()};
        }
        if (auto status = IdRewrite(db).team(sameName->id, team); !status) {
            return status.error();
        }
        Team moved = *sameName;
        moved.id = team;
        ChangeLog log(db);
        if (auto status =
                log.append(Entity::Team, sameName->id.toString(), ChangeAction::Delete, toJson(*sameName), {});
            !status) {
            return status.error();
        }
        if (auto status = log.append(Entity::Team, team.toString(), ChangeAction::Create, {}, toJson(moved)); !status) {
            return status.error();
        }
        linked = true;
        said.append(tr("Your team “%1” is linked to the shared team.").arg(sameName->name));
    }

    // With a linked team, what this database has of it joins the server's: both sides' people,
    // rotations, pools and holidays (the server's values where both have the same one).
    QJsonObject wanted = decoded->data;
    if (linked) {
        // People and rotations of the same e-mail or name take the shared ids first; then both
        // rosters are merged as two independent creations (no common base): everything of both,
        // the server's value where both have one.
        if (auto status = local.matchRoster(decoded->data); !status) {
            return status.error();
        }
        auto mine = local.current(ref);
        if (!mine) {
            return mine.error();
        }
        if (mine.value()) {
            wanted = mergeResource({}, *mine.value(), decoded->data).preferTheirs;
            // One holiday a day: where both have one, the server's.
            const QJsonArray theirHolidays = decoded->data.value(u"holidays"_s).toArray();
            QSet<QString> days;
            for (const QJsonValue &h : theirHolidays) {
                days.insert(h.toObject().value(u"date"_s).toString());
            }
            QJsonArray holidays;
            for (const QJsonValue &h : wanted.value(u"holidays"_s).toArray()) {
                if (theirHolidays.contains(h) || !days.contains(h.toObject().value(u"date"_s).toString())) {
                    holidays.append(h);
                }
            }
            wanted.insert(u"holidays"_s, holidays);
        }
    }
    auto written = writeRemote(db, local, client.settings().url, ref, wanted, !linked);
    if (!written) {
        return written.error();
    }
    said += local.takeNotes();
    SyncAccount account;
    account.team = team;
    account.url = client.settings().url.adjusted(QUrl::RemoveUserInfo);
    account.username = client.settings().username;
    account.allowInsecureHttp = client.settings().allowInsecureHttp;
    if (auto status = repo.saveAccount(account); !status) {
        return status.error();
    }
    if (auto status = tx.commit(); !status) {
        return status.error();
    }
    if (notes) {
        said.removeDuplicates();
        *notes = said;
    }
    return team;
}

Status disconnectTeam(Database &db, TeamId team)
{
    Transaction tx(db);
    if (!tx.status()) {
        return tx.status();
    }
    if (auto status = SyncRepository(db).removeAccount(team); !status) {
        return status;
    }
    return tx.commit();
}

} // namespace Tandem

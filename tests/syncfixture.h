#pragma once

// Helpers of the sync tests: a lead's machine, the shifts of a team, and another client reading
// or changing a resource of the collection directly (what a second Tandem or a calendar app does).

#include "fakeclock.h"
#include "ical/icalcodec.h"
#include "store/database.h"
#include "store/shiftrepository.h"
#include "sync/caldavclient.h"
#include "testutil.h"

#include <QJsonObject>

#include <functional>

namespace Tandem::Test {

/// One lead's machine in a sync test: its own clock and a fresh database in a real SQLite file.
struct Machine
{
    QTemporaryDir dir;
    FakeClock clock{fixedNow()};
    std::unique_ptr<Database> db = openFresh(dir, clock);
};

/// Every shift of the team's rotations, in time order.
inline QList<Shift> teamShifts(Database &db, TeamId team)
{
    QList<Shift> result;
    const auto all = ShiftRepository(db).overlapping(QDateTime::fromSecsSinceEpoch(0, Qt::UTC),
                                                     QDateTime(QDate(2100, 1, 1), QTime(), Qt::UTC));
    for (const Shift &s : all.value()) {
        const auto rotation = RotationRepository(db).find(s.rotationId);
        if (rotation && rotation.value() && rotation.value()->teamId == team) {
            result.append(s);
        }
    }
    return result;
}

/// The server's version of a resource (by uid; the roster by its fixed name), decoded; empty
/// when it is not there.
inline QJsonObject onServer(const DavSettings &settings, const QString &uid)
{
    CalDavClient client(settings);
    const auto got = client.multiget({client.hrefFor(uid)});
    if (!std::holds_alternative<QList<DavItem>>(got) || std::get<QList<DavItem>>(got).isEmpty()) {
        return {};
    }
    const auto decoded = decodeResource(std::get<QList<DavItem>>(got).first().data);
    return decoded ? decoded->data : QJsonObject();
}

/// Another client changes a resource on the server: reads it, lets `edit` change its JSON
/// (returning false deletes it instead) and writes it back over the ETag it read. Returns the
/// JSON written (empty after a deletion or a failure, which is logged).
inline QJsonObject editOnServer(const DavSettings &settings, const QString &uid,
                                const std::function<bool(QJsonObject &)> &edit)
{
    CalDavClient other(settings);
    const QString href = other.hrefFor(uid);
    const auto got = other.multiget({href});
    if (!std::holds_alternative<QList<DavItem>>(got) || std::get<QList<DavItem>>(got).isEmpty()) {
        qWarning("editOnServer: %s is not on the server", qPrintable(uid));
        return {};
    }
    const DavItem item = std::get<QList<DavItem>>(got).first();
    const auto decoded = decodeResource(item.data);
    if (!decoded) {
        qWarning("editOnServer: %s", qPrintable(decoded.errorMessage()));
        return {};
    }
    QJsonObject data = decoded->data;
    if (!edit(data)) {
        if (!std::holds_alternative<bool>(other.remove(href, item.etag))) {
            qWarning("editOnServer: the DELETE of %s failed", qPrintable(uid));
        }
        return {};
    }
    const QByteArray ics = encodeResource(ResourceData{decoded->kind, decoded->uid, data}, {}, item.data);
    if (const auto put = other.put(href, ics, item.etag); !std::holds_alternative<QByteArray>(put)) {
        qWarning("editOnServer: the PUT of %s failed: %s", qPrintable(uid),
                 std::holds_alternative<DavError>(put) ? qPrintable(std::get<DavError>(put).message) : "");
        return {};
    }
    return data;
}

} // namespace Tandem::Test

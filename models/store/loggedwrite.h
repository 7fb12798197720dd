#pragma once

#include "domain/changeentry.h"
#include "domain/result.h"

#include <QJsonObject>
#include <QList>

#include <functional>

namespace Tandem {

class Database;

/// The change-log row of one write: the kind of thing, which one, and how it was before and
/// after (no `before` for a creation, no `after` for a deletion).
struct ChangeRecord
{
    QStringView entity;
    QString entityId;
    ChangeAction action = ChangeAction::Update;
    QJsonObject before;
    QJsonObject after;

    static ChangeRecord created(QStringView entity, const QString &id, QJsonObject after)
    {
        return {entity, id, ChangeAction::Create, {}, std::move(after)};
    }
    static ChangeRecord updated(QStringView entity, const QString &id, QJsonObject before, QJsonObject after)
    {
        return {entity, id, ChangeAction::Update, std::move(before), std::move(after)};
    }
    static ChangeRecord deleted(QStringView entity, const QString &id, QJsonObject before)
    {
        return {entity, id, ChangeAction::Delete, std::move(before), {}};
    }
};

/// Runs one repository write and appends its change-log row, both in one transaction: the
/// caller's when it holds one (its commit or rollback takes both, with whatever else it wrote),
/// else one of its own. The row is appended only when the write succeeded; the first error is
/// returned as it is. Every write of the services goes through here, so none goes without its
/// row, nor a row without its write.
[[nodiscard]] Status writeLogged(Database &db, const std::function<Status()> &write, const ChangeRecord &record);

/// The same for a write whose rows are known only once it is done (an id rewrite moves the rows
/// that name the id with it): `records` runs after the write, in the same transaction, and every
/// row it gives is appended; an empty list is a write that changed nothing.
[[nodiscard]] Status writeLogged(Database &db, const std::function<Status()> &write,
                                 const std::function<Result<QList<ChangeRecord>>()> &records);

} // namespace Tandem

#include "loggedwrite.h"

#include "changelog.h"
#include "database.h"
#include "transaction.h"

#include <optional>

namespace Tandem {

Status writeLogged(Database &db, const std::function<Status()> &write, const ChangeRecord &record)
{
    return writeLogged(db, write, [&record]() -> Result<QList<ChangeRecord>> { return QList<ChangeRecord>{record}; });
}

Status writeLogged(Database &db, const std::function<Status()> &write,
                   const std::function<Result<QList<ChangeRecord>>()> &records)
{
    // Inside the caller's transaction a savepoint per write would only cost time (a plan writes
    // thousands of shifts): the caller's rollback already takes both.
    std::optional<Transaction> own;
    if (db.transactionDepth() == 0) {
        own.emplace(db);
        if (!own->status()) {
            return own->status();
        }
    }
    if (auto status = write(); !status) {
        return status;
    }
    auto rows = records();
    if (!rows) {
        return rows.error();
    }
    ChangeLog log(db);
    for (const ChangeRecord &record : std::as_const(rows.value())) {
        if (auto status = log.append(record.entity, record.entityId, record.action, record.before, record.after);
            !status) {
            return status;
        }
    }
    return own ? own->commit() : Status();
}

} // namespace Tandem

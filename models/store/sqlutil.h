#pragma once

#include "domain/result.h"

#include <QLoggingCategory>
#include <QSqlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace Tandem {

class Database;

/// Prepares `sql` on the database's connection; a failure (a bug in the SQL) is logged and returned.
Result<QSqlQuery> prepare(Database &db, const QString &sql);
/// Runs a prepared query; a failure is logged with the statement and returned with SQLite's words.
Status exec(QSqlQuery &query);
/// Prepares and runs a statement without bound values.
Status execSql(Database &db, const QString &sql);

} // namespace Tandem

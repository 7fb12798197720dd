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
/// Prepares `sql`, binds `values` in order and runs it: the query, ready to read, or the error.
Result<QSqlQuery> run(Database &db, const QString &sql, const QVariantList &values = {});
/// The same for statements whose rows nobody reads (INSERT, UPDATE, DELETE), through the
/// database's kept statements (Database::statement): each SQL text is parsed once.
Status execute(Database &db, const QString &sql, const QVariantList &values = {});
/// A NULL for a nullable text column (a null QString is bound as '' by exec()).
QVariant sqlNull();

} // namespace Tandem

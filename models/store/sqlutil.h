#pragma once

#include "domain/result.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace Tandem {

class Database;

/// SQLite's error in words a user can act on ("the database is busy…", "…is read-only…", "a team of
/// that name already exists…"), never SQL; prefixed with `context` when one is given.
QString readableError(const QSqlError &error, const QString &context = {});
/// Whether the error is SQLite's "busy" or "locked": another connection holds the write lock.
bool isBusy(const QSqlError &error);
/// Prepares `sql` on the database's connection; a failure (a bug in the SQL) is logged and returned.
Result<QSqlQuery> prepare(Database &db, const QString &sql);
/// The statement prepared once for this connection and kept: for writes repeated many times
/// (an import of 100,000 people parsed the same INSERT 300,000 times). Bind, exec() and leave it;
/// never for a SELECT whose rows are read while the same statement may run again.
Result<QSqlQuery *> prepared(Database &db, const QString &sql);
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

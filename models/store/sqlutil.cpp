#include "sqlutil.h"

#include "database.h"

#include <QCoreApplication>
#include <QSqlError>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStore, "tandem.store")

namespace Tandem {

Result<QSqlQuery> prepare(Database &db, const QString &sql)
{
    QSqlQuery query(db.connection());
    // Rows are read once, in order: without a cache of every row read so far, a range of
    // thousands of shifts costs half as much.
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        qCWarning(lcStore) << "prepare failed:" << query.lastError().text() << sql;
        return Error{QCoreApplication::translate("Tandem::Store", "Database error: %1").arg(query.lastError().text())};
    }
    return query;
}

Status exec(QSqlQuery &query)
{
    // The driver binds a null QString as SQL NULL; our text columns are NOT NULL with '' for
    // "nothing". Explicit NULLs are bound as a null variant (QVariant(QMetaType)) and stay NULL.
    const QVariantList values = query.boundValues();
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        if (value.typeId() == QMetaType::QString && !value.isNull() && value.toString().isNull()) {
            query.bindValue(int(i), QString(u""_s));
        }
    }
    if (!query.exec()) {
        qCWarning(lcStore) << "query failed:" << query.lastError().text() << query.lastQuery();
        return Error{QCoreApplication::translate("Tandem::Store", "Database error: %1").arg(query.lastError().text())};
    }
    return {};
}

Status execSql(Database &db, const QString &sql)
{
    auto query = prepare(db, sql);
    if (!query) {
        return query.error();
    }
    return exec(query.value());
}

Result<QSqlQuery> run(Database &db, const QString &sql, const QVariantList &values)
{
    auto query = prepare(db, sql);
    if (!query) {
        return query.error();
    }
    for (const QVariant &value : values) {
        query.value().addBindValue(value);
    }
    if (auto status = exec(query.value()); !status) {
        return status.error();
    }
    return query;
}

Status execute(Database &db, const QString &sql, const QVariantList &values)
{
    // Nobody reads its rows, so the statement can be kept and run again with the next values.
    auto statement = db.statement(sql);
    if (!statement) {
        return statement.error();
    }
    QSqlQuery &query = *statement.value();
    for (qsizetype i = 0; i < values.size(); ++i) {
        query.bindValue(int(i), values.at(i));
    }
    const Status status = exec(query);
    query.finish();
    return status;
}

QVariant sqlNull()
{
    return QVariant(QMetaType::fromType<QString>());
}

} // namespace Tandem

#include "sqlutil.h"

#include "database.h"

#include <QCoreApplication>
#include <QSqlError>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStore, "tandem.store")

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::Store", text);
}

// What a UNIQUE constraint on `table` means to the user.
QString duplicateOf(const QString &detail)
{
    static const QList<QPair<QString, const char *>> tables = {
        {u"teams."_s, QT_TRANSLATE_NOOP("Tandem::Store", "a team of that name already exists")},
        {u"people."_s, QT_TRANSLATE_NOOP("Tandem::Store", "someone with that e-mail is already on the roster")},
        {u"rotations."_s, QT_TRANSLATE_NOOP("Tandem::Store", "a rotation of that name already exists")},
        {u"ops_pools."_s, QT_TRANSLATE_NOOP("Tandem::Store", "an ops pool of that name already exists")},
        {u"shifts."_s, QT_TRANSLATE_NOOP("Tandem::Store", "that shift already exists")},
        {u"holidays."_s, QT_TRANSLATE_NOOP("Tandem::Store", "the team already has a holiday on that day")},
    };
    for (const auto &[table, words] : tables) {
        if (detail.contains(table)) {
            return tr(words);
        }
    }
    return tr("that record already exists");
}

} // namespace

QString readableError(const QSqlError &error, const QString &context)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    const QString detail = error.databaseText();
    QString words;
    switch (ok ? code : -1) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        words = tr("the database is busy: another program (another Tandem, or the sync) is writing to it; try again "
                   "in a moment");
        break;
    case 8: // SQLITE_READONLY
        words = tr("the database is read-only: Tandem may read it but not write to it (check the permissions of "
                   "the file and its folder)");
        break;
    case 10: // SQLITE_IOERR
        words = tr("the disk could not read or write the database file");
        break;
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        words = tr("the database file is damaged; `tandem check` tells what is wrong");
        break;
    case 13: // SQLITE_FULL
        words = tr("the disk is full");
        break;
    case 14: // SQLITE_CANTOPEN
        words = tr("the database file cannot be opened");
        break;
    case 19: // SQLITE_CONSTRAINT
        if (detail.startsWith(u"UNIQUE"_s) || detail.startsWith(u"PRIMARY KEY"_s)) {
            words = tr("%1 (perhaps written at the same moment by another Tandem); nothing was written")
                        .arg(duplicateOf(detail));
        } else if (detail.startsWith(u"FOREIGN KEY"_s)) {
            words = tr("it refers to something that was deleted meanwhile; nothing was written");
        } else if (detail.startsWith(u"CHECK"_s) || detail.startsWith(u"NOT NULL"_s)) {
            words = tr("a value is missing or out of its allowed range; nothing was written");
        } else {
            // A trigger's RAISE(): its own words, as they are.
            return context.isEmpty() ? detail : tr("%1: %2").arg(context, detail);
        }
        break;
    default:
        words = detail.isEmpty() ? error.text() : detail;
        break;
    }
    if (context.isEmpty()) {
        return words.isEmpty() ? words : words.at(0).toUpper() + words.mid(1) + u'.';
    }
    return tr("%1: %2").arg(context, words);
}

bool isBusy(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    return ok && (code == 5 || code == 6);
}

Result<QSqlQuery> prepare(Database &db, const QString &sql)
{
    QSqlQuery query(db.connection());
    // Rows are read once, in order: without a cache of every row read so far, a range of
    // thousands of shifts costs half as much.
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        qCWarning(lcStore) << "prepare failed:" << query.lastError().text() << sql;
        return Error{readableError(query.lastError())};
    }
    return query;
}

Result<QSqlQuery *> prepared(Database &db, const QString &sql)
{
    if (QSqlQuery *cached = db.cachedStatement(sql)) {
        return cached;
    }
    auto query = prepare(db, sql);
    if (!query) {
        return query.error();
    }
    return db.cacheStatement(sql, std::move(query).value());
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
        return Error{readableError(query.lastError())};
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
    auto statement = prepared(db, sql);
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

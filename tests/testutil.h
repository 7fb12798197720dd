#pragma once

#include "domain/clock.h"
#include "domain/person.h"
#include "fakeclock.h"
#include "services/rosterservice.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace Tandem::Test {

/// A fixed "now" for tests: Wednesday 2026-03-18 12:00 UTC.
inline QDateTime fixedNow()
{
    return QDateTime(QDate(2026, 3, 18), QTime(12, 0), Qt::UTC);
}

/// Keeps the test's settings and data files in `home` (XDG_CONFIG_HOME, XDG_DATA_HOME), never in
/// the user's; with `application`, QSettings also gets its own organisation and application name.
inline void usePrivateHome(const QTemporaryDir &home, const QString &application = {})
{
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    if (!application.isEmpty()) {
        QCoreApplication::setOrganizationName(QStringLiteral("TandemTest"));
        QCoreApplication::setApplicationName(application);
    }
}

/// A fresh Tandem database in a real SQLite file inside `dir`.
inline std::unique_ptr<Database> openFresh(const QTemporaryDir &dir, const Clock &clock,
                                           const QString &name = QStringLiteral("tandem.sqlite"))
{
    auto db = Database::open(dir.filePath(name), clock);
    if (!db) {
        qFatal("cannot open test database: %s", qPrintable(db.errorMessage()));
    }
    db.value()->setActor(QStringLiteral("tester@example.com"));
    return std::move(db).value();
}

inline Person makePerson(const QString &name, const QString &email, Role role = Role::Developer)
{
    Person p;
    p.name = name;
    p.email = email;
    p.role = role;
    p.timeZone = QStringLiteral("Europe/Berlin");
    p.productionAccess = Person::defaultProductionAccess(role);
    return p;
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readAll();
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

/// The mnemonic letter of a menu entry or label ("&File" -> 'f'), lower case; none for "&&" alone.
inline QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == u'&') {
            if (text.at(i + 1) == u'&') {
                ++i;
                continue;
            }
            return text.at(i + 1).toLower();
        }
    }
    return {};
}

} // namespace Tandem::Test

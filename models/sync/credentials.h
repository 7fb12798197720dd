#pragma once

#include "domain/result.h"

#include <QString>
#include <QUrl>

namespace Tandem {

/// CalDAV passwords in the operating system's keychain (QtKeychain: Secret Service, macOS
/// Keychain, Windows Credential Store). Never in QSettings, the database or a log. Blocking:
/// each call waits for the keychain (a local event loop).
class Credentials
{
public:
    /// The keychain entry of one account: the user at the server, not the password.
    static QString entryName(const QUrl &url, const QString &username);

    /// The stored password; fails with a message when there is none or no keychain.
    static Result<QString> read(const QUrl &url, const QString &username);
    static Status write(const QUrl &url, const QString &username, const QString &password);
    static Status remove(const QUrl &url, const QString &username);
};

} // namespace Tandem

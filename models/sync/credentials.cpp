#include "credentials.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

const QString Service = u"Tandem CalDAV"_s;

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::Credentials", text);
}

// Runs a keychain job to its end and says what went wrong, in words.
Status wait(QKeychain::Job &job)
{
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    loop.exec();
    switch (job.error()) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return Error{tr("No password is stored in the keychain for this account.")};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error{tr("The keychain refused access: %1").arg(job.errorString())};
    case QKeychain::NoBackendAvailable:
        return Error{tr("No keychain is available on this system (%1). Set TANDEM_CALDAV_PASSWORD for the "
                        "command line, or start a Secret Service such as GNOME Keyring or KWallet.")
                         .arg(job.errorString())};
    default:
        return Error{tr("The keychain failed: %1").arg(job.errorString())};
    }
}

} // namespace

QString Credentials::entryName(const QUrl &url, const QString &username)
{
    QUrl key = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    return username + u" @ "_s + key.toString();
}

Result<QString> Credentials::read(const QUrl &url, const QString &username)
{
    QKeychain::ReadPasswordJob job(Service);
    job.setKey(entryName(url, username));
    if (auto status = wait(job); !status) {
        return status.error();
    }
    return job.textData();
}

Status Credentials::write(const QUrl &url, const QString &username, const QString &password)
{
    QKeychain::WritePasswordJob job(Service);
    job.setKey(entryName(url, username));
    job.setTextData(password);
    return wait(job);
}

Status Credentials::remove(const QUrl &url, const QString &username)
{
    QKeychain::DeletePasswordJob job(Service);
    job.setKey(entryName(url, username));
    auto status = wait(job);
    if (!status && job.error() == QKeychain::EntryNotFound) {
        return {};
    }
    return status;
}

} // namespace Tandem

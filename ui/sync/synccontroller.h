#pragma once

#include "domain/changeentry.h"
#include "domain/ids.h"
#include "domain/result.h"
#include "services/syncservice.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

class QThread;

namespace Tandem {

class Database;

/// Where the controller keeps passwords: the OS keychain (QtKeychain) by default; tests give
/// their own, since QtKeychain needs a Secret Service.
struct PasswordStore
{
    std::function<Result<QString>(const QUrl &url, const QString &username)> read;
    std::function<Status(const QUrl &url, const QString &username, const QString &password)> write;
    std::function<Status(const QUrl &url, const QString &username)> remove;

    static PasswordStore keychain();
};

/// Runs the CalDAV sync of every shared team of one open database, one run at a time, in a
/// worker thread with its own connection to the file (a QSqlDatabase belongs to the thread that
/// opened it). Announces what a run changed on the GUI's connection, so the views update.
/// Syncs on request, and with setAutomatic(): at start, a few seconds after a local edit, and
/// every five minutes. Keeps the last outcome for the status bar.
class SyncController final : public QObject
{
    Q_OBJECT

public:
    /// Asks for the password again after the server refused it (401); nullopt when cancelled.
    /// `remember` is set by the prompt when the password should go to the store.
    using PasswordPrompt = std::function<std::optional<QString>(const SyncAccount &account, const QString &teamName,
                                                                const QString &reason, bool *remember)>;

    explicit SyncController(Database &db, QObject *parent = nullptr);
    /// Waits for a running sync to end (its requests time out after at most 30 s).
    ~SyncController() override;

    void setPasswordStore(PasswordStore store) { m_store = std::move(store); }
    const PasswordStore &passwordStore() const { return m_store; }
    void setPasswordPrompt(PasswordPrompt prompt) { m_prompt = std::move(prompt); }
    /// Remembers the password of an account for this session (the share dialog's).
    void setSessionPassword(const QUrl &url, const QString &username, const QString &password);

    /// At start, debounced after a local edit, and periodically.
    void setAutomatic(bool on);
    bool isAutomatic() const { return m_automatic; }
    void setDebounceInterval(int ms) { m_debounce.setInterval(ms); }
    void setPeriodicInterval(int ms) { m_periodic.setInterval(ms); }

    /// Syncs every shared team. While a sync runs, one more run is queued.
    void syncNow();
    bool isSyncing() const { return m_running; }

    /// Connects a team (or joins, with a null team) in the worker thread; `done` runs in this
    /// thread after the changes were announced. Does not store the password and does not sync.
    void connectTeam(const ConnectRequest &request, std::function<void(const Result<TeamId> &)> done);
    /// What the last join matched or renamed, in words (set before `done` runs).
    QStringList lastConnectNotes() const { return m_connectNotes; }
    bool isConnecting() const { return m_connecting; }

    /// Whether any team of the database is shared.
    bool hasAccounts() const;

    // The outcome of the last run, for the status bar.
    bool hasRun() const { return m_hasRun; }
    bool lastOk() const { return m_lastOk; }
    QString statusText() const { return m_statusText; }
    QString readOnlyText() const { return m_readOnlyText; }
    /// Local changes not on the server yet, and unresolved conflicts, over every shared team
    /// (read from the database, current after any edit).
    int pending() const;
    int conflictCount() const;

Q_SIGNALS:
    void started();
    /// `phase` in words; `total` 0 when the size is not known yet.
    void progress(const QString &phase, int done, int total);
    /// A run ended (after a retry, when there was one); the status texts are updated.
    void finished(bool ok);
    /// The server's certificate was refused: the connection was not made.
    void certificateRefused(const QString &teamName, const Tandem::DavError &error);
    /// Changes a run brought from the server broke a rule (gaps, overlaps): the lead hears of them.
    void flagged(const QList<Tandem::SyncFlag> &flags);

private:
    struct Job
    {
        TeamId team;
        QString teamName;
        SyncAccount account;
        QString password;
        bool retried = false;
    };
    struct Outcome
    {
        Job job;
        SyncReport report;
    };

    void start(QList<Job> jobs);
    void onFinished(const QList<Outcome> &outcomes);
    void announce(const QList<ChangeEntry> &changes);
    QString passwordFor(const SyncAccount &account);
    static QString key(const QUrl &url, const QString &username);

    Database &m_db;
    PasswordStore m_store;
    PasswordPrompt m_prompt;
    QHash<QString, QString> m_passwords; ///< this session's, by key(); never written anywhere
    QTimer m_debounce;
    QTimer m_periodic;
    QPointer<QThread> m_thread;
    QPointer<QThread> m_connectThread;
    bool m_automatic = false;
    bool m_running = false;
    bool m_again = false;
    bool m_connecting = false;
    bool m_announcing = false;
    bool m_hasRun = false;
    bool m_lastOk = false;
    QString m_statusText;
    QString m_readOnlyText;
    QStringList m_connectNotes;
};

} // namespace Tandem

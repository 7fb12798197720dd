#include "synccontroller.h"

#include "services/rosterservice.h"
#include "store/database.h"
#include "sync/credentials.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QThread>

#include <memory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSyncController, "tandem.ui.sync")

namespace Tandem {

namespace {

constexpr int DebounceMs = 3000;
constexpr int PeriodMs = 5 * 60 * 1000;

/// Runs `work` in a new thread on a connection of its own to the file of `db` (a QSqlDatabase
/// may only be used in the thread that opened it); `done` runs in the thread of `context`.
/// `work` gets a null database and the reason when the file cannot be opened there.
template <typename R>
QThread *runOnOwnConnection(Database &db, QObject *context, std::function<R(Database *, const QString &)> work,
                            std::function<void(R)> done)
{
    auto result = std::make_shared<std::optional<R>>();
    const QString path = db.path();
    const QString actor = db.actor();
    const Clock *clock = &db.clock();
    QThread *thread = QThread::create([path, actor, clock, work, result] {
        auto opened = Database::open(path, *clock);
        if (!opened) {
            *result = work(nullptr, opened.errorMessage());
            return;
        }
        opened.value()->setActor(actor);
        *result = work(opened.value().get(), {});
    });
    QObject::connect(thread, &QThread::finished, context, [thread, result, done] {
        thread->deleteLater();
        if (*result) {
            done(std::move(**result));
        }
    });
    thread->start();
    return thread;
}

} // namespace

PasswordStore PasswordStore::keychain()
{
    return PasswordStore{&Credentials::read, &Credentials::write, &Credentials::remove};
}

SyncController::SyncController(Database &db, QObject *parent)
    : QObject(parent), m_db(db), m_store(PasswordStore::keychain())
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    m_periodic.setInterval(PeriodMs);
    connect(&m_debounce, &QTimer::timeout, this, &SyncController::syncNow);
    connect(&m_periodic, &QTimer::timeout, this, &SyncController::syncNow);
    connect(&m_db, &Database::committed, this, [this] {
        // Changes the sync itself brought are announced here too: they need no sync back.
        if (m_automatic && !m_announcing) {
            m_debounce.start();
        }
    });
}

SyncController::~SyncController()
{
    for (QThread *thread : {m_thread.data(), m_connectThread.data()}) {
        if (thread) {
            thread->wait();
            delete thread;
        }
    }
}

QString SyncController::key(const QUrl &url, const QString &username)
{
    return Credentials::entryName(url, username);
}

void SyncController::setSessionPassword(const QUrl &url, const QString &username, const QString &password)
{
    m_passwords.insert(key(url, username), password);
}

void SyncController::setAutomatic(bool on)
{
    m_automatic = on;
    if (!on) {
        m_debounce.stop();
        m_periodic.stop();
        return;
    }
    m_periodic.start();
    if (hasAccounts()) {
        QTimer::singleShot(0, this, &SyncController::syncNow);
    }
}

bool SyncController::hasAccounts() const
{
    auto accounts = SyncService(m_db).accounts();
    return accounts && !accounts->isEmpty();
}

int SyncController::pending() const
{
    SyncService service(m_db);
    int total = 0;
    // A count in the status bar: a failed read counts nothing, and the next sync reads again.
    for (const SyncAccount &account : service.accounts().value_or({})) {
        if (auto status = service.status(account.team)) {
            total += status->pending;
        }
    }
    return total;
}

int SyncController::conflictCount() const
{
    SyncService service(m_db);
    int total = 0;
    // A count in the status bar: a failed read counts nothing, and the next sync reads again.
    for (const SyncAccount &account : service.accounts().value_or({})) {
        if (auto status = service.status(account.team)) {
            total += int(status->conflicts.size());
        }
    }
    return total;
}

QString SyncController::passwordFor(const SyncAccount &account)
{
    if (account.username.isEmpty()) {
        return {};
    }
    const QString k = key(account.url, account.username);
    if (auto it = m_passwords.constFind(k); it != m_passwords.constEnd()) {
        return *it;
    }
    // No stored password: try without one (servers without authentication take any); a 401
    // asks for it.
    QString password;
    if (m_store.read) {
        auto stored = m_store.read(account.url, account.username);
        if (stored) {
            password = stored.value();
        } else {
            qCDebug(lcSyncController) << "no stored password for" << k << ":" << stored.errorMessage();
        }
    }
    m_passwords.insert(k, password);
    return password;
}

void SyncController::syncNow()
{
    if (m_running) {
        m_again = true;
        return;
    }
    m_debounce.stop();
    auto accounts = SyncService(m_db).accounts();
    if (!accounts) {
        m_hasRun = true;
        m_lastOk = false;
        m_statusText = tr("Sync failed: %1").arg(accounts.errorMessage());
        Q_EMIT finished(false);
        return;
    }
    if (accounts->isEmpty()) {
        return;
    }
    // Set before the keychain is asked: its local event loop may deliver a timer.
    m_running = true;
    QList<Job> jobs;
    for (const SyncAccount &account : accounts.value()) {
        const auto team = RosterService(m_db).team(account.team);
        const QString name = team && team.value() ? team.value()->name : account.url.toDisplayString();
        jobs.append(Job{account.team, name, account, passwordFor(account)});
    }
    start(jobs);
}

void SyncController::start(QList<Job> jobs)
{
    m_running = true;
    Q_EMIT started();
    auto progressFn = [this](const QString &teamName, int teams) {
        return [this, teamName, teams](const QString &phase, int done, int total) {
            const QString text = teams > 1 ? tr("%1: %2").arg(teamName, phase) : phase;
            QMetaObject::invokeMethod(
                this, [this, text, done, total] { Q_EMIT progress(text, done, total); }, Qt::QueuedConnection);
        };
    };
    QList<std::pair<Job, SyncProgressFn>> work;
    for (const Job &job : std::as_const(jobs)) {
        work.append({job, progressFn(job.teamName, int(jobs.size()))});
    }
    m_thread = runOnOwnConnection<QList<Outcome>>(
        m_db, this,
        [work](Database *db, const QString &openError) {
            QList<Outcome> outcomes;
            for (const auto &[job, progress] : work) {
                SyncReport report;
                if (!db) {
                    report.message = tr("Sync failed: %1").arg(openError);
                } else {
                    // CalDavClient is made here, in the worker: its network manager lives in this thread.
                    report = SyncService(*db).sync(job.team, job.password, progress);
                }
                outcomes.append(Outcome{job, report});
            }
            return outcomes;
        },
        [this](QList<Outcome> outcomes) { onFinished(outcomes); });
}

void SyncController::announce(const QList<ChangeEntry> &changes)
{
    m_announcing = true;
    m_db.announce(changes);
    m_announcing = false;
}

void SyncController::onFinished(const QList<Outcome> &outcomes)
{
    QList<Job> retry;
    int received = 0;
    int sent = 0;
    bool ok = true;
    QStringList failures;
    QStringList readOnly;
    QList<SyncFlag> flags;
    for (const Outcome &o : outcomes) {
        announce(o.report.applied);
        flags += o.report.flags;
        received += o.report.received;
        sent += o.report.sent;
        if (o.report.readOnly) {
            readOnly.append(o.job.teamName);
        }
        if (o.report.ok) {
            continue;
        }
        const auto kind = o.report.error ? std::optional(o.report.error->kind) : std::nullopt;
        if (kind == DavError::Kind::Unauthorized && !o.job.retried && m_prompt) {
            bool remember = true;
            const auto password = m_prompt(o.job.account, o.job.teamName, o.report.error->message, &remember);
            if (password) {
                m_passwords.insert(key(o.job.account.url, o.job.account.username), *password);
                if (remember && m_store.write) {
                    if (auto stored = m_store.write(o.job.account.url, o.job.account.username, *password); !stored) {
                        qCWarning(lcSyncController) << "cannot store the password:" << stored.errorMessage();
                    }
                }
                Job again = o.job;
                again.password = *password;
                again.retried = true;
                retry.append(again);
                continue;
            }
        }
        if (kind == DavError::Kind::Tls) {
            Q_EMIT certificateRefused(o.job.teamName, *o.report.error);
        }
        if (kind != DavError::Kind::Forbidden) {
            ok = false;
        }
        failures.append(outcomes.size() > 1 ? tr("%1: %2").arg(o.job.teamName, o.report.message) : o.report.message);
    }
    if (!retry.isEmpty()) {
        start(retry);
        return;
    }
    m_hasRun = true;
    m_lastOk = ok;
    // Minutes are enough, also where the short format has seconds (the C locale's does).
    const QString time = QLocale().toString(m_db.clock().now().toLocalTime().time(),
                                            QLocale().timeFormat(QLocale::ShortFormat).remove(u":ss"_s));
    if (ok) {
        m_statusText = tr("Synced %1 · %2 received, %3 sent").arg(time).arg(received).arg(sent);
    } else {
        m_statusText = failures.join(u" "_s);
    }
    m_readOnlyText = readOnly.isEmpty() ? QString()
                                        : tr("The server refuses your changes (HTTP 403): %1 is read-only here; your "
                                             "local changes are kept.")
                                              .arg(readOnly.join(u", "_s));
    m_running = false;
    if (!flags.isEmpty()) {
        Q_EMIT flagged(flags);
    }
    Q_EMIT finished(ok);
    if (m_again) {
        m_again = false;
        syncNow();
    }
}

void SyncController::connectTeam(const ConnectRequest &request, std::function<void(const Result<TeamId> &)> done)
{
    if (m_connecting) {
        done(Error{tr("A connection is already being made.")});
        return;
    }
    m_connecting = true;
    struct Connected
    {
        Result<TeamId> team = Error{};
        QList<ChangeEntry> changes;
        QStringList notes;
    };
    m_connectThread = runOnOwnConnection<Connected>(
        m_db, this,
        [this, request](Database *db, const QString &openError) {
            Connected result;
            if (!db) {
                result.team = Error{openError};
                return result;
            }
            // The joined team, its people and rotations: the GUI's views must hear of them.
            connect(db, &Database::committed, db,
                    [&result](const QList<ChangeEntry> &changes) { result.changes += changes; });
            result.team = SyncService(*db).connect(
                request,
                [this](const QString &phase, int, int) {
                    QMetaObject::invokeMethod(
                        this, [this, phase] { Q_EMIT progress(phase, 0, 0); }, Qt::QueuedConnection);
                },
                &result.notes);
            return result;
        },
        [this, done](Connected result) {
            m_connecting = false;
            m_connectNotes = result.notes;
            announce(result.changes);
            done(result.team);
        });
}

} // namespace Tandem

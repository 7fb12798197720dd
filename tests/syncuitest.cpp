#include "sync/syncui.h"

#include "radicale.h"
#include "services/syncservice.h"
#include "sync/synccontroller.h"
#include "testutil.h"
#include "workspace.h"

#include <QAction>
#include <QLabel>
#include <QMainWindow>
#include <QSignalSpy>
#include <QStatusBar>

using namespace Qt::StringLiterals;
using namespace Tandem;

/// The sharing part of the main window (actions and status bar) over a demo workspace and a real
/// Radicale: nothing to sync before the team is shared; after a sync the status says so; with the
/// server stopped a local change is said to be waiting and the failure is shown in red; after the
/// restart the change is sent and the bar is calm again. Passwords live in memory (no Secret
/// Service under ctest).
class SyncUiTest : public QObject
{
    Q_OBJECT

    static constexpr int Timeout = 60000;

    QTemporaryDir m_home;
    Test::RadicaleServer m_server;
    QString m_password;

    static bool syncAndWait(SyncController &sync)
    {
        QSignalSpy finished(&sync, &SyncController::finished);
        sync.syncNow();
        if (!finished.wait(Timeout)) {
            qWarning("the sync did not finish");
            return false;
        }
        return finished.first().first().toBool();
    }

    template <typename T> static T *child(QMainWindow &window, const QString &name)
    {
        auto *widget = window.findChild<T *>(name);
        if (!widget) {
            qFatal("no %s", qPrintable(name));
        }
        return widget;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::usePrivateHome(m_home);
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    }

    void statusFollowsTheSync()
    {
        auto opened = Workspace::open(m_home.filePath(u"ui.sqlite"_s), true);
        QVERIFY2(opened, qPrintable(opened.errorMessage()));
        Workspace &ws = *opened.value();
        ws.sync().setPasswordStore(PasswordStore{
            [this](const QUrl &, const QString &) -> Result<QString> {
                return m_password.isEmpty() ? Result<QString>(Error{u"no keychain in the test"_s}) : m_password;
            },
            [this](const QUrl &, const QString &, const QString &password) -> Status {
                m_password = password;
                return {};
            },
            [this](const QUrl &, const QString &) -> Status {
                m_password.clear();
                return {};
            }});
        QMainWindow window;
        SyncUi ui(&window);
        ui.setWorkspace(&ws);
        window.show();
        auto *status = child<QLabel>(window, u"syncStatusLabel"_s);
        auto *pending = child<QLabel>(window, u"syncPendingLabel"_s);

        // Not shared: only sharing is offered, the bar says nothing about syncing.
        QVERIFY(ui.shareAction()->isEnabled());
        QVERIFY(!ui.syncNowAction()->isEnabled());
        QVERIFY(!ui.conflictsAction()->isEnabled());
        QVERIFY(status->isHidden());

        // Shared and synced.
        const TeamId team = ws.roster().teamByName(u"Payments"_s).value()->id;
        std::optional<Result<TeamId>> connected;
        ws.sync().connectTeam(ConnectRequest{team, m_server.url(u"/alice/ui/"_s), u"alice"_s, {}, false, true},
                              [&connected](const Result<TeamId> &r) { connected = r; });
        QVERIFY(QTest::qWaitFor([&connected] { return connected.has_value(); }, Timeout));
        QVERIFY2(*connected, qPrintable(connected->errorMessage()));
        QVERIFY2(syncAndWait(ws.sync()), qPrintable(ws.sync().statusText()));
        QVERIFY(ui.syncNowAction()->isEnabled());
        QVERIFY(ui.conflictsAction()->isEnabled());
        QVERIFY(status->isVisible());
        QCOMPARE(status->text(), ws.sync().statusText());
        QVERIFY(!status->styleSheet().contains(u"#b00020"_s));
        QVERIFY(pending->isHidden());

        // The server stops; a local change waits and the failure is shown.
        m_server.stop();
        Person someone = ws.roster().people().value().first();
        someone.phone = u"+1 212 555 0100"_s;
        QVERIFY(ws.roster().updatePerson(someone));
        QVERIFY(!syncAndWait(ws.sync()));
        QVERIFY2(status->text().startsWith(u"Sync failed:"_s), qPrintable(status->text()));
        QVERIFY(status->styleSheet().contains(u"#b00020"_s));
        QVERIFY(pending->isVisible());
        QCOMPARE(pending->text(), u"Waiting to send: %1"_s.arg(ws.sync().pending()));
        QVERIFY(ws.sync().pending() > 0);

        // Back: sent, calm.
        QVERIFY2(m_server.restart(), qPrintable(m_server.errorString()));
        QVERIFY2(syncAndWait(ws.sync()), qPrintable(ws.sync().statusText()));
        QVERIFY(!status->styleSheet().contains(u"#b00020"_s));
        QVERIFY(pending->isHidden());
        ui.setWorkspace(nullptr);
        QVERIFY(!ui.shareAction()->isEnabled());
        QVERIFY(status->isHidden());
    }
};

QTEST_MAIN(SyncUiTest)
#include "syncuitest.moc"

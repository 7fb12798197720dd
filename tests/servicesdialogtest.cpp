#include "servicesdialog.h"

#include "home/homepage.h"
#include "reportsdialog.h"
#include "servicecoveragewidget.h"
#include "servicefixture.h"
#include "services/identity.h"
#include "workspace.h"

#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Tandem;

/// Home's "On call now" rows for services, and Rotations ▸ Services… offscreen on the two-continent fixture: a service
/// added, changed and removed through the widgets lands in the database, each an undo step; a refusal is shown and
/// writes nothing; every control has an accessible name.
class ServicesDialogTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;

    static QPushButton *button(ServicesDialog &d, const QString &name) { return d.findChild<QPushButton *>(name); }
    static QListWidget *list(ServicesDialog &d, const QString &name) { return d.findChild<QListWidget *>(name); }

    static void check(QListWidget *legs, const QString &rotation)
    {
        for (int i = 0; i < legs->count(); ++i) {
            if (legs->item(i)->text().startsWith(rotation)) {
                legs->item(i)->setCheckState(Qt::Checked);
                return;
            }
        }
        QFAIL(qPrintable(u"no leg "_s + rotation));
    }

private Q_SLOTS:
    void initTestCase() { Test::usePrivateHome(m_home, u"servicesdialogtest"_s); }

    // Home lists the service after the rotations: by day the Berlin leg's pair; in the hour the
    // US switch leaves to nobody, "not covered now".
    void homeShowsWhoHoldsTheService_data()
    {
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("dev");
        QTest::newRow("Berlin's day") << QDateTime(QDate(2026, 3, 18), QTime(12, 0), Qt::UTC)
                                      << u"Service Payments production\nby Berlin days"_s << u"Dev 0"_s;
        QTest::newRow("New York's day") << QDateTime(QDate(2026, 3, 18), QTime(22, 0), Qt::UTC)
                                        << u"Service Payments production\nby New York days"_s << u"Dev 1"_s;
        QTest::newRow("the DST hole") << QDateTime(QDate(2026, 3, 18), QTime(5, 30), Qt::UTC)
                                      << u"Service Payments production"_s << u"not covered now"_s;
    }
    void homeShowsWhoHoldsTheService()
    {
        QFETCH(QDateTime, now);
        QFETCH(QString, first);
        QFETCH(QString, dev);
        Test::ServiceFixture f(QDate(2026, 3, 1), QDate(2026, 3, 31));
        setConfiguredEmail({});
        auto workspace = Workspace::open(f.db->path());
        QVERIFY2(workspace, qPrintable(workspace.errorMessage()));
        FakeClock clock(now);
        HomePage page;
        page.setClock(&clock);
        page.setWorkspace(workspace.value().get());
        page.show();
        page.refresh();
        auto *view = page.findChild<QTreeWidget *>(u"onCallView"_s);
        QVERIFY(view);
        QTreeWidgetItem *service = nullptr;
        for (int i = 0; i < view->topLevelItemCount(); ++i) {
            if (view->topLevelItem(i)->text(0).startsWith(u"Service "_s)) {
                service = view->topLevelItem(i);
            }
        }
        QVERIFY(service);
        QCOMPARE(service->text(0), first);
        QVERIFY2(service->text(1).startsWith(dev), qPrintable(service->text(1)));
    }

    void addChangeRemoveWithUndo()
    {
        Test::ServiceFixture f(QDate(2026, 3, 1), QDate(2026, 4, 30));
        QUndoStack stack;
        ServicesDialog dialog(*f.db, &stack);
        dialog.show();
        QCOMPARE(list(dialog, u"services"_s)->count(), 1);
        QVERIFY(dialog.selectService(u"payments production"_s));
        // The fixture's service between the US and EU switches: an hour a day nobody's.
        auto *coverage = dialog.findChild<QLabel *>(u"coverage"_s);
        QVERIFY2(coverage->text().contains(u"not covered"_s), qPrintable(coverage->text()));
        QVERIFY2(!coverage->text().contains(u" 0 minutes not covered"_s), qPrintable(coverage->text()));

        // New: a service with the Berlin leg only.
        QTest::mouseClick(button(dialog, u"newService"_s), Qt::LeftButton);
        QVERIFY(dialog.findChild<QLineEdit *>(u"name"_s)->text().isEmpty());
        QTest::keyClicks(dialog.findChild<QLineEdit *>(u"name"_s), u"Checkout EU"_s);
        check(list(dialog, u"legs"_s), u"Berlin days"_s);
        QTest::mouseClick(button(dialog, u"saveService"_s), Qt::LeftButton);
        ServiceCatalog catalog(*f.db);
        auto added = catalog.serviceByName(u"Checkout EU"_s);
        QVERIFY(added && added.value());
        QCOMPARE(added.value()->legs, QList<RotationId>{f.berlin.id});
        QCOMPARE(stack.count(), 1);

        // Change it: add the New York leg and rename.
        QVERIFY(dialog.selectService(u"Checkout EU"_s));
        dialog.findChild<QLineEdit *>(u"name"_s)->setText(u"Checkout global"_s);
        check(list(dialog, u"legs"_s), u"New York days"_s);
        QTest::mouseClick(button(dialog, u"saveService"_s), Qt::LeftButton);
        auto changed = catalog.service(added.value()->id);
        QCOMPARE(changed.value()->name, u"Checkout global"_s);
        QCOMPARE(changed.value()->legs, (QList<RotationId>{f.berlin.id, f.newYork.id}));

        // A refusal: the name of the other service. Shown, nothing written, no undo step.
        dialog.findChild<QLineEdit *>(u"name"_s)->setText(u"PAYMENTS PRODUCTION"_s);
        QTest::mouseClick(button(dialog, u"saveService"_s), Qt::LeftButton);
        QVERIFY2(dialog.findChild<QLabel *>(u"message"_s)->text().contains(u"already"_s),
                 qPrintable(dialog.findChild<QLabel *>(u"message"_s)->text()));
        QCOMPARE(catalog.service(added.value()->id).value()->name, u"Checkout global"_s);
        QCOMPARE(stack.count(), 2);

        // Remove, then undo everything step by step.
        QVERIFY(dialog.selectService(u"Checkout global"_s));
        QTest::mouseClick(button(dialog, u"removeService"_s), Qt::LeftButton);
        QVERIFY(!catalog.service(added.value()->id).value());
        QCOMPARE(list(dialog, u"services"_s)->count(), 1);
        stack.undo();
        QCOMPARE(catalog.service(added.value()->id).value()->name, u"Checkout global"_s);
        QCOMPARE(list(dialog, u"services"_s)->count(), 2);
        stack.undo();
        QCOMPARE(catalog.service(added.value()->id).value()->name, u"Checkout EU"_s);
        QCOMPARE(catalog.service(added.value()->id).value()->legs, QList<RotationId>{f.berlin.id});
        stack.undo();
        QVERIFY(!catalog.service(added.value()->id).value());
        stack.redo();
        QCOMPARE(catalog.service(added.value()->id).value()->name, u"Checkout EU"_s);
    }

    // Rotations ▸ Reports…, tab "Service coverage": the week after the US switch lists the seven
    // hours nobody holds and the seven both legs hold; CSV yes, PDF said to be not there.
    void reportsDialogServiceTab()
    {
        Test::ServiceFixture f(QDate(2026, 3, 1), QDate(2026, 3, 31));
        auto workspace = Workspace::open(f.db->path());
        QVERIFY2(workspace, qPrintable(workspace.errorMessage()));
        ReportsDialog dialog(*workspace.value());
        dialog.findChild<QDateEdit *>(u"toDate"_s)->setDate(QDate(2026, 3, 15));
        dialog.findChild<QDateEdit *>(u"fromDate"_s)->setDate(QDate(2026, 3, 9));
        auto *tab = dialog.findChild<ServiceCoverageWidget *>(u"serviceCoverage"_s);
        QVERIFY(tab);
        QVERIFY(tab->selectService(u"payments production"_s));
        QCOMPARE(tab->coverage().uncoveredMinutes, 7 * 60);
        QCOMPARE(tab->coverage().overlapMinutes, 7 * 60);
        auto *table = tab->findChild<QTableWidget *>(u"serviceHolesTable"_s);
        QCOMPARE(table->rowCount(), 14);
        QCOMPARE(table->item(0, 0)->text(), u"not covered"_s);
        QCOMPARE(table->item(1, 0)->text(), u"overlap"_s);
        QCOMPARE(table->item(1, 4)->text(), u"Berlin days + New York days"_s);
        auto *tabs = dialog.findChild<QTabWidget *>(u"reportTabs"_s);
        tabs->setCurrentWidget(tab);
        // For looking at it: TANDEM_SCREENSHOT_DIR=/tmp/shots ./servicesdialogtest
        if (const QString shots = qEnvironmentVariable("TANDEM_SCREENSHOT_DIR"); !shots.isEmpty()) {
            dialog.resize(1000, 640);
            dialog.show();
            dialog.grab().save(shots + u"/service-coverage.png"_s);
        }
        const QString csv = m_home.filePath(u"service.csv"_s);
        QVERIFY(dialog.exportCsv(csv));
        QVERIFY(Test::readFile(csv).startsWith("kind,start,end,"));
        QCOMPARE(Test::readFile(csv).count("\nuncovered,"), 7);
        QVERIFY(!dialog.exportPdf(m_home.filePath(u"service.pdf"_s)));
        QVERIFY(!QFile::exists(m_home.filePath(u"service.pdf"_s)));
    }

    void accessibleAndKeyboard()
    {
        Test::ServiceFixture f(QDate(2026, 3, 1), QDate(2026, 3, 2));
        QUndoStack stack;
        ServicesDialog dialog(*f.db, &stack);
        dialog.show();
        for (QWidget *w : dialog.findChildren<QWidget *>()) {
            if (QStringList{u"name"_s, u"services"_s, u"legs"_s, u"timeZone"_s}.contains(w->objectName())) {
                QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
            }
            if (auto *b = qobject_cast<QPushButton *>(w)) {
                QVERIFY2(b->text().contains(u'&') || b->text() == u"Close"_s || b->text() == u"&Close"_s,
                         qPrintable(b->text()));
            }
        }
        // Keyboard: the legs' check box toggles with Space.
        QListWidget *legs = list(dialog, u"legs"_s);
        dialog.selectService(u"Payments production"_s);
        legs->setFocus();
        legs->setCurrentRow(0);
        const Qt::CheckState before = legs->item(0)->checkState();
        QTest::keyClick(legs, Qt::Key_Space);
        QVERIFY(legs->item(0)->checkState() != before);
    }
};

QTEST_MAIN(ServicesDialogTest)
#include "servicesdialogtest.moc"

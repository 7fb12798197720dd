#pragma once

#include "calendar/calendarpage.h"
#include "services/planservice.h"
#include "services/rotationservice.h"
#include "workspace.h"

#include <QSize>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace Tandem::Test {

/// The calendar tests' data: opens the demo workspace in `home` and plans every rotation for
/// thirteen weeks from `from`, the Monday after `today` (today's week is left unplanned). A
/// failure fails the calling test (call it last in initTestCase).
inline void openPlannedDemo(const QTemporaryDir &home, const QDate &today, std::unique_ptr<Workspace> &ws, QDate &from)
{
    auto opened = Workspace::open(home.filePath(QStringLiteral("demo.sqlite")), true);
    QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
    ws = std::move(opened).value();
    QList<RotationId> ids;
    for (const Rotation &r : ws->rotations().rotations().value()) {
        ids << r.id;
    }
    from = today.addDays(8 - today.dayOfWeek()); // next Monday
    auto plan = ws->plans().preview(ids, from, from.addDays(13 * 7 - 1));
    QVERIFY2(plan.ok(), qPrintable(plan.errorMessage()));
    QVERIFY(ws->plans().apply(plan.value()).ok());
}

/// Shows `workspace` on `page`, `size` large, at the month of `day`.
inline void showMonth(CalendarPage &page, Workspace *workspace, const QDate &day, const QSize &size)
{
    page.resize(size);
    page.setWorkspace(workspace);
    page.showMonth(day);
    page.show();
}

} // namespace Tandem::Test
